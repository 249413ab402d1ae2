package org.healthmon.speed.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.spark.api.java.JavaSparkContext;
import org.healthmon.speed.SpeedApplication;
import org.healthmon.speed.run.RunOutcome;
import org.healthmon.speed.run.SpeedRun;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real speed application on a free HTTP port with Spark {@code local[2]}, reading and
 * writing the given file system. Each start is a new app life: its Spark context starts
 * with it and stops when it closes, so two are never active in the JVM.
 */
public final class SpeedApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final MeterRegistry registry;

	private SpeedApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.registry = context.getBean(MeterRegistry.class);
	}

	public static SpeedApp start(String hdfsUri, String... extraProperties) {
		Map<String, String> properties = new LinkedHashMap<>();
		Stream
			.concat(Stream.of("server.port=0", "healthmon.speed.hdfs.uri=" + hdfsUri,
					"healthmon.speed.spark.master=local[2]", "healthmon.speed.run-interval=300ms",
					"healthmon.speed.grace=4s", "healthmon.speed.hdfs.properties.dfs.replication=1",
					"healthmon.speed.spark.properties.spark.ui.enabled=false",
					"healthmon.speed.spark.properties.spark.driver.host=127.0.0.1",
					"healthmon.speed.spark.properties.spark.driver.bindAddress=127.0.0.1"), Stream.of(extraProperties))
			.map((p) -> p.split("=", 2))
			.forEach((kv) -> properties.put(kv[0], kv[1]));
		// As arguments, not builder properties: those are defaults that application.yaml
		// overrides
		return new SpeedApp(new SpringApplicationBuilder(SpeedApplication.class).run(properties.entrySet()
			.stream()
			.map((p) -> "--" + p.getKey() + "=" + p.getValue())
			.toArray(String[]::new)));
	}

	/** One run now (waits for a scheduled run under way). */
	public RunOutcome runOnce() throws IOException {
		return this.context.getBean(SpeedRun.class).runOnce();
	}

	/** One of the app's beans. */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public JavaSparkContext spark() {
		return this.context.getBean(JavaSparkContext.class);
	}

	public double counter(String name) {
		return this.registry.find(name).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	public long timerCount(String name, String... tags) {
		return this.registry.find(name).tags(tags).timers().stream().mapToLong((t) -> t.count()).sum();
	}

	/** The body of a GET on the app's HTTP port. */
	public String get(String path) throws IOException, InterruptedException {
		int port = Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
