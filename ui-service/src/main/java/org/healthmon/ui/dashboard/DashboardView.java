package org.healthmon.ui.dashboard;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the page shows, worded and formatted for the chosen zone; built by
 * {@link Dashboard}, rendered by {@code dashboard.html}.
 *
 * @param window the window shown
 * @param windowText the window in words, e.g. {@code 2026-11-22 10:00 to 11:00 (60 min)}
 * @param zoneText the zone with its offset
 * @param failure why there are no results, if there are none
 * @param rows one per service with messages in the window, in the table's order
 * @param notes what is empty or partial about the window, in words
 * @param freshness how fresh the data is and which views answered
 * @param status the services' UP/DOWN badges
 * @param statusFailure why there are no badges, if there are none
 * @param charts the charts' data (JSON), when the series came back
 * @param chartFailure why there are no charts, if there are none
 * @param step the step of the charts' series, e.g. {@code 1 min}
 */
record DashboardView(PageWindow window, String windowText, String zoneText, @Nullable Failure failure, List<Row> rows,
		List<String> notes, @Nullable Freshness freshness, @Nullable StatusBoard status, @Nullable String statusFailure,
		@Nullable String charts, @Nullable String chartFailure, String step) {

	DashboardView {
		rows = List.copyOf(rows);
		notes = List.copyOf(notes);
	}

	/** One service's row of the results table. */
	record Row(String service, long messages, String messagesText, Measure cpu, Measure ram, Measure disk) {
	}

	/**
	 * One resource of a row: the numbers, and how the page writes them.
	 *
	 * @param peakAtIso the peak's time, ISO-8601 in the chosen zone (for the CSV and the
	 * page's {@code <time datetime>})
	 */
	record Measure(double mean, double peak, Instant peakAt, String meanText, String peakText, String peakAtText,
			String peakAtIso) {
	}

	/** Why a window has no results. */
	record Failure(Kind kind, String title, String detail, @Nullable String parameter, @Nullable String value) {

		enum Kind {

			/** The query service did not answer at all. */
			UNREACHABLE,
			/** The query service refused the window (4xx), with its problem detail. */
			REJECTED,
			/** The query service failed (5xx). */
			FAILED,
			/** The page's own URL parameters are wrong. */
			INPUT

		}

	}

	/** The freshness line: when the data is from, which views answered. */
	record Freshness(String text, boolean stale) {
	}

	/** The status badges and a summary line. */
	record StatusBoard(String summary, List<Badge> badges) {

		StatusBoard {
			badges = List.copyOf(badges);
		}

	}

	/** One service's status. */
	record Badge(String service, boolean up, String lastSeenText, String lastSeenIso, String ago, String messages,
			long lost, long duplicates) {
	}

}
