package org.healthmon.batch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on an empty store on the local file system: it starts, its scheduled
 * runs find nothing new (no job runs), and the endpoints answer.
 */
class BatchApplicationTests {

	@TempDir
	Path store;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void whenTheStoreIsEmptyThenRunsFindNothingNewAndHealthIsUp() throws Exception {
		try (ConfigurableApplicationContext app = start("--healthmon.batch.admin-token=s3cret")) {
			String base = base(app);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> get(base + "/actuator/batchruns").body().contains("\"NOTHING_NEW\""));
			HttpResponse<String> health = get(base + "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body())
				.containsPattern("\"batch\":\\{\"details\":\\{[^}]*\"lastSuccessOutcome\":\"NOTHING_NEW\"[^}]*"
						+ "\"lateFiles\":\\{[^}]*\"detection\":\"off: [^}]*}},\"status\":\"UP\"");
			assertThat(get(base + "/actuator/health/liveness").body()).contains("\"UP\"");
			assertThat(get(base + "/actuator/health/readiness").body()).contains("\"UP\"");
			assertThat(post(base + "/admin/runs", null).statusCode()).isEqualTo(401);
			assertThat(post(base + "/admin/runs", "nope").statusCode()).isEqualTo(401);
			assertThat(post(base + "/admin/runs?full=true", "s3cret").statusCode()).isIn(202, 409);
			assertThat(get(base + "/actuator/prometheus").body()).contains("healthmon_batch_run_seconds_count");
		}
	}

	@Test
	void whenNoAdminTokenIsConfiguredThenTheAdminEndpointIsDisabled() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(post(base(app) + "/admin/runs", "").statusCode()).isEqualTo(403);
			assertThat(post(base(app) + "/admin/runs", "anything").statusCode()).isEqualTo(403);
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		String[] args = { "--server.port=0", "--healthmon.batch.hdfs.uri=file:///",
				"--healthmon.batch.hdfs.root=" + this.store.toAbsolutePath(), "--healthmon.batch.interval=500ms",
				"--healthmon.batch.initial-delay=0s" };
		String[] all = new String[args.length + extra.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(extra, 0, all, args.length, extra.length);
		return new SpringApplicationBuilder(BatchApplication.class).run(all);
	}

	private static String base(ConfigurableApplicationContext app) {
		return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String uri, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("X-Healthmon-Admin-Token", token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
