package org.healthmon.query;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.query.support.Brute;
import org.healthmon.query.support.FixtureStore;
import org.healthmon.query.support.QueryApp;
import org.healthmon.query.views.ViewCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The API over a batch view and the realtime set that starts at its cutoff, written from
 * random messages: every answer equals the brute-force aggregate over the messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiTests {

	/**
	 * The messages' times start here and cover {@link #SPAN}: across two UTC midnights,
	 * the first of which also starts a rollup slice, so that windows straddle the cache's
	 * file slices ({@link ViewCache}).
	 */
	private static final long T0 = Instant.parse("2026-12-02T22:00:00Z").toEpochMilli();

	private static final long SPAN = Duration.ofHours(30).toMillis();

	private static final List<Long> SLICE_EDGES = List.of(T0 + Duration.ofHours(2).toMillis(),
			T0 + Duration.ofHours(26).toMillis());

	@TempDir
	static Path dir;

	private final List<HealthMessage> messages = new ArrayList<>();

	private QueryApp app;

	@BeforeAll
	void start() throws Exception {
		Random random = new Random(42);
		for (int i = 0; i < 40_000; i++) {
			String service = "svc-" + random.nextInt(6);
			// coarse values and times make ties for the peak common
			long t = T0 + random.nextInt((int) (SPAN / 1000)) * 1000L;
			double cpu = random.nextInt(41) * 2.5;
			this.messages.add(new HealthMessage(service, t, cpu, 16, random.nextInt(17), 500, random.nextInt(501), i));
		}
		// the first 70 % of the messages are in the batch view, the rest in the realtime
		// set
		int split = this.messages.size() * 7 / 10;
		Cutoff cutoff = new Cutoff(Map.of("ingest-1", 70L));
		FixtureStore store = new FixtureStore(dir.resolve("store"));
		store.publishBatch(1, cutoff, Brute.rows(this.messages.subList(0, split)));
		store.publishRealtime("a", cutoff, cutoff.with("ingest-1", 100), 4,
				Brute.rows(this.messages.subList(split, this.messages.size())));
		long now = System.currentTimeMillis();
		store.writeCatalog(new ServiceCatalog("ingest-1", now,
				List.of(new ServiceCatalog.Entry("svc-0", now - 3_600_000, now - 1_000, 3000, 2, 1),
						new ServiceCatalog.Entry("svc-1", now - 3_600_000, now - 600_000, 3000, 0, 0))));
		store.writeCatalog(new ServiceCatalog("ingest-2", now - 5_000,
				List.of(new ServiceCatalog.Entry("svc-0", now - 7_200_000, now - 30_000, 500, 1, 0))));
		this.app = new QueryApp(store, dir.resolve("cache"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.app.json("/api/v1/analytics?from=2000-01-01&to=2100-01-01")
				.at("/sources/realtime")
				.isObject());
	}

	@AfterAll
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void whenRandomWindowsAreAskedThenEveryAnswerEqualsTheBruteForceAggregate() throws Exception {
		Random random = new Random(7);
		for (int i = 0; i < 150; i++) {
			long from = T0 - 600_000 + (long) (random.nextDouble() * (SPAN + 1_200_000));
			// a third long enough to hold whole hours, which the hourly rollup answers
			long to = from + 1 + (long) (random.nextDouble() * ((i % 3 == 0) ? SPAN : 900_000));
			String service = (i % 7 == 0) ? "svc-" + random.nextInt(7) : null;
			assertAnalytics(from, to, service);
		}
		assertAnalytics(0, Instant.parse("2100-01-01T00:00:00Z").toEpochMilli(), null);
	}

	@Test
	void whenWindowsStraddleTheCacheFileSlicesThenEveryAnswerEqualsTheBruteForceAggregate() throws Exception {
		assertThat(Math.floorMod(SLICE_EDGES.get(0), ViewCache.HOUR_SLICE_MS)).as("a rollup slice starts").isZero();
		SLICE_EDGES.forEach((edge) -> assertThat(Math.floorMod(edge, ViewCache.MINUTE_SLICE_MS)).isZero());
		Random random = new Random(11);
		for (long edge : SLICE_EDGES) {
			for (int i = 0; i < 20; i++) {
				long reach = (i % 2 == 0) ? 900_000 : 3 * 3_600_000;
				long from = edge - 1 - (long) (random.nextDouble() * reach);
				assertAnalytics(from, edge + 1 + (long) (random.nextDouble() * reach), null);
			}
			assertSeries(edge - 3_600_000, edge + 3_600_000, Duration.ofMinutes(20), null);
		}
	}

	@Test
	void whenASeriesIsAskedThenEachStepEqualsTheBruteForceAggregateOfItsMinutes() throws Exception {
		long odd = T0 + 7 * 60_000 + 13_000;
		assertSeries(odd, odd + Duration.ofMinutes(95).toMillis(), Duration.ofMinutes(15), "svc-2");
		// steps of whole hours from a whole hour: the rollup answers the whole hours
		assertSeries(T0 - 3_600_000, T0 + SPAN + 1_800_000, Duration.ofHours(1), null);
		assertSeries(T0, T0 + SPAN, Duration.ofHours(2), "svc-4");
		// steps of whole hours from a half hour, and half hours: minutes only
		assertSeries(T0 + 1_800_000, T0 + SPAN, Duration.ofHours(1), null);
		assertSeries(T0, T0 + SPAN, Duration.ofMinutes(30), null);
	}

	private void assertSeries(long from, long to, Duration step, String service) throws Exception {
		JsonNode series = this.app.json("/api/v1/series?from=" + iso(from) + "&to=" + iso(to) + "&step="
				+ step.toMinutes() + "m" + ((service != null) ? "&service=" + service : ""));
		assertThat(series.at("/step").asString()).isEqualTo(step.toString());
		long start = MinuteStats.minuteOf(from);
		long end = MinuteStats.minuteOf(to + MinuteStats.MINUTE_MS - 1);
		Map<String, Brute.Expected> all = Brute.analytics(this.messages, start, end);
		if (service != null) {
			all.keySet().retainAll(List.of(service));
		}
		assertThat(series.at("/services")).hasSize(all.size());
		for (JsonNode answer : series.at("/services")) {
			String name = answer.at("/service").asString();
			assertThat(all).containsKey(name);
			JsonNode points = answer.at("/points");
			int steps = 0;
			for (long stepStart = start; stepStart < end; stepStart += step.toMillis()) {
				Brute.Expected expected = Brute
					.analytics(this.messages, stepStart, Math.min(stepStart + step.toMillis(), end))
					.get(name);
				if (expected == null) {
					continue;
				}
				JsonNode point = points.get(steps++);
				assertThat(Instant.parse(point.at("/start").asString()).toEpochMilli()).isEqualTo(stepStart);
				assertResource(point, expected);
			}
			assertThat(points).as(name + " points").hasSize(steps);
		}
	}

	@Test
	void whenAnAnswerIsLargerThanTomcatsDefaultBufferThenItStillGoesWholeWithItsLength() throws Exception {
		HttpResponse<String> response = this.app
			.get("/api/v1/series?from=" + iso(T0) + "&to=" + iso(T0 + 3 * 3_600_000) + "&step=5m");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body().length()).as("more than the default 8 KiB").isGreaterThan(8192);
		assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length());
		assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
	}

	@Test
	void whenTheWindowHasAnOffsetThenTheAnswerUsesItAndRoundsToMinutes() throws Exception {
		JsonNode answer = this.app
			.json("/api/v1/analytics?from=2026-12-03T09:30:45%2B01:00&to=2026-12-03T10:00:01%2B01:00");
		assertThat(answer.at("/window/from").asString()).isEqualTo("2026-12-03T09:30:00+01:00");
		assertThat(answer.at("/window/to").asString()).isEqualTo("2026-12-03T10:01:00+01:00");
		assertThat(answer.at("/window/minutes").asLong()).isEqualTo(31);
		assertThat(answer.at("/services/0/cpu/peakAt").asString()).endsWith("+01:00");
		JsonNode plus = this.app.json("/api/v1/analytics?from=2026-12-03T09:30:45+01:00&to=2026-12-03T10:00:01+01:00");
		assertThat(plus.at("/window")).as("'+' sent unencoded arrives as a space").isEqualTo(answer.at("/window"));
	}

	@Test
	void whenAnswersComeThenTheySayWhichViewsAnswered() throws Exception {
		JsonNode sources = this.app.json("/api/v1/analytics?from=2026-12-03T08:00Z&to=2026-12-03T09:00Z")
			.at("/sources");
		assertThat(sources.at("/batch/version").asLong()).isEqualTo(1);
		assertThat(sources.at("/batch/cutoff/ingest-1").asLong()).isEqualTo(70);
		assertThat(sources.at("/realtime/set").asString()).isEqualTo("a");
		assertThat(sources.at("/realtime/version").asLong()).isEqualTo(4);
		assertThat(sources.at("/covered/ingest-1").asLong()).isEqualTo(100);
		assertThat(sources.at("/ageSeconds").asDouble()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void whenTheCatalogIsAskedThenTheNodesAreMergedAndEachServiceIsUpOrDown() throws Exception {
		JsonNode services = this.app.json("/api/v1/services").at("/services");
		assertThat(services).hasSize(2);
		assertThat(services.get(0).at("/service").asString()).isEqualTo("svc-0");
		assertThat(services.get(0).at("/messages").asLong()).isEqualTo(3500);
		assertThat(services.get(0).at("/lost").asLong()).isEqualTo(3);
		assertThat(services.get(0).at("/status").asString()).isEqualTo("UP");
		assertThat(services.get(1).at("/status").asString()).as("last seen 10 min ago").isEqualTo("DOWN");
		assertThat(this.app.json("/api/v1/services?service=svc-1").at("/services")).hasSize(1);
	}

	@Test
	void whenHealthIsAskedThenTheViewsAndTheirAgeAreShown() throws Exception {
		JsonNode health = this.app.json("/actuator/health");
		assertThat(health.at("/components/views/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/views/details/batch/version").asLong()).isEqualTo(1);
		assertThat(health.at("/components/views/details/realtime/ageSeconds").isNumber()).isTrue();
		assertThat(this.app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/actuator/prometheus").body()).contains("http_server_requests_seconds_count")
			.contains("healthmon_query_views_batch_version");
	}

	private void assertAnalytics(long from, long to, String service) throws Exception {
		String query = "/api/v1/analytics?from=" + iso(from) + "&to=" + iso(to)
				+ ((service != null) ? "&service=" + service : "");
		JsonNode answer = this.app.json(query);
		long windowFrom = MinuteStats.minuteOf(from);
		long windowTo = MinuteStats.minuteOf(to + MinuteStats.MINUTE_MS - 1);
		Map<String, Brute.Expected> expected = Brute.analytics(this.messages, windowFrom, windowTo);
		if (service != null) {
			expected.keySet().retainAll(List.of(service));
		}
		List<String> services = new ArrayList<>();
		answer.at("/services").forEach((s) -> services.add(s.at("/service").asString()));
		assertThat(services).as(query).containsExactlyElementsOf(expected.keySet());
		for (JsonNode s : answer.at("/services")) {
			assertResource(s, expected.get(s.at("/service").asString()));
		}
	}

	private static void assertResource(JsonNode answer, Brute.Expected expected) {
		assertThat(answer.at("/messages").asLong()).isEqualTo(expected.count);
		Map<String, Brute.Peak> resources = Map.of("cpu", expected.cpu, "ram", expected.ram, "disk", expected.disk);
		resources.forEach((name, peak) -> {
			JsonNode r = answer.at("/" + name);
			double mean = peak.mean(expected.count);
			assertThat(r.at("/mean").asDouble()).as(name + " mean").isCloseTo(mean, within(Math.abs(mean) * 1e-9));
			assertThat(r.at("/peak").asDouble()).as(name + " peak").isEqualTo(peak.peak());
			assertThat(Instant.parse(r.at("/peakAt").asString()).toEpochMilli()).as(name + " peak time")
				.isEqualTo(peak.maxAt);
		});
	}

	private static String iso(long epochMs) {
		return URLEncoder.encode(Instant.ofEpochMilli(epochMs).toString(), StandardCharsets.UTF_8);
	}

}
