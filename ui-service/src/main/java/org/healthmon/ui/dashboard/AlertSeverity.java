package org.healthmon.ui.dashboard;

import java.util.Locale;

/**
 * How the page shows an alert's severity: its word on the badge ({@code RED},
 * {@code AMBER}, {@code DOWN}: text, never colour alone), its CSS class, and how bad it
 * is. DOWN is the worst (the service says nothing at all), then RED (a resource is high),
 * then AMBER (one is heading there).
 *
 * @param label the badge's word
 * @param css the badge's CSS class
 * @param rank 0 for the worst
 */
record AlertSeverity(String label, String css, int rank) {

	static final AlertSeverity DOWN = new AlertSeverity("DOWN", "sev-down", 0);

	static final AlertSeverity RED = new AlertSeverity("RED", "sev-red", 1);

	static final AlertSeverity AMBER = new AlertSeverity("AMBER", "sev-amber", 2);

	/**
	 * The severity the API names ({@code red}, {@code amber}, {@code down}); one the page
	 * does not know yet is shown as written, after the known ones.
	 */
	static AlertSeverity of(String severity) {
		return switch (severity.strip().toLowerCase(Locale.ROOT)) {
			case "down" -> DOWN;
			case "red" -> RED;
			case "amber" -> AMBER;
			default -> new AlertSeverity(severity.strip().toUpperCase(Locale.ROOT), "sev-other", 3);
		};
	}

}
