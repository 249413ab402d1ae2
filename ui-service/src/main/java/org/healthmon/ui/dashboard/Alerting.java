package org.healthmon.ui.dashboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.ui.alerts.AlertClient;
import org.healthmon.ui.alerts.AlertsApi;
import org.healthmon.ui.alerts.AlertsRejectedException;
import org.healthmon.ui.dashboard.DashboardView.Failure;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * Asks the alert service for the alerts now (the page's panel and each service's badge)
 * and for a window's transitions (the history page), and puts them in words for the
 * chosen zone. Whatever goes wrong with the alert service is said in one line; it never
 * fails the page.
 */
class Alerting {

	private static final Log log = LogFactory.getLog(Alerting.class);

	private final AlertClient client;

	private final URI url;

	Alerting(AlertClient client, URI url) {
		this.client = client;
		this.url = url;
	}

	/** The alerts firing and pending now; never throws. */
	AlertsView now(Texts texts) {
		try {
			return view(this.client.alerts(null, null), texts);
		}
		catch (RuntimeException ex) {
			return AlertsView.unavailable(reason(ex));
		}
	}

	/**
	 * The transitions of the window, newest first; never throws.
	 * @param service only this service's, or {@code null} for all
	 */
	HistoryView history(PageWindow window, Texts texts, @Nullable String service) {
		String windowText = texts.window(window);
		if (!window.problems().isEmpty()) {
			return new HistoryView(window, windowText, texts.zoneName(),
					"This page's address has a mistake: " + String.join("; ", window.problems()) + ".",
					Failure.Kind.INPUT, "", List.of());
		}
		try {
			return view(window, this.client.history(window.apiFrom(), window.apiTo(), service, null), texts);
		}
		catch (RuntimeException ex) {
			Failure.Kind kind = (ex instanceof AlertsRejectedException rejected)
					? (rejected.rejectedRequest() ? Failure.Kind.REJECTED : Failure.Kind.FAILED)
					: Failure.Kind.UNREACHABLE;
			return new HistoryView(window, windowText, texts.zoneName(), "alert history unavailable: " + reason(ex),
					kind, "", List.of());
		}
	}

	static HistoryView view(PageWindow window, AlertsApi.History history, Texts texts) {
		return new HistoryView(window, texts.window(window), texts.zoneName(), null, null, summary(history.changes()),
				entries(history.changes(), texts));
	}

	static AlertsView view(AlertsApi.Alerts alerts, Texts texts) {
		List<AlertsView.Line> lines = alerts.alerts()
			.stream()
			.sorted(Comparator.comparing((AlertsApi.ActiveAlert alert) -> !alert.firing()))
			.map((alert) -> new AlertsView.Line(AlertSeverity.of(alert.severity()), alert.firing(), alert.service(),
					resource(alert.resource()), alert.reason(), texts.time(alert.since()),
					texts.iso(alert.since().toInstant()), texts.ago(alert.since().toInstant())))
			.toList();
		Map<String, List<AlertsView.Line>> firing = lines.stream()
			.filter(AlertsView.Line::firing)
			.collect(Collectors.groupingBy(AlertsView.Line::service, LinkedHashMap::new, Collectors.toList()));
		Map<String, AlertsView.Badge> badges = new LinkedHashMap<>();
		firing.forEach((service, alertsOfService) -> {
			AlertSeverity worst = alertsOfService.stream()
				.map(AlertsView.Line::severity)
				.min(Comparator.comparingInt(AlertSeverity::rank))
				.orElseThrow();
			String reasons = alertsOfService.stream()
				.map((line) -> line.severity().label() + ": " + line.reason())
				.collect(Collectors.joining("; "));
			badges.put(service, new AlertsView.Badge(worst, worst.label() + " alert", reasons));
		});
		int fired = firing.values().stream().mapToInt(List::size).sum();
		String summary;
		if (alerts.evaluatedAt() == null) {
			summary = "The alert service has not evaluated the alerts yet.";
		}
		else {
			String evaluated = "evaluated " + texts.time(alerts.evaluatedAt()) + " ("
					+ texts.ago(alerts.evaluatedAt().toInstant()) + ")";
			summary = lines.isEmpty() ? "No alert is firing or pending; " + evaluated + "."
					: fired + " firing, " + (lines.size() - fired) + " pending; " + evaluated + ".";
		}
		return new AlertsView(null, summary, lines, badges, 0);
	}

	private static List<HistoryView.Entry> entries(List<AlertsApi.Change> changes, Texts texts) {
		List<AlertsApi.Change> newestFirst = new ArrayList<>(changes);
		newestFirst.sort(Comparator.comparing((AlertsApi.Change change) -> change.at().toInstant()));
		Collections.reverse(newestFirst);
		return newestFirst.stream()
			.map((change) -> new HistoryView.Entry(texts.time(change.at()), texts.iso(change.at().toInstant()),
					change.service(), resource(change.resource()), AlertSeverity.of(change.severity()),
					change.fired() ? "fired" : change.change(), change.reason()))
			.toList();
	}

	private static String summary(List<AlertsApi.Change> changes) {
		if (changes.isEmpty()) {
			return "No alert fired or resolved in this window.";
		}
		long fired = changes.stream().filter(AlertsApi.Change::fired).count();
		return changes.size() + ((changes.size() == 1) ? " transition" : " transitions") + " in this window (" + fired
				+ " fired, " + (changes.size() - fired) + " resolved), newest first.";
	}

	/** A resource as the table's headers write it; none for DOWN. */
	static @Nullable String resource(@Nullable String resource) {
		if (resource == null) {
			return null;
		}
		return switch (resource.toLowerCase(Locale.ROOT)) {
			case "cpu" -> "CPU";
			case "ram" -> "RAM";
			case "disk" -> "Disk";
			default -> resource;
		};
	}

	/** Why the alert service gave nothing to show, in words. */
	private String reason(RuntimeException ex) {
		if (ex instanceof AlertsRejectedException rejected) {
			return "the alert service " + (rejected.rejectedRequest() ? "refused the request: " : "failed: ")
					+ Failures.words(rejected.problem());
		}
		if (ex instanceof ResourceAccessException) {
			return "the alert service at " + this.url + " could not be reached (" + Failures.reason(ex) + ")";
		}
		if (ex instanceof RestClientException) {
			return "the alert service's answer could not be read (" + Failures.reason(ex) + ")";
		}
		log.warn("Asking the alert service at " + this.url + " failed", ex);
		return "asking the alert service failed (" + Failures.reason(ex) + ")";
	}

}
