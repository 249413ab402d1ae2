package org.healthmon.ui.dashboard;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the dashboard shows, worded and formatted for the chosen zone; built by
 * {@link Dashboard}, rendered by {@code dashboard.html}. Its weight is bounded: one page
 * of the table, the services that need attention, and notes that count rather than list.
 *
 * @param window the window shown
 * @param windowText the window in words, e.g. {@code 2026-11-22 10:00 to 11:00 (60 min)}
 * @param zoneText the zone with its offset
 * @param failure why there are no results, if there are none
 * @param rows every service with messages in the window that the filter matches, in the
 * table's order (the CSV download holds them all)
 * @param table the page of {@code rows} shown
 * @param analyzed how many services had messages in the window, before the filter
 * @param notes what is empty or partial about the window, in words
 * @param freshness how fresh the data is and which views answered
 * @param status the fleet's status at a glance
 * @param statusFailure why there is no status, if there is none
 */
record DashboardView(PageWindow window, String windowText, String zoneText, @Nullable Failure failure, List<Row> rows,
		Paged<Row> table, int analyzed, List<Note> notes, @Nullable Freshness freshness, @Nullable StatusBoard status,
		@Nullable String statusFailure) {

	DashboardView {
		rows = List.copyOf(rows);
		notes = List.copyOf(notes);
	}

	/**
	 * A note about the window; the services it concerns, when it concerns many, are named
	 * in its details.
	 */
	record Note(String text, List<String> details) {

		Note {
			details = List.copyOf(details);
		}

		static Note of(String text) {
			return new Note(text, List.of());
		}

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
			INPUT,
			/** The page names a service the catalog does not know. */
			NOT_FOUND

		}

	}

	/** The freshness line: when the data is from, which views answered. */
	record Freshness(String text, boolean stale) {
	}

	/**
	 * The fleet at a glance: how many services are UP, DOWN and alerting, then the ones
	 * that need attention, one line each.
	 *
	 * @param up services UP
	 * @param down services DOWN, not counting those hidden as long gone
	 * @param alerting services with a firing alert
	 * @param hidden services not seen for longer than {@code hideAfter}, left out
	 * @param hideAfter that age, in words
	 * @param summary the counts in one sentence, with the catalog's age
	 * @param attention DOWN or alerting services, alerting first, then by name; at most a
	 * page of them
	 * @param more how many more need attention than {@code attention} shows
	 */
	record StatusBoard(int up, int down, int alerting, int hidden, String hideAfter, String summary,
			List<Badge> attention, int more) {

		StatusBoard {
			attention = List.copyOf(attention);
		}

	}

	/**
	 * One service's catalog entry, worded.
	 *
	 * @param messages messages received, ever
	 * @param stale whether it was not seen for longer than
	 * {@code healthmon.ui.hide-after}
	 */
	record Badge(String service, boolean up, String firstSeenText, String firstSeenIso, String lastSeenText,
			String lastSeenIso, String ago, String messages, long lost, long duplicates, boolean stale) {
	}

}
