package org.healthmon.ui.dashboard;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole app, with the query and alert services' addresses pointing at ports where
 * nothing listens: real refused connections, as when those services are down. The browser
 * tests cover the pages against running ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardPageTests {

	@Autowired
	MockMvc mvc;

	/** Where the alert service is said to be. */
	static String alertsUrl;

	@DynamicPropertySource
	static void servicesNobodyListensTo(DynamicPropertyRegistry registry) throws IOException {
		String url = "http://127.0.0.1:" + freePort();
		registry.add("healthmon.ui.query-url", () -> url);
		alertsUrl = "http://127.0.0.1:" + freePort();
		registry.add("healthmon.ui.alerts-url", () -> alertsUrl);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void whenTheQueryServiceDoesNotAnswerThenThePageSaysSoAndKeepsItsControls() throws Exception {
		this.mvc.perform(get("/").param("last", "6h").param("zone", "Europe/Berlin"))
			.andExpect(status().isBadGateway())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(allOf(containsString("The query service is not answering"),
					containsString("could not be reached (connection refused)"),
					containsString("<label for=\"from\">From</label>"), containsString("<label for=\"to\">To</label>"),
					containsString("<label for=\"zone\">Time zone</label>"),
					containsString("<label for=\"refresh\">Auto-refresh</label>"),
					matchesRegex("(?s).*id=\"preset-6h\" value=\"6h\"\\s+aria-pressed=\"true\".*"),
					containsString("<option value=\"Europe/Berlin\" selected=\"selected\">Europe/Berlin (UTC+0"),
					// the dashboard draws no charts: a service's page does
					not(containsString("chart.umd.js")), not(containsString("id=\"analytics\"")))));
	}

	@Test
	void whenTheQueryServiceDoesNotAnswerThenAServicesPageSaysSoAndKeepsItsWindowAndChartScript() throws Exception {
		this.mvc.perform(get("/services/checkout").param("last", "1h").param("zone", "UTC"))
			.andExpect(status().isBadGateway())
			.andExpect(content().string(allOf(containsString("<h1 id=\"service-name\">checkout</h1>"),
					containsString("The query service is not answering"),
					containsString("<form id=\"window-form\" method=\"get\" action=\"/services/checkout\""),
					matchesRegex("(?s).*id=\"preset-1h\" value=\"1h\"\\s+aria-pressed=\"true\".*"),
					matchesRegex("(?s).*<script src=\"/webjars/chart.js/[0-9.]+/dist/chart.umd.js\".*"),
					containsString("href=\"/?last=1h&amp;zone=UTC\""))));
	}

	@Test
	void whenTheAlertServiceDoesNotAnswerThenThePageSaysSoInOneLineAndLinksToTheHistoryOfItsWindow() throws Exception {
		this.mvc
			.perform(get("/").param("from", "2026-11-22T10:00").param("to", "2026-11-22T11:00").param("zone", "UTC"))
			.andExpect(status().isBadGateway())
			.andExpect(content().string(allOf(containsString("<h2 id=\"alerts-title\">Alerts</h2>"),
					containsString("<p id=\"alerts-unavailable\" class=\"message warn\">alerts unavailable: the alert "
							+ "service at " + alertsUrl + " could not be reached (connection refused)</p>"),
					containsString("<a id=\"alert-history\" "
							+ "href=\"/alerts/history?from=2026-11-22T10:00&amp;to=2026-11-22T11:00&amp;zone=UTC\">"
							+ "alert history</a>"),
					not(containsString("id=\"alert-list\"")), not(containsString("class=\"alert-badge")),
					containsString("<code>" + alertsUrl + "</code>"))));
	}

	@Test
	void whenTheAlertServiceDoesNotAnswerThenTheHistoryPageSaysSoAndLinksBackToTheSameWindow() throws Exception {
		this.mvc.perform(get("/alerts/history").param("last", "6h").param("zone", "Europe/Berlin"))
			.andExpect(status().isBadGateway())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(allOf(containsString("<h2 id=\"history-title\">Alert history</h2>"),
					containsString("alert history unavailable: the alert service at " + alertsUrl
							+ " could not be reached (connection refused)"),
					containsString(
							"<a id=\"back\" href=\"/?last=6h&amp;zone=Europe/Berlin\">Back to the dashboard</a>"),
					containsString("times in <span id=\"zone-text\">Europe/Berlin (UTC+0"),
					not(containsString("id=\"transitions\"")))));
	}

	@Test
	void whenTheHistoryPagesAddressHasAMistakeThenItSaysWhichWithoutAskingTheAlertService() throws Exception {
		this.mvc.perform(get("/alerts/history").param("from", "soon").param("zone", "UTC"))
			.andExpect(status().isBadRequest())
			.andExpect(
					content().string(allOf(
							containsString("This page&#39;s address has a mistake: &#39;from&#39; "
									+ "is not a date and time: &#39;soon&#39;"),
							not(containsString("could not be reached")))));
	}

	@Test
	void whenTheFormIsSentThenItIsRedirectedToTheCleanAddressOfTheWindowInTheChosenZone() throws Exception {
		this.mvc
			.perform(get("/").param("from", "2026-11-22T11:00")
				.param("to", "2026-11-22T12:30")
				.param("zone", "UTC")
				.param("in", "Europe/Berlin")
				.param("refresh", "0")
				.param("sort", "")
				.param("dir", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/?from=2026-11-22T10:00&to=2026-11-22T11:30&zone=UTC"));
		this.mvc
			.perform(get("/").param("from", "2026-11-22T11:00")
				.param("to", "2026-11-22T12:30")
				.param("zone", "Asia/Kolkata")
				.param("in", "Asia/Kolkata")
				.param("last", "24h")
				.param("refresh", "30")
				.param("sort", "cpu-peak")
				.param("dir", "desc"))
			.andExpect(redirectedUrl("/?last=24h&zone=Asia/Kolkata&refresh=30&sort=cpu-peak&dir=desc"));
	}

	@Test
	void whenTheAddressHasAMistakeThenThePageSaysWhichInWords() throws Exception {
		this.mvc.perform(get("/").param("from", "soon").param("zone", "UTC"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("This page&#39;s address has a mistake"),
					containsString("&#39;from&#39; is not a date and time: &#39;soon&#39;"))));
	}

	@Test
	void whenTheCsvIsAskedForWithoutAQueryServiceThenTheAnswerSaysWhy() throws Exception {
		this.mvc.perform(get("/analytics.csv").param("last", "1h"))
			.andExpect(status().isBadGateway())
			.andExpect(content().string(containsString("The query service is not answering")));
	}

	@Test
	void whenTheChartLibraryIsAskedForThenTheAppServesItItself() throws Exception {
		this.mvc.perform(get("/webjars/chart.js/dist/chart.umd.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chart.js v4")));
		this.mvc.perform(get("/js/dashboard.js")).andExpect(status().isOk());
		this.mvc.perform(get("/css/healthmon.css")).andExpect(status().isOk());
	}

	@Test
	void whenTheQueryAndAlertServicesDoNotAnswerThenHealthSaysSoButTheUiStaysReady() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.components.queryService.status").value("DOWN"))
			.andExpect(jsonPath("$.components.queryService.details.error")
				.value(containsString("I/O error on GET request")));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(jsonPath("$.components.alertService.status").value("DOWN"))
			.andExpect(jsonPath("$.components.alertService.details.url").value(alertsUrl))
			.andExpect(jsonPath("$.components.alertService.details.error")
				.value(containsString("I/O error on GET request")));
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/plain")));
	}

}
