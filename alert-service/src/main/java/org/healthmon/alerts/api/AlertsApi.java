package org.healthmon.alerts.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;
import org.healthmon.alerts.eval.Alert;
import org.healthmon.alerts.eval.AlertKey;
import org.healthmon.alerts.eval.Transition;
import org.jspecify.annotations.Nullable;

/** The JSON of the alerts API, as its OpenAPI document describes it. */
public final class AlertsApi {

	private AlertsApi() {
	}

	@Schema(description = "An alert active now.")
	public record ActiveAlert(@Schema(example = "checkout") String service,
			@Schema(description = "cpu, ram or disk; null for down", example = "cpu") @Nullable String resource,
			@Schema(description = "red, amber or down", example = "red") String severity,
			@Schema(description = "pending (RED's condition holds, not yet for its whole 'for') or firing",
					example = "firing") String state,
			@Schema(description = "when its condition began to hold") OffsetDateTime since,
			@Schema(description = "when it fired; null while pending") @Nullable OffsetDateTime firedAt,
			@Schema(description = "the latest per-minute mean, percent; null for down") @Nullable Double value,
			@Schema(description = "amber: the trend's value at the horizon, percent") @Nullable Double prediction,
			@Schema(description = "down: when the last message arrived") @Nullable OffsetDateTime lastSeen,
			@Schema(example = "CPU 93 % for 4 min") String reason) {

		static ActiveAlert of(Alert alert) {
			AlertKey key = alert.key();
			boolean down = key.resource() == null;
			return new ActiveAlert(key.service(), down ? null : key.resource().label(), key.severity().label(),
					alert.firing() ? "firing" : "pending", utc(alert.since()),
					(alert.firedAt() != 0) ? utc(alert.firedAt()) : null, down ? null : number(alert.value()),
					number(alert.prediction()), down ? utc((long) alert.value()) : null, alert.reason());
		}

	}

	@Schema(description = "The alerts active now (GET /api/v1/alerts).")
	public record Alerts(@Schema(
			description = "when they were evaluated; null before the first evaluation") @Nullable OffsetDateTime evaluatedAt,
			@Schema(description = "the end of the last minute evaluated") @Nullable OffsetDateTime through,
			@Schema(description = "firing first, then pending; by service") List<ActiveAlert> alerts) {
	}

	@Schema(description = "An alert fired or resolved.")
	public record Change(@Schema(example = "checkout") String service,
			@Schema(description = "cpu, ram or disk; null for down", example = "cpu") @Nullable String resource,
			@Schema(description = "red, amber or down", example = "red") String severity,
			@Schema(description = "firing or resolved", example = "firing") String change,
			@Schema(description = "when: the end of the minute that decided it") OffsetDateTime at,
			@Schema(description = "when its condition began to hold") OffsetDateTime since,
			@Schema(description = "the per-minute mean behind it, percent; null for down") @Nullable Double value,
			@Schema(description = "amber: the trend's value at the horizon, percent") @Nullable Double prediction,
			@Schema(example = "CPU 93 % for 4 min") String reason) {

		static Change of(Transition transition) {
			AlertKey key = transition.key();
			boolean down = key.resource() == null;
			return new Change(key.service(), down ? null : key.resource().label(), key.severity().label(),
					transition.change().name().toLowerCase(Locale.ROOT), utc(transition.at()), utc(transition.since()),
					down ? null : number(transition.value()), number(transition.prediction()), transition.reason());
		}

	}

	@Schema(description = "Transitions in a window (GET /api/v1/alerts/history), oldest first. Those of the last "
			+ "minutes (healthmon.alerts.late-window) may still change when late messages arrive.")
	public record History(OffsetDateTime from, OffsetDateTime to, List<Change> changes) {
	}

	static OffsetDateTime utc(long epochMs) {
		return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Double number(double value) {
		return Double.isNaN(value) ? null : Math.round(value * 100) / 100.0;
	}

}
