package org.healthmon.query.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The real query service, from its built jar, as a separate process on a free port
 * ({@link AppProcess}), over a store on the local file system
 * ({@code healthmon.query.hdfs.uri=file:///}). The jar's path comes from the system
 * property {@code healthmon.it.query-jar} (set by failsafe from the pom).
 */
public final class QueryServiceProcess implements AutoCloseable {

	private final AppProcess app;

	private QueryServiceProcess(AppProcess app) {
		this.app = app;
	}

	/**
	 * Starts the query service over {@code storeRoot} and waits until it is ready.
	 * @param work a directory for its cache and log
	 * @param extra further arguments, e.g. {@code --healthmon.query.service-timeout=1h}
	 */
	public static QueryServiceProcess start(String storeRoot, Path work, String... extra) throws IOException {
		List<String> args = new ArrayList<>(List.of("--healthmon.query.hdfs.uri=file:///",
				"--healthmon.query.hdfs.root=" + storeRoot, "--healthmon.query.cache-dir=" + work.resolve("cache"),
				"--healthmon.query.poll-interval=200ms"));
		args.addAll(List.of(extra));
		return new QueryServiceProcess(AppProcess.start("query-service", "healthmon.it.query-jar", work, args));
	}

	/** The base URL, e.g. {@code http://127.0.0.1:41234}. */
	public String base() {
		return this.app.base();
	}

	/** GETs a path of the API and parses the 200 answer. */
	public JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
		return this.app.json(pathAndQuery);
	}

	public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return this.app.get(pathAndQuery);
	}

	public static JsonNode parse(String body) {
		return AppProcess.parse(body);
	}

	public boolean isAlive() {
		return this.app.isAlive();
	}

	/** Stops the process (SIGTERM, then SIGKILL after a limit) and waits for it. */
	@Override
	public void close() {
		this.app.close();
	}

	/** A port free right now (the service binds it a moment later). */
	public static int freePort() throws IOException {
		return AppProcess.freePort();
	}

}
