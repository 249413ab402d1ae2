package org.healthmon.ui.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.healthmon.query.support.Brute;
import org.healthmon.ui.support.Backends;
import org.healthmon.ui.support.BigFleet;
import org.healthmon.ui.support.Browser;
import org.healthmon.ui.support.UiApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in a real browser over a fleet of a thousand services ({@link BigFleet}),
 * served by the real UI over the real query and alert services: the dashboard counts the
 * fleet and lists only what needs attention, its table filters, sorts and pages on the
 * server with numbers equal to a brute-force aggregate of the raw messages, its weight
 * stays bounded, and each service has a page with its chart. Screenshots go to
 * {@code target/screenshots/} ({@code fleet-*}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetOfAThousandBrowserIT {

	private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

	/** The page's weight the issue allows at a thousand services. */
	private static final int MAX_HTML_BYTES = 300 * 1024;

	/** Kept when a test fails: the services' logs are in it. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	static Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	private BigFleet fleet;

	private Backends backends;

	private UiApp ui;

	private Browser browser;

	/** The window analyzed: the fleet's last hour. */
	private String window;

	private Map<String, Brute.Expected> expected;

	@BeforeAll
	void start() throws Exception {
		this.fleet = BigFleet.write(dir.resolve("store"), Instant.now());
		this.backends = Backends.over(dir, this.fleet.root(), BigFleet.ALERT_RULES);
		this.ui = new UiApp(this.backends.query().base(), "--healthmon.ui.alerts-url=" + this.backends.alerts().base());
		this.browser = new Browser();
		Instant from = this.fleet.end().minus(Duration.ofHours(1));
		this.window = "from=" + PICKER.format(from.atZone(ZoneOffset.UTC)) + "&to="
				+ PICKER.format(this.fleet.end().atZone(ZoneOffset.UTC)) + "&zone=UTC";
		this.expected = Brute.analytics(this.fleet.messages(), from.toEpochMilli(), this.fleet.end().toEpochMilli());
		// the hot services fire RED, the silent ones DOWN, once the alert service has
		// evaluated them
		Map<String, Long> firing = new java.util.HashMap<>();
		try {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				firing.clear();
				for (JsonNode alert : this.backends.alerts().json("/api/v1/alerts").at("/alerts")) {
					if ("firing".equals(alert.at("/state").asString())) {
						firing.merge(alert.at("/severity").asString(), 1L, Long::sum);
					}
				}
				return firing.getOrDefault("red", 0L) >= BigFleet.HOT.size()
						&& firing.getOrDefault("down", 0L) >= BigFleet.DOWN.size() + BigFleet.STALE.size();
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("alerts firing by severity: " + firing, ex);
		}
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.ui != null) {
			this.ui.close();
		}
		if (this.backends != null) {
			this.backends.close();
		}
	}

	@Test
	@Order(1)
	void theDashboardCountsTheFleetListsOnlyWhatNeedsAttentionAndStaysLight() throws Exception {
		HttpResponse<String> page = get(this.ui.base() + "/?" + this.window);
		assertThat(page.statusCode()).isEqualTo(200);
		int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
		System.out.printf("FleetOfAThousandBrowserIT: the dashboard at %d services is %,d bytes of HTML%n",
				BigFleet.SERVICES, bytes);
		assertThat(bytes).as("HTML bytes of the dashboard").isLessThanOrEqualTo(MAX_HTML_BYTES);

		this.browser.open(this.ui.base() + "/?" + this.window);
		this.browser.screenshot("fleet-1000-dashboard");
		JsonNode catalog = this.backends.query().json("/api/v1/services");
		long up = count(catalog, (s) -> "UP".equals(s.at("/status").asString()));
		assertThat(up).isEqualTo(BigFleet.SERVICES - BigFleet.DOWN.size() - BigFleet.STALE.size());
		assertThat(this.browser.text("#status-counts [data-state='up'] strong")).isEqualTo(String.valueOf(up));
		assertThat(this.browser.text("#status-counts [data-state='down'] strong"))
			.isEqualTo(String.valueOf(BigFleet.DOWN.size()));
		assertThat(this.browser.text("#status-counts [data-state='hidden'] strong"))
			.isEqualTo(String.valueOf(BigFleet.STALE.size()));
		assertThat(this.browser.text("#status-counts [data-state='alerting'] strong"))
			.isEqualTo(String.valueOf(BigFleet.HOT.size() + BigFleet.DOWN.size()));

		// the attention list: the hot ones (RED) and the DOWN ones (alerting DOWN too),
		// each one line; none of the long gone, none of the quiet UP ones
		List<String> attention = attributes("#attention li.service-status", "data-service");
		assertThat(attention).hasSize(BigFleet.HOT.size() + BigFleet.DOWN.size())
			.containsAll(BigFleet.HOT)
			.containsAll(BigFleet.DOWN);
		for (String hot : BigFleet.HOT) {
			assertThat(this.browser.text("#attention li[data-service='" + hot + "'] .alert-badge"))
				.isEqualTo("RED alert");
		}
		for (WebElement line : this.browser.findAll("#attention li.service-status")) {
			assertThat(line.getSize().getHeight()).as("one line: %s", line.getText()).isLessThan(60);
		}
		assertThat(this.browser.findAll(".notes li")).hasSizeLessThanOrEqualTo(5);
		assertThat(this.browser.text("#notes")).contains(BigFleet.DOWN.size() + BigFleet.STALE.size()
				+ " services known to the catalog sent no messages in this window");
		assertThat(this.browser.accessibilityProblems()).isEmpty();
	}

	@Test
	@Order(2)
	void theTablePagesOnTheServerWithTheNumbersOfABruteForceAggregate() throws Exception {
		this.browser.open(this.ui.base() + "/?" + this.window);
		List<String> names = this.expected.keySet().stream().sorted().toList();
		assertThat(this.browser.text("#table-count")).startsWith("Showing 1–50 of " + names.size() + " services");
		assertRows(names.subList(0, 50));

		this.browser.clickAndWaitForPage(this.browser.find(".pager a.next"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("page=2");
		assertRows(names.subList(50, 100));
		this.browser.clickAndWaitForPage(this.browser.find(".pager a.last"));
		int pages = (names.size() + 49) / 50;
		assertThat(this.browser.text(".pager .at")).isEqualTo("Page " + pages + " of " + pages);
		assertRows(names.subList((pages - 1) * 50, names.size()));
	}

	@Test
	@Order(3)
	void theTableSortsAndFiltersOnTheServerAndTheCsvHoldsEveryMatchingRow() throws Exception {
		this.browser.open(this.ui.base() + "/?" + this.window);
		this.browser.clickAndWaitForPage(this.browser.find("th[data-col='cpu-peak'] a"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("sort=cpu-peak&dir=desc");
		assertThat(this.browser.find("th[data-col='cpu-peak']").getDomAttribute("aria-sort")).isEqualTo("descending");
		List<String> byPeak = this.expected.values()
			.stream()
			.sorted(Comparator.comparingDouble((Brute.Expected e) -> e.cpu.peak())
				.reversed()
				.thenComparing((e) -> e.service))
			.map((e) -> e.service)
			.toList();
		assertRows(byPeak.subList(0, 50));
		assertThat(byPeak.subList(0, BigFleet.HOT.size())).containsExactlyInAnyOrderElementsOf(BigFleet.HOT);

		// the filter keeps the order, and the pages follow it
		WebElement filter = this.browser.find("#q");
		filter.sendKeys("svc-01");
		this.browser.clickAndWaitForPage(this.browser.find("#filter"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("q=svc-01").contains("sort=cpu-peak&dir=desc");
		List<String> matching = byPeak.stream().filter((s) -> s.startsWith("svc-01")).toList();
		assertThat(matching).hasSizeGreaterThan(50);
		assertRows(matching.subList(0, 50));
		this.browser.screenshot("fleet-1000-filtered");
		assertThat(this.browser.accessibilityProblems()).isEmpty();

		String csv = get(this.browser.find("#csv").getDomProperty("href")).body();
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(matching.size() + 1);
		assertThat(lines.subList(1, lines.size()).stream().map((l) -> l.substring(0, l.indexOf(','))).toList())
			.isEqualTo(matching);
	}

	@Test
	@Order(4)
	void autoRefreshKeepsTheFilterTheOrderAndThePage() {
		String url = this.ui.base() + "/?" + this.window + "&refresh=5&sort=ram-mean&dir=asc&q=svc-0&page=3";
		this.browser.open(url);
		String first = this.browser.find("#analytics tbody tr").getDomAttribute("data-service");
		this.browser.js("window.beforeRefresh = true");
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20)).until((d) -> this.browser
			.js("return window.beforeRefresh === undefined && document.readyState === 'complete'")
			.equals(true));
		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(url);
		assertThat(this.browser.text(".pager .at")).startsWith("Page 3 of ");
		assertThat(this.browser.find("#analytics tbody tr").getDomAttribute("data-service")).isEqualTo(first);
	}

	@Test
	@Order(5)
	void aServicesPageShowsItsNumbersCatalogEntryChartAndAlerts() throws Exception {
		String hot = BigFleet.HOT.stream().sorted().findFirst().orElseThrow();
		this.browser.open(this.ui.base() + "/?" + this.window + "&q=" + hot);
		this.browser.clickAndWaitForPage(this.browser.find("#analytics tr[data-service='" + hot + "'] a.name"));
		assertThat(this.browser.driver().getCurrentUrl())
			.isEqualTo(this.ui.base() + "/services/" + hot + "?" + this.window);
		this.browser.screenshot("fleet-1000-service");

		assertThat(this.browser.text("#service-name")).isEqualTo(hot);
		Brute.Expected expected = this.expected.get(hot);
		assertThat(this.browser.text("#messages")).startsWith(String.valueOf(expected.count));
		assertThat(this.browser.text("#resources tr[data-resource='cpu'] .peak"))
			.isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", expected.cpu.peak()));
		JsonNode entry = this.backends.query().json("/api/v1/services?service=" + hot).at("/services/0");
		assertThat(this.browser.text("#catalog-messages").replace(",", ""))
			.isEqualTo(String.valueOf(entry.at("/messages").asLong()));
		assertThat(this.browser.text("#catalog .badge")).isEqualTo("UP");
		assertThat(this.browser.text("#catalog .alert-badge")).isEqualTo("RED alert");
		assertThat(attributes("#alert-list li.alert", "data-service")).isNotEmpty().allMatch(hot::equals);

		Map<String, Object> chart = this.browser.chart();
		assertThat(chart.get("service")).isEqualTo(hot);
		assertThat(chart.get("datasets")).as("3 lines and 3 peak markers").isEqualTo(6L);
		assertThat((Long) chart.get("points")).isGreaterThanOrEqualTo(50L);
		assertThat(((Number) chart.get("painted")).doubleValue()).isGreaterThan(0.02);
		assertThat(this.browser.accessibilityProblems()).isEmpty();

		this.browser.clickAndWaitForPage(this.browser.find("#back"));
		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(this.ui.base() + "/?" + this.window);
	}

	@Test
	@Order(6)
	void theListOfServicesPutsAttentionFirstAndShowsTheLongGoneOnRequest() throws Exception {
		this.browser.open(this.ui.base() + "/?" + this.window);
		this.browser.clickAndWaitForPage(this.browser.find("#all-services"));
		this.browser.screenshot("fleet-1000-services");
		int listed = BigFleet.SERVICES - BigFleet.STALE.size();
		assertThat(this.browser.text("#list-count")).startsWith("Showing 1–50 of " + listed + " services");
		List<String> first = attributes("#service-list tbody tr", "data-service");
		assertThat(first.subList(0, BigFleet.HOT.size() + BigFleet.DOWN.size())).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream.concat(BigFleet.HOT.stream(), BigFleet.DOWN.stream()).toList());
		assertThat(first).doesNotContainAnyElementsOf(BigFleet.STALE);
		assertThat(this.browser.text("#stale")).startsWith(BigFleet.STALE.size() + " services not seen for over 24 h");
		assertThat(this.browser.accessibilityProblems()).isEmpty();

		this.browser.clickAndWaitForPage(this.browser.find("#show-stale"));
		assertThat(this.browser.text("#list-count")).startsWith("Showing 1–50 of " + BigFleet.SERVICES + " services");
		WebElement filter = this.browser.find("#q");
		String stale = BigFleet.STALE.stream().sorted().findFirst().orElseThrow();
		filter.sendKeys(stale);
		this.browser.clickAndWaitForPage(this.browser.find("#filter"));
		assertThat(attributes("#service-list tbody tr", "data-service")).containsExactly(stale);
		assertThat(this.browser.text("#service-list tbody tr .badge")).isEqualTo("DOWN");
	}

	private void assertRows(List<String> services) {
		assertThat(attributes("#analytics tbody tr", "data-service")).isEqualTo(services);
		for (String service : services) {
			Brute.Expected e = this.expected.get(service);
			String row = "#analytics tr[data-service='" + service + "'] ";
			assertThat(this.browser.find(row + "[data-col='messages']").getDomAttribute("data-value"))
				.isEqualTo(String.valueOf(e.count));
			assertThat(
					Double.parseDouble(this.browser.find(row + "[data-col='cpu-peak']").getDomAttribute("data-value")))
				.isEqualTo(e.cpu.peak());
		}
	}

	private List<String> attributes(String css, String attribute) {
		List<String> values = new ArrayList<>();
		this.browser.findAll(css).forEach((e) -> values.add(e.getDomAttribute(attribute)));
		return values;
	}

	private static long count(JsonNode catalog, Predicate<JsonNode> test) {
		long n = 0;
		for (JsonNode service : catalog.at("/services")) {
			n += test.test(service) ? 1 : 0;
		}
		return n;
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
