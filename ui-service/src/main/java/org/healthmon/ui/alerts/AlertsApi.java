package org.healthmon.ui.alerts;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The alert service's JSON, as its OpenAPI document ({@code alert-service/openapi.json},
 * {@code components.schemas}) describes it: the UI's own copy, so that the two apps share
 * only the document, never classes.
 */
public final class AlertsApi {

	private AlertsApi() {
	}

	/**
	 * An alert active now.
	 *
	 * @param resource {@code cpu}, {@code ram} or {@code disk}; absent for {@code down}
	 * @param severity {@code red}, {@code amber} or {@code down}
	 * @param state {@code pending} (RED's condition holds, not yet for its whole
	 * {@code for}) or {@code firing}
	 * @param since when its condition began to hold
	 * @param firedAt when it fired; absent while pending
	 * @param value the latest per-minute mean, percent; absent for {@code down}
	 * @param prediction {@code amber}: the trend's value at the horizon, percent
	 * @param lastSeen {@code down}: when the last message arrived
	 * @param reason in words, e.g. {@code CPU 93 % for 4 min}
	 */
	public record ActiveAlert(String service, @Nullable String resource, String severity, String state,
			OffsetDateTime since, @Nullable OffsetDateTime firedAt, @Nullable Double value, @Nullable Double prediction,
			@Nullable OffsetDateTime lastSeen, String reason) {

		public boolean firing() {
			return "firing".equals(this.state);
		}

	}

	/**
	 * The alerts active now ({@code GET /api/v1/alerts}).
	 *
	 * @param evaluatedAt when they were evaluated; absent before the first evaluation
	 * @param through the end of the last minute evaluated
	 * @param alerts firing first, then pending; by service
	 */
	public record Alerts(@Nullable OffsetDateTime evaluatedAt, @Nullable OffsetDateTime through,
			List<ActiveAlert> alerts) {

		public Alerts {
			alerts = (alerts != null) ? List.copyOf(alerts) : List.of();
		}

	}

	/**
	 * An alert fired or resolved.
	 *
	 * @param resource {@code cpu}, {@code ram} or {@code disk}; absent for {@code down}
	 * @param severity {@code red}, {@code amber} or {@code down}
	 * @param change {@code firing} or {@code resolved}
	 * @param at when: the end of the minute that decided it
	 * @param since when its condition began to hold
	 * @param value the per-minute mean behind it, percent; absent for {@code down}
	 * @param prediction {@code amber}: the trend's value at the horizon, percent
	 * @param reason in words, e.g. {@code CPU 93 % for 4 min}
	 */
	public record Change(String service, @Nullable String resource, String severity, String change, OffsetDateTime at,
			OffsetDateTime since, @Nullable Double value, @Nullable Double prediction, String reason) {

		public boolean fired() {
			return "firing".equals(this.change);
		}

	}

	/**
	 * Transitions in a window ({@code GET /api/v1/alerts/history}), oldest first.
	 *
	 * @param from the window's start
	 * @param to its end, exclusive
	 */
	public record History(OffsetDateTime from, OffsetDateTime to, List<Change> changes) {

		public History {
			changes = (changes != null) ? List.copyOf(changes) : List.of();
		}

	}

}
