package org.healthmon.batch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.healthmon.batch.store.BatchStore;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.batch.support.TestData;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application on a 4-datanode HDFS: scheduled runs publish, health and the
 * {@code batchruns} endpoint report them, the admin endpoint wants its token.
 */
class BatchApplicationIT {

	@TempDir
	Path clusterDir;

	@TempDir
	Path tmp;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void whenTheAppRunsThenScheduledAndTriggeredRunsPublishAndAreReported() throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(this.clusterDir, 4)) {
			StorageLayout layout = new StorageLayout("/app");
			RawPublisher publisher = new RawPublisher(hdfs.fs(), layout);
			TestData data = new TestData(9);
			data.nextFile("ingest-1", 200, 10, 0.01).publish(publisher);
			BatchStore store = new BatchStore(hdfs.fs(), layout);
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BatchApplication.class).run(
					"--server.port=0", "--healthmon.batch.hdfs.uri=" + hdfs.uri(), "--healthmon.batch.hdfs.root=/app",
					"--healthmon.batch.interval=1s", "--healthmon.batch.initial-delay=0s",
					"--healthmon.batch.admin-token=s3cret",
					"--healthmon.batch.job-settings[hadoop.tmp.dir]=" + this.tmp.toAbsolutePath())) {
				String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
				await().atMost(Duration.ofSeconds(60)).until(() -> store.batchManifest().isPresent());
				assertThat(store.batchManifest().orElseThrow().version()).isEqualTo(1);

				assertThat(get(base + "/actuator/health/readiness").body()).contains("\"UP\"");
				HttpResponse<String> health = get(base + "/actuator/health");
				assertThat(health.statusCode()).isEqualTo(200);
				assertThat(health.body()).contains("\"batch\"").contains("lastSuccessAt");
				assertThat(get(base + "/actuator/batchruns").body()).contains("\"PUBLISHED\"").contains("\"ingest-1\"");
				assertThat(get(base + "/actuator/prometheus").body()).contains("healthmon_batch_run_seconds_count");

				assertThat(post(base + "/admin/runs?full=true", null).statusCode()).isEqualTo(401);
				assertThat(post(base + "/admin/runs?full=true", "wrong").statusCode()).isEqualTo(401);
				// 409 while a scheduled run is in progress: ask again until the full
				// recompute ran
				await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
					if (store.batchManifest().orElseThrow().version() >= 2) {
						return true;
					}
					assertThat(post(base + "/admin/runs?full=true", "s3cret").statusCode()).isIn(202, 409);
					return false;
				});
				BatchManifest manifest = store.batchManifest().orElseThrow();
				assertThat(manifest.rows()).isPositive();
				assertThat(get(base + "/actuator/batchruns").body()).contains("\"manual\"").contains("\"full\"");
			}
		}
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
