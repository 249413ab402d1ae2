package org.healthmon.ui.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The real query service, from its built jar, as a separate process on a free port, over
 * a store on the local file system ({@code healthmon.query.hdfs.uri=file:///}). The jar's
 * path comes from the system property {@code healthmon.it.query-jar} (set by failsafe
 * from the pom).
 */
public final class QueryServiceProcess implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration START_LIMIT = Duration.ofSeconds(120);

	private final Process process;

	private final Path log;

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private QueryServiceProcess(Process process, Path log, String base) {
		this.process = process;
		this.log = log;
		this.base = base;
	}

	/**
	 * Starts the query service over {@code storeRoot} and waits until it is ready.
	 * @param work a directory for its cache and log
	 * @param extra further arguments, e.g. {@code --healthmon.query.service-timeout=1h}
	 */
	public static QueryServiceProcess start(String storeRoot, Path work, String... extra) throws IOException {
		Path jar = jar();
		int port = freePort();
		Files.createDirectories(work);
		Path log = work.resolve("query-service.log");
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString(),
				"--server.port=" + port, "--healthmon.query.hdfs.uri=file:///",
				"--healthmon.query.hdfs.root=" + storeRoot, "--healthmon.query.cache-dir=" + work.resolve("cache"),
				"--healthmon.query.poll-interval=200ms"));
		command.addAll(List.of(extra));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		QueryServiceProcess query = new QueryServiceProcess(process, log, "http://127.0.0.1:" + port);
		try {
			await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(250)).until(query::readyOrDead);
			if (!process.isAlive()) {
				throw new IllegalStateException("the query service exited during startup with " + process.exitValue()
						+ "; its log:\n" + query.logTail());
			}
		}
		catch (RuntimeException ex) {
			query.close();
			throw ex;
		}
		return query;
	}

	/** The base URL, e.g. {@code http://127.0.0.1:41234}. */
	public String base() {
		return this.base;
	}

	/** GETs a path of the API and parses the 200 answer. */
	public JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
		HttpResponse<String> response = get(pathAndQuery);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + pathAndQuery + " -> " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public static JsonNode parse(String body) {
		return JSON.readTree(body);
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Stops the process (SIGTERM, then SIGKILL after a limit) and waits for it. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private boolean readyOrDead() {
		if (!this.process.isAlive()) {
			return true;
		}
		try {
			HttpResponse<String> response = get("/actuator/health/readiness");
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static Path jar() {
		String path = System.getProperty("healthmon.it.query-jar");
		if (path == null) {
			throw new IllegalStateException(
					"system property healthmon.it.query-jar is not set: run the browser tests through Maven (failsafe sets it)");
		}
		Path jar = Path.of(path);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("the query service jar " + jar
					+ " is missing: build it first (./mvnw -B install -DskipTests -pl query-service -am)");
		}
		return jar;
	}

	/** A port free right now (the service binds it a moment later). */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
