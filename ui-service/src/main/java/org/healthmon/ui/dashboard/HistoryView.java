package org.healthmon.ui.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The alert history page: the transitions of a window, newest first, worded for the
 * chosen zone; built by {@link Alerting}, rendered by {@code alert-history.html}.
 *
 * @param window the window shown
 * @param windowText the window in words
 * @param zoneText the zone with its offset
 * @param failure why there is no history to show, in one line, if there is none, e.g.
 * {@code alert history unavailable: ...}
 * @param kind what kind of failure that is, if any (it sets the answer's status)
 * @param summary how many transitions the window has
 * @param entries newest first
 */
record HistoryView(PageWindow window, String windowText, String zoneText, @Nullable String failure,
		DashboardView.Failure.@Nullable Kind kind, String summary, List<Entry> entries) {

	HistoryView {
		entries = List.copyOf(entries);
	}

	/**
	 * One transition.
	 *
	 * @param atText when it was decided, in the chosen zone
	 * @param atIso the same, ISO-8601 with its offset
	 * @param resource e.g. {@code CPU}; {@code null} for DOWN
	 * @param change {@code fired} or {@code resolved}
	 */
	record Entry(String atText, String atIso, String service, @Nullable String resource, AlertSeverity severity,
			String change, String reason) {
	}

}
