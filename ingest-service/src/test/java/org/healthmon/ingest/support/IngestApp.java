package org.healthmon.ingest.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.healthmon.ingest.IngestApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.ip.udp.UdpServerListeningEvent;

/**
 * The real ingest application on a free UDP port and a free HTTP port, writing to the
 * given file system. The UDP port is learned from the {@link UdpServerListeningEvent}.
 */
public final class IngestApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int udpPort;

	private IngestApp(ConfigurableApplicationContext context, int udpPort) {
		this.context = context;
		this.udpPort = udpPort;
	}

	public static IngestApp start(String hdfsUri, Path spoolDir, String... extraProperties) throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		List<String> properties = new ArrayList<>(List.of("server.port=0", "healthmon.ingest.udp.port=0",
				"healthmon.ingest.hdfs.uri=" + hdfsUri, "healthmon.ingest.spool.dir=" + spoolDir,
				"healthmon.ingest.writer.roll-interval=1s", "healthmon.ingest.spool.retry-interval=1s"));
		properties.addAll(List.of(extraProperties));
		// As arguments, not builder properties: those are defaults that application.yaml overrides
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class)
			.listeners((ApplicationListener<UdpServerListeningEvent>) (event) -> port.complete(event.getPort()))
			.run(properties.stream().map((p) -> "--" + p).toArray(String[]::new));
		return new IngestApp(context, port.get(30, TimeUnit.SECONDS));
	}

	public int udpPort() {
		return this.udpPort;
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/** A counter's value, or 0 when it was never registered. */
	public double counter(String name, String... tags) {
		MeterRegistry registry = this.context.getBean(MeterRegistry.class);
		return registry.find(name).tags(tags).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
