package org.healthmon.alerts.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.healthmon.alerts.eval.Alert;
import org.healthmon.alerts.eval.AlertKey;
import org.healthmon.alerts.eval.Board;
import org.healthmon.alerts.eval.Transition;
import org.healthmon.alerts.rules.Resource;
import org.healthmon.alerts.rules.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier against a real Alertmanager (Debian's {@code prometheus-alertmanager},
 * started here on a free port): an alert that fires is active in Alertmanager's own API,
 * with our labels and annotations, and is gone from its active alerts once resolved.
 */
class AlertmanagerIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private Process alertmanager;

	private String base;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void startAlertmanager() throws Exception {
		String binary = System.getProperty("healthmon.it.alertmanager", "/usr/bin/prometheus-alertmanager");
		assertThat(Path.of(binary)).as("Debian's prometheus-alertmanager (apt-get install prometheus-alertmanager)")
			.isExecutable();
		Path config = this.dir.resolve("alertmanager.yml");
		Files.writeString(config, """
				route:
				  receiver: nobody
				  group_wait: 1s
				  group_interval: 1s
				receivers:
				  - name: nobody
				""");
		int port = freePort();
		this.base = "http://127.0.0.1:" + port;
		this.alertmanager = new ProcessBuilder(binary, "--config.file=" + config,
				"--storage.path=" + this.dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--cluster.listen-address=")
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("alertmanager.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(this::ready);
	}

	@AfterEach
	void stopAlertmanager() throws InterruptedException {
		if (this.alertmanager != null) {
			this.alertmanager.destroy();
			if (!this.alertmanager.waitFor(10, TimeUnit.SECONDS)) {
				this.alertmanager.destroyForcibly();
			}
		}
	}

	@Test
	void aFiringAlertIsActiveInAlertmanagerAndResolvedAfterTheClear() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		AlertKey key = new AlertKey("checkout", Resource.CPU, Severity.RED);
		long since = System.currentTimeMillis() - 240_000;
		long firedAt = since + 120_000;
		try (AlertmanagerNotifier notifier = new AlertmanagerNotifier(URI.create(this.base + "/"),
				Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofSeconds(5), 3,
				registry)) {
			long now = System.currentTimeMillis();
			notifier.accept(new Board(now, now,
					List.of(new Alert(key, true, since, firedAt, 93.4, Double.NaN, "CPU 93 % for 4 min")), List.of()));
			JsonNode alert = await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> ours(alerts()), (found) -> found != null);
			assertThat(alert.at("/status/state").asString()).isEqualTo("active");
			assertThat(alert.at("/labels/alertname").asString()).isEqualTo("HealthmonResourceHigh");
			assertThat(alert.at("/labels/resource").asString()).isEqualTo("cpu");
			assertThat(alert.at("/labels/severity").asString()).isEqualTo("red");
			assertThat(alert.at("/annotations/summary").asString()).isEqualTo("checkout: CPU 93 % for 4 min");
			assertThat(alert.at("/annotations/value").asString()).isEqualTo("93.4");

			long cleared = System.currentTimeMillis();
			notifier.accept(new Board(cleared, cleared, List.of(), List.of(new Transition(key,
					Transition.Change.RESOLVED, cleared, since, 61.0, Double.NaN, "CPU 61 %, below 75 % for 2 min"))));
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> ours(alerts()) == null);
		}
		assertThat(registry.get("healthmon.alerts.notifications").tag("outcome", "delivered").counter().count())
			.isEqualTo(2);
	}

	@Test
	void aDeliveryThatFailsIsRetriedAndCounted() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		int closed = freePort();
		try (AlertmanagerNotifier notifier = new AlertmanagerNotifier(URI.create("http://127.0.0.1:" + closed),
				Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofSeconds(1), 3,
				registry)) {
			long now = System.currentTimeMillis();
			notifier.accept(new Board(now, now, List.of(new Alert(AlertKey.down("search"), true, now - 90_000,
					now - 90_000, now - 150_000, Double.NaN, "no message for 2 min")), List.of()));
		}
		assertThat(registry.get("healthmon.alerts.notification.retries").counter().count()).isEqualTo(2);
		assertThat(registry.get("healthmon.alerts.notifications").tag("outcome", "failed").counter().count())
			.isEqualTo(1);
	}

	private JsonNode alerts() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + "/api/v2/alerts")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private static JsonNode ours(JsonNode alerts) {
		for (JsonNode alert : alerts) {
			if ("checkout".equals(alert.at("/labels/service").asString())) {
				return alert;
			}
		}
		return null;
	}

	private boolean ready() {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.base + "/-/ready")).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return !this.alertmanager.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
