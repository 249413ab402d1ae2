package org.healthmon.query;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.query.support.Brute;
import org.healthmon.query.support.FixtureStore;
import org.healthmon.query.support.QueryApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An answer larger than {@code healthmon.query.max-answer-points} (services × steps) is
 * refused with 400 and a problem detail saying how to ask for less; answers within it are
 * whole. Three services with a message every minute for ten minutes, at most 25 points.
 */
class AnswerSizeTests {

	private static final long T0 = 1_795_000_000_000L / 3_600_000 * 3_600_000;

	private static final String WINDOW = "from=" + java.time.Instant.ofEpochMilli(T0) + "&to="
			+ java.time.Instant.ofEpochMilli(T0 + 10 * 60_000);

	@TempDir
	static Path dir;

	private static QueryApp app;

	@BeforeAll
	static void start() throws Exception {
		List<HealthMessage> messages = new ArrayList<>();
		for (String service : List.of("a", "b", "c")) {
			for (int minute = 0; minute < 10; minute++) {
				messages.add(new HealthMessage(service, T0 + minute * 60_000L + 5_000, 10 + minute, 16, 8, 500, 250,
						minute));
			}
		}
		FixtureStore store = new FixtureStore(dir.resolve("store"));
		store.publishBatch(1, new Cutoff(Map.of("ingest-1", 1L)), Brute.rows(messages));
		app = new QueryApp(store, dir.resolve("cache"), "--healthmon.query.max-answer-points=25");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> app.json("/api/v1/analytics?" + WINDOW).at("/services").size() == 3);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void whenASeriesWouldHoldMorePointsThanAllowedThenItIsRefusedWithAProblemDetail() throws Exception {
		HttpResponse<String> response = app.get("/api/v1/series?" + WINDOW + "&step=1m");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = QueryApp.parse(response.body());
		assertThat(problem.at("/title").asString()).isEqualTo("Answer too large");
		assertThat(problem.at("/maxPoints").asInt()).isEqualTo(25);
		assertThat(problem.at("/detail").asString()).contains("more than 25 points (services × steps")
			.contains("ask for one service");
	}

	@Test
	void whenTheAnswerFitsThenItIsWhole() throws Exception {
		assertThat(app.json("/api/v1/series?" + WINDOW + "&step=1m&service=b").at("/services/0/points").size())
			.isEqualTo(10);
		JsonNode coarse = app.json("/api/v1/series?" + WINDOW + "&step=2m");
		assertThat(coarse.at("/services")).hasSize(3);
		for (JsonNode service : coarse.at("/services")) {
			assertThat(service.at("/points")).hasSize(5);
		}
		assertThat(app.json("/api/v1/analytics?" + WINDOW).at("/services")).hasSize(3);
	}

}
