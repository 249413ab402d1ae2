package org.healthmon.ui.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.healthmon.query.support.AppProcess;
import org.healthmon.ui.support.Backends;
import org.healthmon.ui.support.BigFleet;
import org.healthmon.ui.support.Browser;
import org.healthmon.ui.support.UiApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's benchmark: at 1,000 services ({@link BigFleet}, over the real query and
 * alert services), the dashboard's weight in bytes of HTML and the time until it is ready
 * in the browser (navigation start to the end of the load event, as the browser's own
 * Navigation Timing reports it), p50/p95 over 20 loads; the same for a service's page.
 * Target: the dashboard at most 300 KB and ready within 1 s at p95. With
 * {@code -Dhealthmon.bench.reference-ui-jar=<jar>} it measures another UI build over the
 * same services in the same run, side by side (e.g. the UI before this issue). Not a
 * test: run with
 *
 * <pre>
 * ./mvnw -B -pl ui-service verify -Dit.test=DashboardPageBenchmark
 * </pre>
 *
 * (it needs the query and alert services' jars, as the browser tests do); it prints the
 * figures and writes them to {@code target/dashboard-page-benchmark.txt}.
 */
class DashboardPageBenchmark {

	private static final int LOADS = 20;

	private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theDashboardAtAThousandServices() throws Exception {
		BigFleet fleet = BigFleet.write(this.dir.resolve("store"), Instant.now());
		String window = "from=" + PICKER.format(fleet.end().minus(Duration.ofHours(1)).atZone(ZoneOffset.UTC)) + "&to="
				+ PICKER.format(fleet.end().atZone(ZoneOffset.UTC)) + "&zone=UTC";
		String service = BigFleet.HOT.stream().sorted().findFirst().orElseThrow();
		List<String> report = new ArrayList<>();
		report.add(String.format(Locale.ROOT, "DashboardPageBenchmark %s, %d services, %d loads each, window %s",
				Instant.now(), BigFleet.SERVICES, LOADS, window));
		report.add("page | HTML bytes | ready p50 ms | ready p95 ms | ready max ms");
		try (Backends backends = Backends.over(this.dir, fleet.root(), BigFleet.ALERT_RULES);
				UiApp ui = new UiApp(backends.query().base(), "--healthmon.ui.alerts-url=" + backends.alerts().base());
				Browser browser = new Browser()) {
			// let the alert service evaluate once, so that the panel and badges are there
			Thread.sleep(15_000);
			report.add(measure(browser, "dashboard", ui.base() + "/?" + window));
			report.add(measure(browser, "service page", ui.base() + "/services/" + service + "?" + window));
			report.add(measure(browser, "list of services", ui.base() + "/services?" + window));
			String reference = System.getProperty("healthmon.bench.reference-ui-jar");
			if (reference != null && !reference.isBlank()) {
				try (AppProcess before = AppProcess.start("reference-ui", "healthmon.bench.reference-ui-jar",
						this.dir.resolve("reference-ui"), List.of("--healthmon.ui.query-url=" + backends.query().base(),
								"--healthmon.ui.alerts-url=" + backends.alerts().base()))) {
					report.add(measure(browser, "reference dashboard (" + Path.of(reference).getFileName() + ")",
							before.base() + "/?" + window));
				}
			}
		}
		String text = String.join("\n", report) + "\n";
		System.out.print(text);
		Files.writeString(Path.of("target", "dashboard-page-benchmark.txt"), text);
	}

	private String measure(Browser browser, String name, String url) throws IOException, InterruptedException {
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + page.statusCode());
		}
		int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
		browser.open(url);
		List<Double> ready = new ArrayList<>();
		for (int i = 0; i < LOADS; i++) {
			browser.open("about:blank");
			browser.open(url);
			double loaded = 0;
			for (int poll = 0; poll < 100 && loaded <= 0; poll++) {
				// the load event has ended a moment after the page reads complete
				loaded = ((Number) browser.js("""
						const nav = performance.getEntriesByType('navigation')[0];
						return nav.loadEventEnd > 0 ? nav.loadEventEnd - nav.startTime : 0;""")).doubleValue();
				if (loaded <= 0) {
					Thread.sleep(10);
				}
			}
			ready.add(loaded);
		}
		ready.sort(Double::compare);
		return String.format(Locale.ROOT, "%s | %,d | %.0f | %.0f | %.0f", name, bytes, percentile(ready, 50),
				percentile(ready, 95), ready.get(ready.size() - 1));
	}

	private static double percentile(List<Double> sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

}
