package org.healthmon.ingest.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

	private final MeterRegistry registry;

	private IngestApp(ConfigurableApplicationContext context, int udpPort) {
		this.context = context;
		this.udpPort = udpPort;
		// Kept, so the counters can be read after the app closed
		this.registry = context.getBean(MeterRegistry.class);
	}

	public static IngestApp start(String hdfsUri, Path spoolDir, String... extraProperties) throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Map<String, String> properties = new LinkedHashMap<>();
		Stream
			.concat(Stream.of("server.port=0", "healthmon.ingest.udp.port=0", "healthmon.ingest.hdfs.uri=" + hdfsUri,
					"healthmon.ingest.spool.dir=" + spoolDir, "healthmon.ingest.writer.roll-interval=1s",
					"healthmon.ingest.spool.retry-interval=1s",
					// the test messages carry fixed times of 2025: no event-time window
					"healthmon.ingest.max-age=36500d"), Stream.of(extraProperties))
			.map((p) -> p.split("=", 2))
			.forEach((kv) -> properties.put(kv[0], kv[1]));
		// As arguments, not builder properties: those are defaults that application.yaml
		// overrides
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class)
			.listeners((ApplicationListener<UdpServerListeningEvent>) (event) -> port.complete(event.getPort()))
			.run(properties.entrySet()
				.stream()
				.map((p) -> "--" + p.getKey() + "=" + p.getValue())
				.toArray(String[]::new));
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
		return this.registry.find(name).tags(tags).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
