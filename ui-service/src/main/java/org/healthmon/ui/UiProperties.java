package org.healthmon.ui;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the web UI, under {@code healthmon.ui}. Environment variables override
 * them the Spring way, e.g. {@code HEALTHMON_UI_QUERYURL}.
 *
 * @param queryUrl base URL of the query service's REST API
 * @param alertsUrl base URL of the alert service's REST API; when it does not answer, the
 * page says so in one line and shows everything else
 * @param connectTimeout how long a call to the query or alert service may take to connect
 * @param readTimeout how long a call to the query or alert service may wait for its
 * answer
 * @param chartPoints about how many points a chart shows per service: the step of the
 * series asked for is the window divided by this, rounded up to a whole step
 * @param staleAfter data older than this (the newest view answering) is flagged as stale
 * @param pageSize rows per page of the results table and of the list of services: the
 * page's weight stays bounded however large the fleet
 * @param hideAfter services not seen for longer than this are left out of the status
 * counts, the attention list and the list of services (their number is shown, and one
 * click shows them); 0 hides none
 */
@ConfigurationProperties("healthmon.ui")
@Validated
public record UiProperties(@DefaultValue("http://localhost:8083") @NotNull URI queryUrl,
		@DefaultValue("http://localhost:8086") @NotNull URI alertsUrl,
		@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout,
		@DefaultValue("120") @Min(10) @Max(2000) int chartPoints, @DefaultValue("2m") @NotNull Duration staleAfter,
		@DefaultValue("50") @Min(5) @Max(1000) int pageSize, @DefaultValue("24h") @NotNull Duration hideAfter) {

}
