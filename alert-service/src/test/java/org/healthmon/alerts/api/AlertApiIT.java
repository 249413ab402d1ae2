package org.healthmon.alerts.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.healthmon.alerts.AlertApplication;
import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.query.support.Brute;
import org.healthmon.query.support.FixtureStore;
import org.healthmon.query.support.QueryServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert service as it runs, on the real query service over a store where {@code hot}
 * has been at 95 % CPU for 40 minutes, {@code cool} at 20 %, and {@code gone} stopped 10
 * minutes ago: its API, problem details, metrics, health, and the committed OpenAPI
 * document ({@code alert-service/openapi.json}; after a deliberate API change, rerun with
 * {@code -Dhealthmon.openapi.update=true} and commit it).
 */
class AlertApiIT {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private static final Path COMMITTED = Path.of("openapi.json");

	@TempDir
	static Path dir;

	private static QueryServiceProcess query;

	private static ConfigurableApplicationContext app;

	private static String base;

	private static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws Exception {
		FixtureStore store = new FixtureStore(dir.resolve("store"));
		Instant now = Instant.now();
		Instant start = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(40));
		List<HealthMessage> messages = new ArrayList<>();
		for (Instant at = start; at.isBefore(now); at = at.plusSeconds(10)) {
			messages.add(new HealthMessage("hot", at.toEpochMilli(), 95, 16, 8, 100, 60, messages.size()));
			messages.add(new HealthMessage("cool", at.toEpochMilli(), 20, 16, 8, 100, 60, messages.size()));
			if (at.isBefore(now.minus(Duration.ofMinutes(10)))) {
				messages.add(new HealthMessage("gone", at.toEpochMilli(), 20, 16, 8, 100, 60, messages.size()));
			}
		}
		Cutoff cutoff = new Cutoff(Map.of("ingest-1", 40L));
		HealthMessage seed = new HealthMessage("seed", now.minus(Duration.ofDays(1)).toEpochMilli(), 10, 16, 8, 100, 60,
				1);
		store.publishBatch(1, cutoff, Brute.rows(List.of(seed)));
		store.publishRealtime("b", cutoff, cutoff.with("ingest-1", 41), 2, Brute.rows(messages));
		long seen = now.toEpochMilli() - 2_000;
		store.writeCatalog(new ServiceCatalog("ingest-1", now.toEpochMilli(),
				List.of(new ServiceCatalog.Entry("hot", start.toEpochMilli(), seen, 240, 0, 0),
						new ServiceCatalog.Entry("cool", start.toEpochMilli(), seen, 240, 0, 0),
						new ServiceCatalog.Entry("gone", start.toEpochMilli(),
								now.minus(Duration.ofMinutes(10)).toEpochMilli(), 180, 0, 0))));
		query = QueryServiceProcess.start(store.root(), dir.resolve("query"), "--healthmon.query.service-timeout=60s");
		app = new SpringApplicationBuilder(AlertApplication.class).run("--server.port=0",
				"--healthmon.alerts.query-url=" + query.base(), "--healthmon.alerts.state-dir=" + dir.resolve("state"),
				"--healthmon.alerts.interval=1s");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (query != null) {
			query.close();
		}
	}

	@Test
	void theAlertsNowAreRedForTheHotServiceAndDownForTheSilentOne() throws Exception {
		JsonNode alerts = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> json("/api/v1/alerts").get("alerts"), (list) -> list.size() >= 2);
		assertThat(alerts).hasSize(2);
		JsonNode red = alerts.get(0).get("service").asString().equals("hot") ? alerts.get(0) : alerts.get(1);
		assertThat(red.get("severity").asString()).isEqualTo("red");
		assertThat(red.get("resource").asString()).isEqualTo("cpu");
		assertThat(red.get("state").asString()).isEqualTo("firing");
		assertThat(red.get("value").asDouble()).isEqualTo(95.0);
		assertThat(red.get("reason").asString()).startsWith("CPU 95 % for ");
		JsonNode down = json("/api/v1/alerts?severity=DOWN").get("alerts");
		assertThat(down).hasSize(1);
		assertThat(down.get(0).get("service").asString()).isEqualTo("gone");
		assertThat(down.get(0).get("resource").isNull()).as("no resource for DOWN").isTrue();
		assertThat(json("/api/v1/alerts?service=cool").get("alerts")).isEmpty();

		JsonNode history = json("/api/v1/alerts/history?service=hot").get("changes");
		assertThat(history).isNotEmpty();
		assertThat(history.get(0).get("change").asString()).isEqualTo("firing");

		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).contains(
				"healthmon_alerts{application=\"alert-service\",resource=\"cpu\",service=\"hot\",severity=\"red\",state=\"firing\"} 1.0");
		assertThat(metrics).contains("healthmon_alerts_evaluation_seconds_count");
		JsonNode health = json("/actuator/health");
		assertThat(health.at("/components/alertEvaluation/status").asString()).isEqualTo("UP");
	}

	@Test
	void badParametersAreProblemDetailsNamingThem() throws Exception {
		HttpResponse<String> severity = get("/api/v1/alerts?severity=purple");
		assertThat(severity.statusCode()).isEqualTo(400);
		assertThat(severity.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(severity.body()).get("parameter").asString()).isEqualTo("severity");
		assertThat(JSON.readTree(severity.body()).get("detail").asString())
			.isEqualTo("'purple' is not a severity: red, amber or down");
		HttpResponse<String> from = get("/api/v1/alerts/history?from=yesterday");
		assertThat(from.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(from.body()).get("parameter").asString()).isEqualTo("from");
		HttpResponse<String> order = get("/api/v1/alerts/history?from=2026-11-22T11:00:00Z&to=2026-11-22T10:00:00Z");
		assertThat(order.statusCode()).isEqualTo(400);
		HttpResponse<String> wide = get("/api/v1/alerts/history?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z");
		assertThat(wide.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(wide.body()).get("detail").asString()).contains("at most 31 days");
	}

	@Test
	void theServedOpenApiDocumentIsTheCommittedOne() throws Exception {
		JsonNode served = json("/v3/api-docs");
		((ObjectNode) served).remove("servers");
		String text = JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n";
		if (Boolean.getBoolean("healthmon.openapi.update")) {
			Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
		}
		assertThat(served.at("/openapi").asString()).startsWith("3.1");
		assertThat(served.at("/paths/~1api~1v1~1alerts~1history/get/operationId").asString()).isEqualTo("history");
		assertThat(Files.exists(COMMITTED)).as("committed document " + COMMITTED.toAbsolutePath()).isTrue();
		assertThat(text)
			.as("the served OpenAPI document drifted from the committed openapi.json; if the change is meant, "
					+ "rerun with -Dhealthmon.openapi.update=true and commit the file")
			.isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
	}

	private static JsonNode json(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
