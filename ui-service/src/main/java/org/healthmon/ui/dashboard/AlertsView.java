package org.healthmon.ui.dashboard;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The alerts now, worded for the chosen zone: the page's alerts panel and each service's
 * alert badge; built by {@link Alerting}.
 *
 * @param unavailable why there are none to show, in one line ({@code alerts unavailable:
 * ...}), when the alert service did not answer
 * @param summary how many fire and wait, and when they were evaluated
 * @param lines firing first, then pending
 * @param badges by service: the worst severity firing
 */
record AlertsView(@Nullable String unavailable, String summary, List<Line> lines, Map<String, Badge> badges) {

	AlertsView {
		lines = List.copyOf(lines);
		badges = Map.copyOf(badges);
	}

	static AlertsView unavailable(String reason) {
		return new AlertsView("alerts unavailable: " + reason, "", List.of(), Map.of());
	}

	/** The alert badge of a service, or {@code null} when nothing fires for it. */
	public @Nullable Badge badge(String service) {
		return this.badges.get(service);
	}

	/**
	 * One alert of the panel.
	 *
	 * @param resource e.g. {@code CPU}; {@code null} for DOWN, which is about the whole
	 * service
	 * @param sinceText when its condition began, in the chosen zone
	 * @param sinceIso the same, ISO-8601 with its offset (for {@code <time datetime>})
	 * @param sinceAgo how long ago that was
	 */
	record Line(AlertSeverity severity, boolean firing, String service, @Nullable String resource, String reason,
			String sinceText, String sinceIso, String sinceAgo) {

		public String state() {
			return this.firing ? "firing" : "pending";
		}

	}

	/**
	 * A service's alert badge: the worst severity firing for it.
	 *
	 * @param text the badge's words, e.g. {@code RED alert}
	 * @param reasons every alert firing for it, in words (its tooltip)
	 */
	record Badge(AlertSeverity severity, String text, String reasons) {
	}

}
