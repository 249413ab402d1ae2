package org.healthmon.alerts;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.healthmon.alerts.eval.Alert;
import org.healthmon.alerts.eval.AlertKey;
import org.healthmon.alerts.eval.Board;
import org.healthmon.alerts.query.QueryClient;
import org.healthmon.alerts.rules.Limits;
import org.healthmon.alerts.rules.Resource;
import org.healthmon.alerts.rules.RuleBook;
import org.healthmon.alerts.rules.Severity;
import org.healthmon.alerts.state.StateFile;
import org.healthmon.alerts.support.ReferenceAlerts;
import org.healthmon.alerts.support.ReferenceAlerts.Arrival;
import org.healthmon.alerts.support.TestAlerts;
import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.query.support.Brute;
import org.healthmon.query.support.FixtureStore;
import org.healthmon.query.support.QueryServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alerts of scripted services, evaluated minute after minute (a clock the test moves)
 * over real views read by the real query service, equal exactly the transitions a
 * brute-force reference computes from the raw messages ({@link ReferenceAlerts}). The
 * scenarios, one service each:
 * <ul>
 * <li>{@code ramp}: CPU climbs 1.7 points a minute from 40 %: AMBER, then RED, then it
 * drops and both resolve; the alert service is restarted while RED fires;</li>
 * <li>{@code spike}: one minute at 95 %, shorter than {@code for}: no alert;</li>
 * <li>{@code hover}: around 80 % without two hot minutes in a row, then RED, then
 * hovering between the clear level and the threshold: one RED, no flapping;</li>
 * <li>{@code silent}: no message for six minutes: DOWN, then resolved;</li>
 * <li>{@code late}: RAM at 90 % for four minutes, the first minute's messages arriving
 * four minutes late: RED's start moves back to that minute.</li>
 * </ul>
 */
class AlertScenarioIT {

	private static final long MINUTE = 60_000;

	private static final int LAST_STEP = 63;

	private static final int RESTART_STEP = 38;

	@TempDir
	static Path dir;

	private static QueryServiceProcess query;

	private static FixtureStore store;

	private static Instant t0;

	@BeforeAll
	static void startQueryService() throws Exception {
		store = new FixtureStore(dir.resolve("store"));
		t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
		// a batch view far before the scenarios, for the realtime sets to pair with
		HealthMessage seed = new HealthMessage("seed", t0.minus(Duration.ofDays(1)).toEpochMilli(), 10, 16, 8, 100, 60,
				1);
		store.publishBatch(1, new Cutoff(Map.of("ingest-1", 40L)), Brute.rows(List.of(seed)));
		query = QueryServiceProcess.start(store.root(), dir.resolve("query"), "--healthmon.query.service-timeout=60s");
	}

	@AfterAll
	static void stopQueryService() {
		if (query != null) {
			query.close();
		}
	}

	@Test
	void everyScenarioGivesExactlyTheTransitionsOfTheRawMessages() throws Exception {
		List<Arrival> arrivals = scenarios();
		AlertProperties properties = TestAlerts.properties(dir.resolve("state"), URI.create(query.base()));
		QueryClient client = QueryClient.create(RestClient.builder(), properties.queryUrl(), Duration.ofSeconds(2),
				Duration.ofSeconds(30));
		RuleBook rules = new RuleBook(properties);
		TestAlerts.MovableClock clock = new TestAlerts.MovableClock(t0);
		AlertCycle cycle = new AlertCycle(client, rules, new StateFile(properties.stateDir()), properties, clock,
				List.of());
		List<Long> evaluations = new ArrayList<>();
		int published = -1;
		long version = 1;
		Board board = Board.NONE;
		Alert firingBeforeRestart = null;
		for (int step = 1; step <= LAST_STEP; step++) {
			long now = t0.toEpochMilli() + step * MINUTE + 20_000;
			List<Arrival> arrived = arrivals.stream().filter((a) -> a.arrivedAt() <= now).toList();
			if (arrived.size() != published) {
				publish(++version, arrived);
				published = arrived.size();
			}
			store.writeCatalog(catalog(arrived, now));
			if (step == RESTART_STEP) {
				firingBeforeRestart = find(board, "ramp", Resource.CPU, Severity.RED);
				assertThat(firingBeforeRestart).as("ramp's RED fires before the restart").isNotNull();
				cycle = new AlertCycle(client, rules, new StateFile(properties.stateDir()), properties, clock,
						List.of());
			}
			clock.set(Instant.ofEpochMilli(now));
			board = cycle.run();
			evaluations.add(now);
			if (step == RESTART_STEP) {
				Alert after = find(board, "ramp", Resource.CPU, Severity.RED);
				assertThat(after).as("still firing after the restart").isNotNull();
				assertThat(after.since()).isEqualTo(firingBeforeRestart.since());
				assertThat(after.firedAt()).as("not fired anew").isEqualTo(firingBeforeRestart.firedAt());
			}
		}
		Limits limits = rules.limits("any", Resource.CPU);
		List<String> expected = ReferenceAlerts.transitions(arrivals, t0.toEpochMilli() - 9 * MINUTE,
				t0.toEpochMilli() + (LAST_STEP - 1) * MINUTE, limits, evaluations, 60_000);
		List<String> actual = ReferenceAlerts.render(board.history());
		System.out.printf("Scenario transitions, %d (t0 = %s):%n  %s%n", actual.size(), t0,
				String.join("\n  ", actual));
		assertThat(actual).containsExactlyElementsOf(expected);

		// and what each scenario is about, whatever the reference says
		assertThat(actual).noneMatch((line) -> line.startsWith("spike cpu"));
		assertThat(actual.stream().filter((line) -> line.startsWith("hover cpu red"))).hasSize(2)
			.anyMatch((line) -> line.contains("FIRING"))
			.anyMatch((line) -> line.contains("RESOLVED"));
		int amber = index(actual, "ramp cpu amber FIRING");
		int red = index(actual, "ramp cpu red FIRING");
		assertThat(amber).as("AMBER fires").isNotNegative();
		assertThat(red).as("RED fires after AMBER").isGreaterThan(amber);
		assertThat(actual.stream().filter((line) -> line.startsWith("ramp cpu red"))).hasSize(2);
		assertThat(actual.stream().filter((line) -> line.startsWith("silent - down"))).hasSizeGreaterThanOrEqualTo(2)
			.first()
			.asString()
			.contains("FIRING");
		assertThat(actual).anyMatch((line) -> line.startsWith("silent - down RESOLVED"));
		assertThat(actual).anyMatch((line) -> line.startsWith("late ram red FIRING")
				&& line.contains("since=" + (t0.toEpochMilli() + 10 * MINUTE) + " "));
	}

	private static int index(List<String> lines, String prefix) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

	private static Alert find(Board board, String service, Resource resource, Severity severity) {
		AlertKey key = new AlertKey(service, resource, severity);
		return board.alerts().stream().filter((a) -> a.key().equals(key) && a.firing()).findFirst().orElse(null);
	}

	/**
	 * Publishes the arrived messages as the next version of the realtime set, and waits
	 * for it.
	 */
	private static void publish(long version, List<Arrival> arrived) throws Exception {
		List<MinuteStats> rows = Brute.rows(arrived.stream().map(Arrival::message).toList());
		Cutoff start = new Cutoff(Map.of("ingest-1", 40L));
		store.publishRealtime("b", start, start.with("ingest-1", 40 + version), version, rows);
		String window = "/api/v1/series?from=" + t0 + "&to=" + t0.plus(Duration.ofMinutes(1)) + "&step=1m";
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> query.json(window).at("/sources/realtime/version").asLong() == version);
	}

	private static ServiceCatalog catalog(List<Arrival> arrived, long now) {
		Map<String, long[]> seen = new TreeMap<>();
		for (Arrival a : arrived) {
			long[] s = seen.computeIfAbsent(a.message().service(), (k) -> new long[] { Long.MAX_VALUE, 0, 0 });
			s[0] = Math.min(s[0], a.arrivedAt());
			s[1] = Math.max(s[1], a.arrivedAt());
			s[2]++;
		}
		List<ServiceCatalog.Entry> entries = new ArrayList<>();
		seen.forEach((service, s) -> entries.add(new ServiceCatalog.Entry(service, s[0], s[1], s[2], 0, 0)));
		return new ServiceCatalog("ingest-1", now, entries);
	}

	/** The five scenarios' messages, six a minute each, and when each arrives. */
	private static List<Arrival> scenarios() {
		List<Arrival> arrivals = new ArrayList<>();
		for (int m = 0; m <= 60; m++) {
			double ramp = (m < 10) ? 40 : (m <= 40) ? 40 + 1.7 * (m - 10) + 0.13 : 30;
			add(arrivals, "ramp", m, ramp, 50, 0);
			add(arrivals, "spike", m, (m == 20) ? 95 : 30, 50, 0);
			double[] cycle = { 79, 81, 76, 82 };
			double hover = (m < 10) ? ((m % 2 == 0) ? 79.0 : 80.4) : (m <= 12) ? 85 : (m <= 30) ? cycle[m % 4] : 60;
			add(arrivals, "hover", m, hover, 50, 0);
			if (m <= 20 || m >= 27) {
				add(arrivals, "silent", m, 30, 50, 0);
			}
			add(arrivals, "late", m, 30, (m >= 10 && m <= 13) ? 90 : 50, (m == 10) ? 4 * MINUTE : 0);
		}
		return arrivals;
	}

	private static void add(List<Arrival> arrivals, String service, int minute, double cpu, double ramPct, long delay) {
		for (int i = 0; i < 6; i++) {
			long at = t0.toEpochMilli() + minute * MINUTE + i * 10_000L;
			double jitter = ((i % 3) - 1) * 0.2;
			double ramFree = 16 * (1 - ramPct / 100);
			HealthMessage message = new HealthMessage(service, at, cpu + jitter, 16, ramFree, 100, 60, minute * 6L + i);
			arrivals.add(new Arrival(message, at + 2_000 + delay));
		}
	}

}
