package org.healthmon.alerts;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.healthmon.alerts.eval.Board;
import org.healthmon.alerts.query.QueryClient;
import org.healthmon.alerts.rules.RuleBook;
import org.healthmon.alerts.state.StateFile;
import org.healthmon.alerts.support.TestAlerts;
import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.query.support.Brute;
import org.healthmon.query.support.FixtureStore;
import org.healthmon.query.support.QueryServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.client.RestClient;

/**
 * Issue 14's benchmark: one evaluation cycle of 1,000 services x 3 resources (read the
 * per-minute series and the catalog from the real query service, evaluate RED, AMBER and
 * DOWN, save the state), p50/p95 over 60 cycles 15 s apart in simulated time, so that the
 * checkpoint moves as it does live. One service in ten ramps to RED, one in twenty is
 * silent. Target: p95 at most 1 s on this machine. Not a test: run with
 *
 * <pre>
 * ./mvnw -B -pl alert-service verify -Dit.test=AlertEvaluationBenchmark
 * </pre>
 *
 * (it needs the query service's jar, as the ITs do); it prints the figures and writes
 * them to {@code target/alert-evaluation-benchmark.txt}.
 */
class AlertEvaluationBenchmark {

	private static final int SERVICES = 1_000;

	private static final long MINUTE = 60_000;

	@TempDir
	Path dir;

	@Test
	void oneCycleOfAThousandServices() throws Exception {
		FixtureStore store = new FixtureStore(this.dir.resolve("store"));
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
		List<HealthMessage> messages = new ArrayList<>();
		List<ServiceCatalog.Entry> catalog = new ArrayList<>();
		for (int s = 0; s < SERVICES; s++) {
			String service = String.format(Locale.ROOT, "service-%04d", s);
			int minutes = (s % 20 == 19) ? 40 : 75;
			for (int m = 0; m < minutes; m++) {
				double cpu = (s % 10 == 0) ? Math.min(99, 40 + m) : 30 + (s % 7) + (m % 5);
				messages
					.add(new HealthMessage(service, t0.toEpochMilli() + m * MINUTE + 5_000, cpu, 16, 6, 100, 55, m));
			}
			long last = t0.toEpochMilli() + (minutes - 1) * MINUTE + 5_000;
			catalog.add(new ServiceCatalog.Entry(service, t0.toEpochMilli(), last + 1_000, minutes, 0, 0));
		}
		Cutoff cutoff = new Cutoff(Map.of("ingest-1", 40L));
		store.publishBatch(1, cutoff, Brute.rows(List.of(messages.get(0).withSeq(0))));
		store.publishRealtime("b", cutoff, cutoff.with("ingest-1", 41), 2, Brute.rows(messages));
		store.writeCatalog(new ServiceCatalog("ingest-1", t0.toEpochMilli(), catalog));
		try (QueryServiceProcess query = QueryServiceProcess.start(store.root(), this.dir.resolve("query"),
				"--healthmon.query.service-timeout=60s")) {
			AlertProperties properties = TestAlerts.properties(this.dir.resolve("state"), URI.create(query.base()));
			QueryClient client = QueryClient.create(RestClient.builder(), properties.queryUrl(), Duration.ofSeconds(2),
					Duration.ofSeconds(30));
			TestAlerts.MovableClock clock = new TestAlerts.MovableClock(t0);
			AlertCycle cycle = new AlertCycle(client, new RuleBook(properties), new StateFile(properties.stateDir()),
					properties, clock, List.of());
			int warmUp = 20;
			int measured = 60;
			double[] ms = new double[measured];
			Board board = Board.NONE;
			for (int i = 0; i < warmUp + measured; i++) {
				clock.set(t0.plus(Duration.ofMinutes(45)).plusSeconds(15L * (i - warmUp)));
				long start = System.nanoTime();
				board = cycle.run();
				if (i >= warmUp) {
					ms[i - warmUp] = (System.nanoTime() - start) / 1e6;
				}
			}
			Arrays.sort(ms);
			String result = String.format(Locale.ROOT,
					"alert evaluation, %d services x 3 resources, %d cycles: p50 %.1f ms, p95 %.1f ms, max %.1f ms; "
							+ "active alerts at the end %d, transitions %d, state file %d bytes%n",
					SERVICES, measured, ms[measured / 2], ms[(int) Math.ceil(measured * 0.95) - 1], ms[measured - 1],
					board.alerts().size(), board.history().size(),
					Files.size(this.dir.resolve("state/alerts-state.json")));
			System.out.print(result);
			Files.writeString(Path.of("target/alert-evaluation-benchmark.txt"), result);
		}
	}

}
