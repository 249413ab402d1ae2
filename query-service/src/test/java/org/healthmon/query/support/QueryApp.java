package org.healthmon.query.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.healthmon.query.QueryApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query service in this JVM over a {@link FixtureStore}, on a free port, with a plain
 * HTTP client.
 */
public final class QueryApp implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	/**
	 * @param extra further arguments, e.g. {@code --healthmon.query.poll-interval=250ms}
	 * (100 ms unless given)
	 */
	public QueryApp(FixtureStore store, Path cacheDir, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--healthmon.query.hdfs.uri=file:///",
				"--healthmon.query.hdfs.root=" + store.root(), "--healthmon.query.cache-dir=" + cacheDir));
		args.addAll(List.of(extra));
		if (args.stream().noneMatch((arg) -> arg.startsWith("--healthmon.query.poll-interval="))) {
			// tests wait less for new views
			args.add("--healthmon.query.poll-interval=100ms");
		}
		this.context = new SpringApplicationBuilder(QueryApplication.class).run(args.toArray(String[]::new));
		this.base = "http://localhost:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public String base() {
		return this.base;
	}

	/** A bean of the running app. */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** GETs and parses a 200 answer. */
	public JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
		HttpResponse<String> response = get(pathAndQuery);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + pathAndQuery + " -> " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	public static JsonNode parse(String body) {
		return JSON.readTree(body);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
