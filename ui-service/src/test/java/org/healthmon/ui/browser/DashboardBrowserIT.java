package org.healthmon.ui.browser;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.healthmon.query.support.AppProcess;
import org.healthmon.query.support.QueryServiceProcess;
import org.healthmon.ui.support.AlertServiceProcess;
import org.healthmon.ui.support.Backends;
import org.healthmon.ui.support.Browser;
import org.healthmon.ui.support.Fleet;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real browser (Debian's chromium, headless), served by the real UI, which
 * asks the real query service (its jar, another process) over fixture views, and the real
 * alert service (its jar, a third process, evaluating every second over that query
 * service): what the page shows must be what the APIs answer for the same window. The
 * last tests stop the alert service, then the query service. Screenshots go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

	/** Kept when a test fails: the services' logs are in it. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	static Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	private Backends backends;

	private Fleet fleet;

	private QueryServiceProcess query;

	private AppProcess alerts;

	private UiApp ui;

	private Browser browser;

	/** The window the first tests analyze: across the batch view and the realtime set. */
	private Instant from;

	private Instant to;

	@BeforeAll
	void start() throws Exception {
		this.backends = Backends.start(dir);
		this.fleet = this.backends.fleet();
		this.query = this.backends.query();
		this.alerts = this.backends.alerts();
		this.ui = new UiApp(this.query.base(), "--healthmon.ui.alerts-url=" + this.alerts.base());
		this.browser = new Browser();
		this.from = this.fleet.start().plus(Duration.ofMinutes(40));
		this.to = this.fleet.end().minus(Duration.ofMinutes(20));
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
	void whenBothPickersAreSetAndAnalyzeIsClickedThenTheTableShowsWhatTheApiAnswers() throws Exception {
		this.browser.open(this.ui.base() + "/?zone=Asia/Kolkata");
		this.browser.typeDateTime(this.browser.find("#from"), local(this.from, KOLKATA));
		this.browser.typeDateTime(this.browser.find("#to"), local(this.to, KOLKATA));
		assertThat(this.browser.find("#from").getDomProperty("value")).isEqualTo(picker(this.from, KOLKATA));
		assertThat(this.browser.find("#to").getDomProperty("value")).isEqualTo(picker(this.to, KOLKATA));
		this.browser.clickAndWaitForPage(this.browser.find("#analyze"));
		this.browser.screenshot("01-analyze-kolkata");

		assertThat(this.browser.driver().getCurrentUrl()).contains("from=" + picker(this.from, KOLKATA))
			.contains("to=" + picker(this.to, KOLKATA))
			.contains("zone=Asia/Kolkata")
			.doesNotContain("in=");
		JsonNode analytics = this.query.json("/api/v1/analytics?from=" + this.from + "&to=" + this.to);
		assertThat(analytics.at("/services")).hasSize(4);
		assertTableShows(analytics, KOLKATA);
		assertThat(this.browser.text("#zone-text")).isEqualTo("Asia/Kolkata (UTC+05:30)");
	}

	@Test
	@Order(2)
	void whenTheAnalyzedUrlIsOpenedAgainThenItShowsTheSameView() throws Exception {
		String url = this.ui.base() + "/?from=" + picker(this.from, KOLKATA) + "&to=" + picker(this.to, KOLKATA)
				+ "&zone=Asia/Kolkata";
		this.browser.open(url);
		String table = this.browser.text("#analytics");
		this.browser.open("about:blank");
		this.browser.open(url);
		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(url);
		assertThat(this.browser.find("#from").getDomProperty("value")).isEqualTo(picker(this.from, KOLKATA));
		assertThat(this.browser.find("#to").getDomProperty("value")).isEqualTo(picker(this.to, KOLKATA));
		assertThat(new Select(this.browser.find("#zone")).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo("Asia/Kolkata");
		assertThat(this.browser.text("#analytics")).isEqualTo(table);
		assertTableShows(this.query.json("/api/v1/analytics?from=" + this.from + "&to=" + this.to), KOLKATA);
	}

	@Test
	@Order(3)
	void whenAPresetIsChosenThenTheUrlKeepsItLiveAndReopeningItShowsTheSameWindow() throws Exception {
		this.browser.open(this.ui.base() + "/?zone=UTC");
		this.browser.clickAndWaitForPage(this.browser.find("#preset-6h"));
		this.browser.screenshot("02-preset-6h");
		String url = this.browser.driver().getCurrentUrl();
		assertThat(url).endsWith("/?last=6h&zone=UTC");
		assertThat(this.browser.find("#preset-6h").getDomAttribute("aria-pressed")).isEqualTo("true");
		assertWindowIsTheLast(Duration.ofHours(6), ZoneId.of("UTC"));
		JsonNode analytics = this.query.json("/api/v1/analytics?from=" + pickerInstant("#from", ZoneId.of("UTC"))
				+ "&to=" + pickerInstant("#to", ZoneId.of("UTC")));
		assertTableShows(analytics, ZoneId.of("UTC"));

		this.browser.open("about:blank");
		this.browser.open(url);
		assertThat(this.browser.find("#preset-6h").getDomAttribute("aria-pressed")).isEqualTo("true");
		assertWindowIsTheLast(Duration.ofHours(6), ZoneId.of("UTC"));
	}

	@Test
	@Order(4)
	void whenTheUrlNamesNoZoneThenTheBrowsersIsUsedAndUtcCanBeChosenForTheSameWindow() throws Exception {
		assertThat(this.browser.js("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(Browser.ZONE);
		this.browser.open(this.ui.base() + "/");
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(30))
			.until((d) -> d.getCurrentUrl().contains("zone=Europe/Berlin"));
		this.browser.waitForPage();
		ZoneId berlin = ZoneId.of(Browser.ZONE);
		assertThat(new Select(this.browser.find("#zone")).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo(Browser.ZONE);
		assertThat(this.browser.text("#zone-text")).startsWith("Europe/Berlin (UTC+0");
		assertWindowIsTheLast(Duration.ofHours(1), berlin);

		// a fixed window keeps its instants when the zone changes: the pickers move
		this.browser.open(this.ui.base() + "/?from=" + picker(this.from, berlin) + "&to=" + picker(this.to, berlin)
				+ "&zone=Europe/Berlin");
		WebElement html = this.browser.find("html");
		new Select(this.browser.find("#zone")).selectByValue("UTC");
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(30))
			.until((d) -> d.getCurrentUrl().contains("zone=UTC") && isStale(html));
		this.browser.waitForPage();
		assertThat(this.browser.find("#from").getDomProperty("value")).isEqualTo(picker(this.from, ZoneId.of("UTC")));
		assertThat(this.browser.find("#to").getDomProperty("value")).isEqualTo(picker(this.to, ZoneId.of("UTC")));
		assertTableShows(this.query.json("/api/v1/analytics?from=" + this.from + "&to=" + this.to), ZoneId.of("UTC"));
	}

	@Test
	@Order(5)
	void whenAServiceIsFollowedFromTheTableThenItsPageHasItsNumbersAndADrawnChartWithItsPeaksMarked() throws Exception {
		JsonNode analytics = this.query.json("/api/v1/analytics?from=" + this.from + "&to=" + this.to);
		assertThat(analytics.at("/services")).hasSize(4);
		for (JsonNode service : analytics.at("/services")) {
			String name = service.at("/service").asString();
			openFixedWindow("UTC");
			this.browser.clickAndWaitForPage(this.browser.find("#analytics tr[data-service='" + name + "'] a.name"));
			assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(this.ui.base() + "/services/" + name + "?from="
					+ picker(this.from, ZoneId.of("UTC")) + "&to=" + picker(this.to, ZoneId.of("UTC")) + "&zone=UTC");
			this.browser.screenshot("03-service-" + name);
			assertThat(this.browser.text("#service-name")).isEqualTo(name);
			for (String resource : List.of("cpu", "ram", "disk")) {
				assertThat(this.browser.text("#resources tr[data-resource='" + resource + "'] .mean"))
					.isEqualTo(percent(service.at("/" + resource + "/mean").asDouble()));
				assertThat(this.browser.text("#resources tr[data-resource='" + resource + "'] .peak"))
					.isEqualTo(percent(service.at("/" + resource + "/peak").asDouble()));
			}
			Map<String, Object> chart = this.browser.chart();
			assertThat(chart.get("service")).isEqualTo(name);
			assertThat(chart.get("datasets")).as("3 lines and 3 peak markers").isEqualTo(6L);
			assertThat((Long) chart.get("points")).isPositive();
			assertThat(((Number) chart.get("painted")).doubleValue()).as("share of the canvas drawn on for %s", name)
				.isGreaterThan(0.02);
			assertThat(((Number) chart.get("peakX")).longValue())
				.isEqualTo(Instant.parse(service.at("/cpu/peakAt").asString()).toEpochMilli());
			assertThat(((Number) chart.get("peakY")).doubleValue()).isEqualTo(service.at("/cpu/peak").asDouble());
			JsonNode entry = ofService(this.query.json("/api/v1/services").at("/services"), name);
			assertThat(this.browser.text("#catalog .badge")).isEqualTo(entry.at("/status").asString());
			assertThat(this.browser.text("#last-seen time"))
				.isEqualTo(shown(entry.at("/lastSeen").asString(), ZoneId.of("UTC")));
			assertThat(this.browser.text("#first-seen time"))
				.isEqualTo(shown(entry.at("/firstSeen").asString(), ZoneId.of("UTC")));
			assertThat(this.browser.accessibilityProblems()).isEmpty();
		}
		this.browser.open(this.ui.base() + "/services/nosuch?zone=UTC");
		assertThat(this.browser.text("#failure h2")).isEqualTo("No service named nosuch");
		assertThat(get(this.ui.base() + "/services/nosuch?zone=UTC").statusCode()).isEqualTo(404);
	}

	@Test
	@Order(6)
	void whenAColumnHeaderIsClickedThenTheTableSortsByItAndTheUrlKeepsTheOrder() throws Exception {
		openFixedWindow("UTC");
		this.browser.clickAndWaitForPage(this.browser.find("th[data-col='cpu-peak'] a"));
		assertThat(columnValues("cpu-peak")).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(this.browser.find("th[data-col='cpu-peak']").getDomAttribute("aria-sort")).isEqualTo("descending");
		assertThat(this.browser.driver().getCurrentUrl()).contains("sort=cpu-peak&dir=desc");
		this.browser.clickAndWaitForPage(this.browser.find("th[data-col='cpu-peak'] a"));
		assertThat(columnValues("cpu-peak")).isSorted();
		String url = this.browser.driver().getCurrentUrl();
		assertThat(url).contains("sort=cpu-peak&dir=asc");
		this.browser.open(url);
		assertThat(columnValues("cpu-peak")).isSorted();
		assertThat(this.browser.find("th[data-col='cpu-peak']").getDomAttribute("aria-sort")).isEqualTo("ascending");
	}

	@Test
	@Order(7)
	void whenThePageLoadsThenItCountsTheServicesByStateListsWhatNeedsAttentionAndSaysHowFreshTheDataIs()
			throws Exception {
		openFixedWindow("UTC");
		JsonNode catalog = this.query.json("/api/v1/services");
		int up = 0;
		for (JsonNode service : catalog.at("/services")) {
			up += "UP".equals(service.at("/status").asString()) ? 1 : 0;
		}
		assertThat(this.browser.text("#status-counts [data-state='up'] strong")).isEqualTo(String.valueOf(up));
		assertThat(this.browser.text("#status-counts [data-state='down'] strong"))
			.isEqualTo(String.valueOf(catalog.at("/services").size() - up));
		assertThat(this.browser.text("#status-summary")).startsWith("3 of 4 services UP");
		// legacy is DOWN: it needs attention, in one line with when it was last seen
		assertThat(this.browser.findAll("#attention li.service-status"))
			.extracting((e) -> e.getDomAttribute("data-service"))
			.contains("legacy")
			.doesNotContain("checkout");
		WebElement legacy = this.browser.find("#attention li.service-status[data-service='legacy']");
		assertThat(legacy.findElement(By.cssSelector(".badge")).getText()).isEqualTo("DOWN");
		assertThat(legacy.findElement(By.cssSelector("time")).getText()).isEqualTo(
				shown(ofService(catalog.at("/services"), "legacy").at("/lastSeen").asString(), ZoneId.of("UTC")));

		// every service is one click away, with its status and last message
		this.browser.clickAndWaitForPage(this.browser.find("#all-services"));
		assertThat(this.browser.findAll("#service-list tbody tr")).hasSize(catalog.at("/services").size());
		for (JsonNode service : catalog.at("/services")) {
			String row = "#service-list tr[data-service='" + service.at("/service").asString() + "'] ";
			assertThat(this.browser.text(row + ".badge")).isEqualTo(service.at("/status").asString());
			assertThat(this.browser.text(row + "time"))
				.isEqualTo(shown(service.at("/lastSeen").asString(), ZoneId.of("UTC")));
		}
		assertThat(this.browser.accessibilityProblems()).isEmpty();
		openFixedWindow("UTC");
		JsonNode sources = this.query.json("/api/v1/analytics?from=" + this.from + "&to=" + this.to).at("/sources");
		assertThat(this.browser.text("#freshness")).startsWith("Data as of ")
			.contains("batch view v" + sources.at("/batch/version").asLong())
			.contains("realtime set " + sources.at("/realtime/set").asString() + " v"
					+ sources.at("/realtime/version").asLong())
			.contains(shown(sources.at("/dataAsOf").asString(), ZoneId.of("UTC")));
	}

	@Test
	@Order(8)
	void whenAWindowIsEmptyOrPartlyCoveredThenThePageSaysSoInWords() throws Exception {
		ZoneId utc = ZoneId.of("UTC");
		Instant dayBefore = this.fleet.start().minus(Duration.ofDays(1));
		this.browser.open(this.ui.base() + "/?from=" + picker(dayBefore, utc) + "&to="
				+ picker(dayBefore.plus(Duration.ofHours(2)), utc) + "&zone=UTC");
		this.browser.screenshot("04-empty-window");
		assertThat(this.browser.findAll("#analytics")).isEmpty();
		assertThat(this.browser.text("#notes")).contains("No messages between")
			.contains("the first message of any service arrived at");

		Instant start = this.fleet.start().minus(Duration.ofMinutes(30));
		Instant end = this.fleet.end().plus(Duration.ofMinutes(30));
		this.browser.open(this.ui.base() + "/?from=" + picker(start, utc) + "&to=" + picker(end, utc) + "&zone=UTC");
		this.browser.screenshot("05-partial-window");
		assertThat(this.browser.text("#notes")).contains("The data starts at")
			.contains("The window ends in the future")
			.contains("2 services reported in part of the window only");
		assertThat(this.browser.find("#notes details .details").getDomProperty("textContent"))
			.contains("legacy: from about")
			.contains("search: from about");
	}

	@Test
	@Order(9)
	void whenTheTableIsDownloadedAsCsvThenItHoldsTheApisNumbers() throws Exception {
		openFixedWindow("Asia/Kolkata");
		String href = this.browser.find("#csv").getDomProperty("href");
		HttpResponse<String> csv = this.http.send(HttpRequest.newBuilder(URI.create(href)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((d) -> assertThat(d).contains("attachment"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).startsWith("service,messages,cpu_mean_pct,cpu_peak_pct,cpu_peak_at");
		JsonNode analytics = this.query.json("/api/v1/analytics?from=" + this.from + "&to=" + this.to);
		assertThat(lines).hasSize(analytics.at("/services").size() + 1);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",");
			JsonNode service = service(analytics, cells[0]);
			assertThat(Long.parseLong(cells[1])).isEqualTo(service.at("/messages").asLong());
			int i = 2;
			for (String resource : List.of("cpu", "ram", "disk")) {
				assertThat(Double.parseDouble(cells[i++])).isEqualTo(service.at("/" + resource + "/mean").asDouble());
				assertThat(Double.parseDouble(cells[i++])).isEqualTo(service.at("/" + resource + "/peak").asDouble());
				assertThat(java.time.OffsetDateTime.parse(cells[i++]).toInstant())
					.isEqualTo(Instant.parse(service.at("/" + resource + "/peakAt").asString()));
			}
		}
	}

	@Test
	@Order(9)
	void whenTheTableIsFilteredByNameThenItAndItsCsvHoldOnlyTheMatchingServices() throws Exception {
		openFixedWindow("UTC");
		this.browser.find("#q").sendKeys("PAY");
		this.browser.clickAndWaitForPage(this.browser.find("#filter"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("q=PAY");
		assertThat(this.browser.findAll("#analytics tbody tr")).extracting((e) -> e.getDomAttribute("data-service"))
			.containsExactly("payments");
		assertThat(this.browser.text("#table-count"))
			.startsWith("Showing 1–1 of 1 services matching “PAY” (of 4 with messages)");
		List<String> csv = get(this.browser.find("#csv").getDomProperty("href")).body().lines().toList();
		assertThat(csv).hasSize(2);
		assertThat(csv.get(1)).startsWith("payments,");
		this.browser.clickAndWaitForPage(this.browser.find("#clear-filter"));
		assertThat(this.browser.findAll("#analytics tbody tr")).hasSize(4);
	}

	@Test
	@Order(10)
	void whenTheWindowIsReversedThenTheQueryServicesProblemDetailIsShown() throws Exception {
		this.browser.open(this.ui.base() + "/?zone=UTC");
		ZoneId utc = ZoneId.of("UTC");
		this.browser.typeDateTime(this.browser.find("#from"), local(this.to, utc));
		this.browser.typeDateTime(this.browser.find("#to"), local(this.from, utc));
		this.browser.clickAndWaitForPage(this.browser.find("#analyze"));
		this.browser.screenshot("06-reversed-window");
		HttpResponse<String> refused = this.query.get("/api/v1/analytics?from=" + this.to + "&to=" + this.from);
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode problem = QueryServiceProcess.parse(refused.body());
		assertThat(this.browser.text("#failure h3")).isEqualTo("The query service refused this window");
		assertThat(this.browser.text("#failure-detail"))
			.isEqualTo(problem.at("/title").asString() + ": " + problem.at("/detail").asString() + ".");
		assertThat(this.browser.text("#failure")).contains("The parameter at fault: to");
		assertThat(this.browser.findAll("#analytics")).isEmpty();
	}

	@Test
	@Order(11)
	void atPhoneWidthThePageFitsAndEveryControlIsLabelledAndReachableByKeyboard() throws Exception {
		this.browser.size(390, 844);
		try {
			openFixedWindow("UTC");
			this.browser.screenshot("07-phone");
			assertThat((Long) this.browser.js("return document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo((Long) this.browser.js("return window.innerWidth"));
			assertThat(this.browser.js("""
					return Array.from(document.querySelectorAll('input:not([type=hidden]), select'))
					  .filter((e) => e.labels.length === 0).map((e) => e.id)""")).asList().isEmpty();
			assertThat(this.browser.js("""
					return Array.from(document.querySelectorAll('button'))
					  .filter((b) => b.textContent.trim() === '').length""")).isEqualTo(0L);
			assertThat(this.browser.accessibilityProblems()).isEmpty();
			// from the top of the page, Tab reaches the 15 min preset; Enter chooses it
			this.browser.js("document.activeElement.blur(); window.scrollTo(0, 0)");
			WebElement focused = null;
			for (int i = 0; i < 40; i++) {
				this.browser.find("body").sendKeys(Keys.TAB);
				focused = this.browser.driver().switchTo().activeElement();
				if ("preset-15m".equals(focused.getDomAttribute("id"))) {
					break;
				}
			}
			assertThat(focused.getDomAttribute("id")).isEqualTo("preset-15m");
			this.browser.pressAndWaitForPage(focused, Keys.ENTER);
			assertThat(this.browser.driver().getCurrentUrl()).contains("last=15m");
			assertWindowIsTheLast(Duration.ofMinutes(15), ZoneId.of("UTC"));
		}
		finally {
			this.browser.size(1366, 1000);
		}
	}

	@Test
	@Order(12)
	void whenAnalyzeIsClickedThenTheLoadingIndicatorShowsAndAutoRefreshReloadsThePage() throws Exception {
		openFixedWindow("UTC");
		assertThat(this.browser.find("#loading").isDisplayed()).isFalse();
		// a listener after the page's own sees the indicator the moment the form is sent
		this.browser.js("""
				document.getElementById('window-form').addEventListener('submit', (event) => {
				  window.loadingShown = !document.getElementById('loading').hidden;
				  event.preventDefault();
				});""");
		this.browser.find("#analyze").click();
		assertThat(this.browser.js("return window.loadingShown")).isEqualTo(true);

		assertThat(new Select(this.browser.find("#refresh")).getFirstSelectedOption().getText()).isEqualTo("Off");
		this.browser.open(this.browser.driver().getCurrentUrl() + "&refresh=5");
		this.browser.js("window.beforeRefresh = true");
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20)).until((d) -> this.browser
			.js("return window.beforeRefresh === undefined && document.readyState === 'complete'")
			.equals(true));
		assertThat(this.browser.driver().getCurrentUrl()).contains("refresh=5");
		new Select(this.browser.find("#refresh")).selectByValue("0");
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain("refresh=");
	}

	@Test
	@Order(13)
	void whenTheAlertServiceFindsLegacyDownThenThePanelShowsItAndTheServicesCarryTheirWorstFiringAlert()
			throws Exception {
		JsonNode before = AlertServiceProcess.awaitLegacyDown(this.alerts);
		openFixedWindow("Asia/Kolkata");
		JsonNode after = this.alerts.json("/api/v1/alerts");
		this.browser.screenshot("09-alerts-panel");

		// the panel: every alert the API answers, firing first, with its reason and since
		// in
		// the page's zone
		List<WebElement> lines = this.browser.findAll("#alert-list li.alert");
		assertThat(lines).hasSize(after.at("/alerts").size());
		List<String> states = new ArrayList<>();
		lines.forEach((line) -> states.add(line.getDomAttribute("data-state")));
		assertThat(states).isSortedAccordingTo((a, b) -> Boolean.compare("pending".equals(a), "pending".equals(b)));
		for (JsonNode alert : after.at("/alerts")) {
			WebElement line = this.browser.find("#alert-list li.alert[data-service='" + alert.at("/service").asString()
					+ "'][data-severity='" + alert.at("/severity").asString().toUpperCase(Locale.ROOT) + "']");
			assertThat(line.findElement(By.cssSelector(".sev")).getText())
				.isEqualTo(alert.at("/severity").asString().toUpperCase(Locale.ROOT));
			assertThat(line.findElement(By.cssSelector(".state")).getText()).isEqualTo(alert.at("/state").asString());
			assertThat(line.findElement(By.cssSelector("time")).getText())
				.isEqualTo(shown(alert.at("/since").asString(), KOLKATA));
		}
		WebElement legacy = this.browser.find("#alert-list li.alert[data-service='legacy'][data-severity='DOWN']");
		assertThat(legacy.getDomAttribute("data-state")).isEqualTo("firing");
		assertThat(legacy.findElement(By.cssSelector(".sev")).getText()).isEqualTo("DOWN");
		assertThat(legacy.findElements(By.cssSelector(".resource"))).as("DOWN is about the whole service").isEmpty();
		// the reason says how long legacy has been silent: the API's, just before or
		// after
		assertThat(legacy.findElement(By.cssSelector(".reason")).getText()).startsWith("no message for ")
			.isIn(reason(before, "legacy"), reason(after, "legacy"));
		assertThat(legacy.findElement(By.cssSelector("time")).getDomAttribute("datetime")).endsWith("+05:30")
			.startsWith(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
				.format(Instant.parse(ofService(after.at("/alerts"), "legacy").at("/since").asString())
					.atZone(KOLKATA)));
		assertThat(this.browser.text("#alerts-summary")).matches("\\d+ firing, \\d+ pending; evaluated .*\\.");

		// a badge on each service where the page lists it: the worst severity firing
		JsonNode catalog = this.query.json("/api/v1/services");
		for (JsonNode service : catalog.at("/services")) {
			String name = service.at("/service").asString();
			List<String> expected = worstFiring(after, name).map((s) -> List.of(s + " alert")).orElse(List.of());
			if (!this.browser.findAll("#attention li[data-service='" + name + "']").isEmpty()) {
				assertThat(texts("#attention li[data-service='" + name + "'] .alert-badge")).as("line of %s", name)
					.isEqualTo(expected);
			}
			if (!this.browser.findAll("#analytics tr[data-service='" + name + "']").isEmpty()) {
				assertThat(texts("#analytics tr[data-service='" + name + "'] .alert-badge")).as("row of %s", name)
					.isEqualTo(expected);
			}
		}
		assertThat(this.browser.text("li.service-status[data-service='legacy'] .alert-badge")).isEqualTo("DOWN alert");
		assertThat(this.browser.text("#analytics tr[data-service='legacy'] .alert-badge")).isEqualTo("DOWN alert");
		assertThat(this.browser.find("#analytics tr[data-service='legacy'] .alert-badge").getDomAttribute("title"))
			.startsWith("DOWN: no message for ");
		assertThat(this.browser.findAll("li.service-status[data-service='checkout'] .alert-badge")).isEmpty();
		assertThat(this.browser.accessibilityProblems()).isEmpty();
	}

	@Test
	@Order(14)
	void whenAlertHistoryIsFollowedThenItListsTheWindowsTransitionsNewestFirstAndLinksBackToTheSameWindow()
			throws Exception {
		openFixedWindow("Asia/Kolkata");
		String dashboard = this.browser.driver().getCurrentUrl();
		this.browser.clickAndWaitForPage(this.browser.find("#alert-history"));
		this.browser.screenshot("10-alert-history");
		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(this.ui.base() + "/alerts/history?from="
				+ picker(this.from, KOLKATA) + "&to=" + picker(this.to, KOLKATA) + "&zone=Asia/Kolkata");
		assertThat(this.browser.text("#zone-text")).isEqualTo("Asia/Kolkata (UTC+05:30)");

		JsonNode history = this.alerts.json("/api/v1/alerts/history?from=" + this.from + "&to=" + this.to);
		List<JsonNode> newestFirst = new ArrayList<>();
		history.at("/changes").forEach((change) -> newestFirst.add(0, change));
		List<WebElement> rows = this.browser.findAll("#transitions tbody tr");
		assertThat(rows).hasSize(newestFirst.size()).isNotEmpty();
		for (int i = 0; i < rows.size(); i++) {
			WebElement row = rows.get(i);
			JsonNode change = newestFirst.get(i);
			assertThat(cell(row, "time")).isEqualTo(shown(change.at("/at").asString(), KOLKATA));
			assertThat(cell(row, "service")).isEqualTo(change.at("/service").asString());
			assertThat(cell(row, "severity")).isEqualTo(change.at("/severity").asString().toUpperCase(Locale.ROOT));
			assertThat(cell(row, "change"))
				.isEqualTo("firing".equals(change.at("/change").asString()) ? "fired" : "resolved");
			assertThat(cell(row, "reason")).isEqualTo(change.at("/reason").asString());
		}
		WebElement legacy = this.browser
			.find("#transitions tr[data-service='legacy'][data-severity='DOWN'][data-change='fired']");
		assertThat(cell(legacy, "resource")).isEqualTo("whole service");
		assertThat(cell(legacy, "reason")).startsWith("no message for ");
		assertThat(this.browser.text("#history-summary")).endsWith("newest first.");
		assertThat(this.browser.accessibilityProblems()).isEmpty();

		this.browser.size(390, 844);
		try {
			this.browser.screenshot("11-alert-history-phone");
			assertThat((Long) this.browser.js("return document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo((Long) this.browser.js("return window.innerWidth"));
		}
		finally {
			this.browser.size(1366, 1000);
		}
		this.browser.clickAndWaitForPage(this.browser.find("#back"));
		assertThat(URLDecoder.decode(this.browser.driver().getCurrentUrl(), StandardCharsets.UTF_8))
			.isEqualTo(URLDecoder.decode(dashboard, StandardCharsets.UTF_8));
	}

	@Test
	@Order(15)
	void whenTheAlertServiceRefusesTheHistorysWindowThenThePageShowsItsProblemDetailInOneLine() throws Exception {
		ZoneId utc = ZoneId.of("UTC");
		Instant start = this.fleet.start().minus(Duration.ofDays(40));
		this.browser.open(this.ui.base() + "/alerts/history?from=" + picker(start, utc) + "&to="
				+ picker(this.fleet.start(), utc) + "&zone=UTC");
		HttpResponse<String> refused = this.alerts
			.get("/api/v1/alerts/history?from=" + start + "&to=" + this.fleet.start());
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode problem = AppProcess.parse(refused.body());
		assertThat(this.browser.text("#history-failure"))
			.isEqualTo("alert history unavailable: the alert service refused the request: "
					+ problem.at("/title").asString() + ": " + problem.at("/detail").asString());
		assertThat(this.browser.findAll("#transitions")).isEmpty();
		assertThat(this.browser.find("#back").getDomAttribute("href")).contains("zone=UTC");
	}

	@Test
	@Order(98)
	void whenTheAlertServiceStopsThenThePageSaysAlertsUnavailableInOneLineAndShowsEverythingElse() throws Exception {
		assertThat(health().at("/components/alertService/status").asString()).isEqualTo("UP");
		this.alerts.close();
		openFixedWindow("UTC");
		this.browser.screenshot("12-alert-service-stopped");
		assertThat(this.browser.text("#alerts-unavailable")).isEqualTo("alerts unavailable: the alert service at "
				+ this.alerts.base() + " could not be reached (connection refused)");
		assertThat(this.browser.findAll("#alert-list")).isEmpty();
		assertThat(this.browser.findAll(".alert-badge")).isEmpty();
		assertThat(this.browser.find("#alert-history").isDisplayed()).isTrue();
		assertThat(this.browser.findAll("#analytics tbody tr")).hasSize(4);
		assertThat(this.browser.findAll("#attention li.service-status"))
			.extracting((e) -> e.getDomAttribute("data-service"))
			.containsExactly("legacy");
		assertThat(this.browser.accessibilityProblems()).isEmpty();
		assertThat(get(this.browser.driver().getCurrentUrl()).statusCode())
			.as("the page does not fail without the alert service")
			.isEqualTo(200);
		JsonNode health = health();
		assertThat(health.at("/components/alertService/status").asString()).isEqualTo("DOWN");
		assertThat(health.at("/components/alertService/details/url").asString()).isEqualTo(this.alerts.base());
		assertThat(health.at("/components/queryService/status").asString()).isEqualTo("UP");
		assertThat(get(this.ui.base() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(99)
	void whenTheQueryServiceStopsThenThePageSaysItIsNotAnsweringAndHealthSaysDown() throws Exception {
		assertThat(health().at("/components/queryService/status").asString()).isEqualTo("UP");
		this.query.close();
		openFixedWindow("UTC");
		this.browser.screenshot("08-query-service-stopped");
		assertThat(this.browser.text("#failure h3")).isEqualTo("The query service is not answering");
		assertThat(this.browser.text("#failure-detail")).contains(this.query.base());
		assertThat(this.browser.findAll("#analytics")).isEmpty();
		assertThat(this.browser.find("#from").isDisplayed()).isTrue();
		JsonNode health = health();
		assertThat(health.at("/components/queryService/status").asString()).isEqualTo("DOWN");
		assertThat(health.at("/components/queryService/details/url").asString()).isEqualTo(this.query.base());
	}

	private JsonNode health() throws IOException, InterruptedException {
		return QueryServiceProcess.parse(get(this.ui.base() + "/actuator/health").body());
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Every row of the table shows the API's numbers, and the peak times in {@code zone}
	 * (without the date when the window lies within one date).
	 */
	private void assertTableShows(JsonNode analytics, ZoneId zone) {
		LocalDate firstDay = Instant.parse(analytics.at("/window/from").asString()).atZone(zone).toLocalDate();
		LocalDate lastDay = Instant.parse(analytics.at("/window/to").asString())
			.minusNanos(1)
			.atZone(zone)
			.toLocalDate();
		DateTimeFormatter peakFormat = firstDay.equals(lastDay) ? DateTimeFormatter.ofPattern("HH:mm:ss") : SHOWN;
		List<String> shownServices = new ArrayList<>();
		this.browser.findAll("#analytics tbody tr")
			.forEach((row) -> shownServices.add(row.getDomAttribute("data-service")));
		List<String> apiServices = new ArrayList<>();
		analytics.at("/services").forEach((s) -> apiServices.add(s.at("/service").asString()));
		assertThat(shownServices).containsExactlyInAnyOrderElementsOf(apiServices);
		for (JsonNode service : analytics.at("/services")) {
			String row = "#analytics tr[data-service='" + service.at("/service").asString() + "'] ";
			assertThat(this.browser.text(row + "[data-col='messages']").replace(",", ""))
				.isEqualTo(String.valueOf(service.at("/messages").asLong()));
			for (String resource : List.of("cpu", "ram", "disk")) {
				assertThat(this.browser.text(row + "[data-col='" + resource + "-mean']"))
					.isEqualTo(percent(service.at("/" + resource + "/mean").asDouble()));
				assertThat(this.browser.text(row + "[data-col='" + resource + "-peak']"))
					.isEqualTo(percent(service.at("/" + resource + "/peak").asDouble()));
				assertThat(this.browser.text(row + "[data-col='" + resource + "-peak-at']")).isEqualTo(peakFormat
					.format(Instant.parse(service.at("/" + resource + "/peakAt").asString()).atZone(zone)));
			}
		}
	}

	/** The pickers hold the last {@code length} up to now (to the minute). */
	private void assertWindowIsTheLast(Duration length, ZoneId zone) {
		Instant shownFrom = pickerInstant("#from", zone);
		Instant shownTo = pickerInstant("#to", zone);
		assertThat(Duration.between(shownFrom, shownTo)).isEqualTo(length);
		assertThat(Duration.between(Instant.now(), shownTo).abs()).isLessThanOrEqualTo(Duration.ofMinutes(2));
	}

	private void openFixedWindow(String zone) {
		ZoneId id = ZoneId.of(zone);
		this.browser.open(this.ui.base() + "/?from=" + picker(this.from, id) + "&to=" + picker(this.to, id) + "&zone="
				+ URLEncoder.encode(zone, StandardCharsets.UTF_8));
	}

	private List<Double> columnValues(String column) {
		List<Double> values = new ArrayList<>();
		this.browser.findAll("#analytics tbody [data-col='" + column + "']")
			.forEach((cell) -> values.add(Double.parseDouble(cell.getDomAttribute("data-value"))));
		return values;
	}

	private Instant pickerInstant(String css, ZoneId zone) {
		return LocalDateTime.parse(this.browser.find(css).getDomProperty("value")).atZone(zone).toInstant();
	}

	private boolean isStale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return true;
		}
	}

	private List<String> texts(String css) {
		List<String> texts = new ArrayList<>();
		this.browser.findAll(css).forEach((element) -> texts.add(element.getText()));
		return texts;
	}

	private static String cell(WebElement row, String column) {
		return row.findElement(By.cssSelector("[data-col='" + column + "']")).getText();
	}

	private static String reason(JsonNode alerts, String service) {
		return ofService(alerts.at("/alerts"), service).at("/reason").asString();
	}

	/**
	 * The worst severity firing for a service (DOWN, then RED, then AMBER), in capitals.
	 */
	private static Optional<String> worstFiring(JsonNode alerts, String service) {
		List<String> order = List.of("down", "red", "amber");
		String worst = null;
		for (JsonNode alert : alerts.at("/alerts")) {
			String severity = alert.at("/severity").asString();
			if (alert.at("/service").asString().equals(service) && "firing".equals(alert.at("/state").asString())
					&& (worst == null || order.indexOf(severity) < order.indexOf(worst))) {
				worst = severity;
			}
		}
		return Optional.ofNullable(worst).map((s) -> s.toUpperCase(Locale.ROOT));
	}

	private static JsonNode service(JsonNode analytics, String name) {
		return ofService(analytics.at("/services"), name);
	}

	/** The first element of a JSON array whose {@code service} is {@code name}. */
	private static JsonNode ofService(JsonNode array, String name) {
		for (JsonNode element : array) {
			if (element.at("/service").asString().equals(name)) {
				return element;
			}
		}
		throw new AssertionError("nothing of " + name + " in " + array);
	}

	private static LocalDateTime local(Instant time, ZoneId zone) {
		return LocalDateTime.ofInstant(time, zone).truncatedTo(ChronoUnit.MINUTES);
	}

	private static String picker(Instant time, ZoneId zone) {
		return PICKER.format(time.atZone(zone));
	}

	private static String shown(String iso, ZoneId zone) {
		return SHOWN.format(Instant.parse(iso).atZone(zone));
	}

	private static String percent(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
