package org.healthmon.ui.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.healthmon.ui.alerts.AlertsApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the alerts panel, the services' alert badges and the history page put the alert
 * service's answers in words: firing first, the worst severity on a service's badge,
 * times in the chosen zone, the history newest first.
 */
class AlertingTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:30Z");

	private static final PageWindow KOLKATA = PageWindow.resolve(new PageRequest("2026-11-22T15:30", "2026-11-22T17:30",
			null, "Asia/Kolkata", null, null, null, null, null, null, null), NOW);

	private static final Texts TEXTS = Texts.of(KOLKATA, NOW);

	@Test
	void whenAlertsFireAndWaitThenTheFiringOnesComeFirstWithTheirReasonAndSinceInTheZone() {
		AlertsView view = Alerting.view(new AlertsApi.Alerts(at("12:00:12"), at("12:00:00"),
				List.of(pending("checkout", "cpu", "11:59:00", "CPU 85 % for 1 min, fires after 2 min"),
						firing("checkout", "ram", "amber", "11:52:00", "RAM predicted to reach 80 % in ~7 min"),
						firing("legacy", null, "down", "10:00:05", "no message for 120 min (down after 3600 s)"),
						firing("payments", "cpu", "red", "11:56:00", "CPU 93 % for 4 min"))),
				TEXTS);

		assertThat(view.unavailable()).isNull();
		assertThat(view.summary()).isEqualTo("3 firing, 1 pending; evaluated 2026-11-22 17:30:12 (18 s ago).");
		assertThat(view.lines())
			.extracting((line) -> line.severity().label() + " " + line.state() + " " + line.service() + " "
					+ line.resource() + ": " + line.reason() + " since " + line.sinceText())
			.containsExactly(
					"AMBER firing checkout RAM: RAM predicted to reach 80 % in ~7 min since 2026-11-22 17:22:00",
					"DOWN firing legacy null: no message for 120 min (down after 3600 s) since 2026-11-22 15:30:05",
					"RED firing payments CPU: CPU 93 % for 4 min since 2026-11-22 17:26:00",
					"RED pending checkout CPU: CPU 85 % for 1 min, fires after 2 min since 2026-11-22 17:29:00");
		assertThat(view.lines().get(2).sinceIso()).isEqualTo("2026-11-22T17:26:00.000+05:30");
		assertThat(view.lines().get(2).sinceAgo()).isEqualTo("4 min ago");
	}

	@Test
	void whenAServiceHasSeveralAlertsThenItsBadgeShowsTheWorstFiringOneInWordsAndPendingOnesNone() {
		AlertsView view = Alerting.view(
				new AlertsApi.Alerts(at("12:00:12"), at("12:00:00"),
						List.of(firing("a", "ram", "amber", "11:52:00", "RAM predicted to reach 80 % in ~7 min"),
								firing("a", "cpu", "red", "11:56:00", "CPU 93 % for 4 min"),
								firing("b", null, "down", "10:00:05", "no message for 120 min (down after 3600 s)"),
								pending("c", "cpu", "11:59:00", "CPU 85 % for 1 min, fires after 2 min"),
								firing("d", "disk", "amber", "11:50:00", "Disk predicted to reach 80 % in ~3 min"))),
				TEXTS);

		assertThat(view.badge("a")).isEqualTo(new AlertsView.Badge(AlertSeverity.RED, "RED alert",
				"AMBER: RAM predicted to reach 80 % in ~7 min; RED: CPU 93 % for 4 min"));
		assertThat(view.badge("b").text()).isEqualTo("DOWN alert");
		assertThat(view.badge("b").severity().css()).isEqualTo("sev-down");
		assertThat(view.badge("c")).as("pending: no badge").isNull();
		assertThat(view.badge("d").text()).isEqualTo("AMBER alert");
		assertThat(view.badge("e")).isNull();
	}

	@Test
	void whenNothingIsActiveOrNothingWasEvaluatedYetThenTheSummarySaysSo() {
		assertThat(Alerting.view(new AlertsApi.Alerts(at("12:00:12"), at("12:00:00"), List.of()), TEXTS).summary())
			.isEqualTo("No alert is firing or pending; evaluated 2026-11-22 17:30:12 (18 s ago).");
		assertThat(Alerting.view(new AlertsApi.Alerts(null, null, null), TEXTS).summary())
			.isEqualTo("The alert service has not evaluated the alerts yet.");
		assertThat(AlertsView.unavailable("the alert service at http://a:1 could not be reached (connection refused)")
			.unavailable())
			.isEqualTo("alerts unavailable: the alert service at http://a:1 could not be reached (connection refused)");
	}

	@Test
	void whenTheHistoryHasTransitionsThenTheyAreListedNewestFirstInTheZone() {
		HistoryView view = Alerting.view(KOLKATA,
				new AlertsApi.History(at("10:00"), at("12:00"), List.of(
						change("legacy", null, "down", "firing", "10:00:05",
								"no message for 60 min (down after 3600 s)"),
						change("payments", "cpu", "red", "firing", "11:30:00", "CPU 93 % for 2 min"),
						change("payments", "cpu", "red", "resolved", "11:40:00", "CPU 61 %, below 75 % for 2 min"))),
				TEXTS);

		assertThat(view.failure()).isNull();
		assertThat(view.kind()).isNull();
		assertThat(view.windowText()).isEqualTo("2026-11-22 15:30:00 to 2026-11-22 17:30:00 (2 h)");
		assertThat(view.zoneText()).isEqualTo("Asia/Kolkata (UTC+05:30)");
		assertThat(view.summary()).isEqualTo("3 transitions in this window (2 fired, 1 resolved), newest first.");
		assertThat(view.entries())
			.extracting((e) -> e.atText() + " " + e.service() + " " + e.resource() + " " + e.severity().label() + " "
					+ e.change() + ": " + e.reason())
			.containsExactly("2026-11-22 17:10:00 payments CPU RED resolved: CPU 61 %, below 75 % for 2 min",
					"2026-11-22 17:00:00 payments CPU RED fired: CPU 93 % for 2 min",
					"2026-11-22 15:30:05 legacy null DOWN fired: no message for 60 min (down after 3600 s)");
		assertThat(view.entries().get(0).atIso()).isEqualTo("2026-11-22T17:10:00.000+05:30");
	}

	@Test
	void whenTheHistoryIsEmptyThenThePageSaysNothingFiredOrResolved() {
		assertThat(Alerting.view(KOLKATA, new AlertsApi.History(at("10:00"), at("12:00"), List.of()), TEXTS).summary())
			.isEqualTo("No alert fired or resolved in this window.");
	}

	@Test
	void whenTheApiNamesASeverityThePageDoesNotKnowThenItIsShownAsWrittenAfterTheKnownOnes() {
		assertThat(AlertSeverity.of("red")).isEqualTo(AlertSeverity.RED);
		assertThat(AlertSeverity.of("DOWN")).isEqualTo(AlertSeverity.DOWN);
		assertThat(AlertSeverity.of("purple")).isEqualTo(new AlertSeverity("PURPLE", "sev-other", 3));
	}

	private static AlertsApi.ActiveAlert firing(String service, String resource, String severity, String since,
			String reason) {
		return new AlertsApi.ActiveAlert(service, resource, severity, "firing", at(since), at(since),
				(resource != null) ? 93.0 : null, null, (resource == null) ? at("09:00") : null, reason);
	}

	private static AlertsApi.ActiveAlert pending(String service, String resource, String since, String reason) {
		return new AlertsApi.ActiveAlert(service, resource, "red", "pending", at(since), null, 85.0, null, null,
				reason);
	}

	private static AlertsApi.Change change(String service, String resource, String severity, String change, String at,
			String reason) {
		return new AlertsApi.Change(service, resource, severity, change, at(at), at("09:00"), null, null, reason);
	}

	private static OffsetDateTime at(String time) {
		String full = (time.length() == 5) ? time + ":00" : time;
		return OffsetDateTime.of(2026, 11, 22, 0, 0, 0, 0, ZoneOffset.UTC).with(java.time.LocalTime.parse(full));
	}

}
