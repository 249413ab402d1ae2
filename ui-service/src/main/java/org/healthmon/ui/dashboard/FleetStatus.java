package org.healthmon.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.healthmon.ui.UiProperties;
import org.healthmon.ui.query.QueryApi;

/**
 * The fleet at a glance, from the service catalog and the alerts now: how many services
 * are UP, DOWN and alerting, which need attention (alerting first, then DOWN), and which
 * are long gone ({@code healthmon.ui.hide-after}), left out of both.
 */
final class FleetStatus {

	private final Duration hideAfter;

	private final int pageSize;

	FleetStatus(UiProperties properties) {
		this.hideAfter = properties.hideAfter();
		this.pageSize = properties.pageSize();
	}

	DashboardView.StatusBoard status(QueryApi.Services catalog, Texts texts, AlertsView alerts) {
		List<DashboardView.Badge> badges = badges(catalog, texts);
		int up = (int) badges.stream().filter(DashboardView.Badge::up).count();
		int hidden = (int) badges.stream().filter((b) -> !b.up() && b.stale()).count();
		int down = badges.size() - up - hidden;
		List<DashboardView.Badge> attention = badges.stream()
			.filter((b) -> attention(b, alerts) < NO_ATTENTION)
			.sorted(Comparator.comparingInt((DashboardView.Badge b) -> attention(b, alerts)))
			.toList();
		int alerting = (int) badges.stream().filter((b) -> !b.stale() && alerts.badge(b.service()) != null).count();
		String hideAfter = Texts.length(this.hideAfter);
		String summary;
		if (badges.isEmpty()) {
			summary = "No service has reported yet.";
		}
		else {
			String updated = (catalog.updatedAt() != null) ? "; catalog updated " + texts.time(catalog.updatedAt())
					: "";
			summary = up + " of " + (badges.size() - hidden) + " services UP (DOWN after "
					+ Texts.length(Duration.ofSeconds(catalog.downAfterSeconds())) + " without a message)" + updated
					+ ".";
		}
		int shown = Math.min(attention.size(), this.pageSize);
		return new DashboardView.StatusBoard(up, down, alerting, hidden, hideAfter, summary,
				attention.subList(0, shown), attention.size() - shown);
	}

	/** Needs no attention: UP and not alerting, or gone for longer than hide-after. */
	private static final int NO_ATTENTION = 2;

	/**
	 * How much a service needs attention, most first: 0 alerting, 1 DOWN,
	 * {@link #NO_ATTENTION} when neither or when it is long gone (its DOWN is no news).
	 */
	static int attention(DashboardView.Badge badge, AlertsView alerts) {
		if (badge.stale()) {
			return NO_ATTENTION;
		}
		if (alerts.badge(badge.service()) != null) {
			return 0;
		}
		return badge.up() ? NO_ATTENTION : 1;
	}

	List<DashboardView.Badge> badges(QueryApi.Services catalog, Texts texts) {
		return catalog.services()
			.stream()
			.sorted(Comparator.comparing(QueryApi.ServiceStatus::service))
			.map((s) -> badge(s, texts))
			.toList();
	}

	DashboardView.Badge badge(QueryApi.ServiceStatus s, Texts texts) {
		Instant lastSeen = s.lastSeen().toInstant();
		boolean stale = !this.hideAfter.isZero() && lastSeen.isBefore(texts.now().minus(this.hideAfter));
		return new DashboardView.Badge(s.service(), s.up(), texts.time(s.firstSeen()),
				texts.iso(s.firstSeen().toInstant()), texts.time(s.lastSeen()), texts.iso(lastSeen),
				texts.ago(lastSeen), Texts.count(s.messages()), s.lost(), s.duplicates(), stale);
	}

}
