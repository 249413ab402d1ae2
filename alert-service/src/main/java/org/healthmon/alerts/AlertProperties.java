package org.healthmon.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.healthmon.alerts.rules.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the alert service, under {@code healthmon.alerts}. Environment
 * variables override them the Spring way, e.g. {@code HEALTHMON_ALERTS_CPU_THRESHOLD}.
 * The rules themselves are checked when the {@link org.healthmon.alerts.rules.RuleBook}
 * is built, at start-up, with a message naming the property.
 *
 * @param queryUrl base URL of the query service's REST API
 * @param connectTimeout how long a call to the query service may take to connect
 * @param readTimeout how long a call to the query service may wait for its answer
 * @param interval pause between two evaluations
 * @param settle how long after a minute ends it is first evaluated, for its messages to
 * reach the views
 * @param lateWindow how far back each evaluation looks again, so that late data which
 * changes a past minute changes the alerts exactly; transitions older than this are final
 * @param maxCatchUp the most minutes one evaluation walks after a long stop; older
 * minutes are skipped (alerts keep their state)
 * @param stateDir where the alerts' state and history are kept across restarts
 * @param historyRetention how long transitions are kept
 * @param cpu the CPU rule
 * @param ram the RAM rule
 * @param disk the disk rule
 * @param amber how AMBER predicts
 * @param overrides per-service changes of the rules, by name pattern, applied in order
 * @param alertmanager where notifications go
 */
@ConfigurationProperties("healthmon.alerts")
@Validated
public record AlertProperties(@DefaultValue("http://localhost:8083") @NotNull URI queryUrl,
		@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout,
		@DefaultValue("15s") @NotNull Duration interval, @DefaultValue("10s") @NotNull Duration settle,
		@DefaultValue("10m") @NotNull Duration lateWindow, @DefaultValue("1h") @NotNull Duration maxCatchUp,
		@DefaultValue("var/alerts") @NotNull Path stateDir, @DefaultValue("7d") @NotNull Duration historyRetention,
		@DefaultValue @Valid Rule cpu, @DefaultValue @Valid Rule ram, @DefaultValue @Valid Rule disk,
		@DefaultValue @Valid Amber amber, @DefaultValue List<@Valid Override> overrides,
		@DefaultValue @Valid Alertmanager alertmanager) {

	/**
	 * The rule of one resource.
	 *
	 * @param enabled whether it is watched
	 * @param threshold percent
	 * @param forDuration ({@code for}) how long every minute's mean must stay above the
	 * threshold before RED fires; whole minutes
	 * @param clearMargin percentage points below the threshold that count as clear
	 * @param clearFor how long every minute must stay clear before RED or AMBER resolves;
	 * whole minutes
	 */
	public record Rule(@DefaultValue("true") boolean enabled, @DefaultValue("80") double threshold,
			@Name("for") @DefaultValue("2m") @NotNull Duration forDuration, @DefaultValue("5") double clearMargin,
			@DefaultValue("2m") @NotNull Duration clearFor) {
	}

	/**
	 * AMBER's prediction: the least-squares line over the lookback's per-minute means.
	 *
	 * @param lookback the minutes the line is fitted over; whole minutes
	 * @param horizon how far ahead it must reach the threshold; whole minutes
	 * @param minPoints the fewest minutes with data in the lookback for a prediction
	 */
	public record Amber(@DefaultValue("30m") @NotNull Duration lookback, @DefaultValue("15m") @NotNull Duration horizon,
			@DefaultValue("5") int minPoints) {
	}

	/**
	 * A change of the rules for the services whose name matches {@code services}. Only
	 * the fields given change.
	 *
	 * @param services a name pattern: {@code *} any characters, {@code ?} one
	 * @param resource the resource it changes; all when absent
	 * @param enabled whether the resource is watched
	 * @param threshold percent
	 * @param forDuration ({@code for}) whole minutes
	 * @param clearMargin percentage points
	 * @param clearFor whole minutes
	 */
	public record Override(@NotBlank String services, @Nullable Resource resource, @Nullable Boolean enabled,
			@Nullable Double threshold, @Name("for") @Nullable Duration forDuration, @Nullable Double clearMargin,
			@Nullable Duration clearFor) {
	}

	/**
	 * Alertmanager, which groups, silences, routes and de-duplicates.
	 *
	 * @param url its base URL, e.g. {@code http://localhost:9093}; none sends nothing
	 * @param resend how often a firing alert, and a resolved one for
	 * {@code keepResolved}, is sent again
	 * @param keepResolved how long a resolved alert is still sent
	 * @param timeout how long one delivery may take
	 * @param attempts deliveries tried before a batch is given up (the next cycle sends
	 * the current state again)
	 */
	public record Alertmanager(@Nullable URI url, @DefaultValue("1m") @NotNull Duration resend,
			@DefaultValue("15m") @NotNull Duration keepResolved, @DefaultValue("5s") @NotNull Duration timeout,
			@DefaultValue("3") @Min(1) @Max(10) int attempts) {
	}

}
