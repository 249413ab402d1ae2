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
 * @param more how many more alerts there are than {@code lines} shows
 */
record AlertsView(@Nullable String unavailable, String summary, List<Line> lines, Map<String, Badge> badges, int more) {

	AlertsView {
		lines = List.copyOf(lines);
		badges = Map.copyOf(badges);
	}

	static AlertsView unavailable(String reason) {
		return new AlertsView("alerts unavailable: " + reason, "", List.of(), Map.of(), 0);
	}

	/** These alerts with at most {@code max} lines shown (firing first); badges stay. */
	AlertsView limited(int max) {
		if (this.lines.size() <= max) {
			return this;
		}
		return new AlertsView(this.unavailable, this.summary, this.lines.subList(0, max), this.badges,
				this.more + this.lines.size() - max);
	}

	/** The alerts of one service, worded as here; the summary counts them. */
	AlertsView of(String service) {
		if (this.unavailable != null) {
			return this;
		}
		List<Line> own = this.lines.stream().filter((line) -> line.service().equals(service)).toList();
		long firing = own.stream().filter(Line::firing).count();
		String summary = own.isEmpty() ? "No alert is firing or pending for " + service + "."
				: firing + " firing, " + (own.size() - firing) + " pending for " + service + ".";
		Badge badge = this.badges.get(service);
		return new AlertsView(null, summary, own, (badge != null) ? Map.of(service, badge) : Map.of(), 0);
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
