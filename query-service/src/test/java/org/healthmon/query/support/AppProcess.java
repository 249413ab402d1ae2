package org.healthmon.query.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * One of the suite's apps, from a copy of its built jar, as a separate process on a free
 * port, started and waited for until its readiness probe says UP; its output goes to a
 * log whose end is shown when it fails to start or to answer. The jar's path comes from a
 * system property (set by failsafe from the pom), e.g. {@code healthmon.it.query-jar}.
 */
public final class AppProcess implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration START_LIMIT = Duration.ofSeconds(120);

	private final String name;

	private final Process process;

	private final Path log;

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private AppProcess(String name, Process process, Path log, String base) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.base = base;
	}

	/**
	 * Starts the app in the jar that {@code jarProperty} names, on a free port, and waits
	 * until it is ready.
	 * @param name the app's module, e.g. {@code alert-service}: its log is
	 * {@code <work>/<name>.log}, and the message on a missing jar says how to build it
	 * @param work a directory for its jar's copy and its log (and whatever else the
	 * arguments put there)
	 * @param args its arguments besides {@code --server.port}
	 */
	public static AppProcess start(String name, String jarProperty, Path work, List<String> args) throws IOException {
		Files.createDirectories(work);
		// its own copy: a rebuild of the module while it runs (another build, another
		// terminal) would otherwise pull classes from under it, and the app would fail
		// with NoClassDefFoundError in threads that then never answer
		Path jar = Files.copy(jar(name, jarProperty), work.resolve(name + ".jar"), StandardCopyOption.REPLACE_EXISTING);
		int port = freePort();
		Path log = work.resolve(name + ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
						jar.toString(), "--server.port=" + port));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		AppProcess app = new AppProcess(name, process, log, "http://127.0.0.1:" + port);
		try {
			await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(250)).until(app::readyOrDead);
			if (!process.isAlive()) {
				throw new IllegalStateException("the " + name + " exited during startup with " + process.exitValue()
						+ "; its log:\n" + app.logTail());
			}
		}
		catch (RuntimeException ex) {
			app.close();
			throw ex;
		}
		return app;
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

	/**
	 * GETs a path; when no answer comes in time, the exception's message ends with the
	 * end of the app's log.
	 */
	public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		try {
			return send(pathAndQuery);
		}
		catch (HttpTimeoutException ex) {
			HttpTimeoutException timeout = new HttpTimeoutException(
					"GET " + pathAndQuery + ": no answer in time from the " + this.name + "; its log:\n" + logTail());
			timeout.initCause(ex);
			throw timeout;
		}
	}

	private HttpResponse<String> send(String pathAndQuery) throws IOException, InterruptedException {
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

	/** The end of its log, for a failure's message. */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
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

	@Override
	public String toString() {
		return this.name + " at " + this.base;
	}

	private boolean readyOrDead() {
		if (!this.process.isAlive()) {
			return true;
		}
		try {
			HttpResponse<String> response = send("/actuator/health/readiness");
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

	private static Path jar(String name, String property) {
		String path = System.getProperty(property);
		if (path == null) {
			throw new IllegalStateException(
					"system property " + property + " is not set: run the tests through Maven (failsafe sets it)");
		}
		Path jar = Path.of(path);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("the " + name + " jar " + jar + " is missing: build it first (./mvnw -B "
					+ "install -DskipTests -pl " + name + " -am)");
		}
		return jar;
	}

	/** A port free right now (the app binds it a moment later). */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
