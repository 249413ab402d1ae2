package org.healthmon.ui.alerts;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The alert service's REST API as its OpenAPI document describes it (operations
 * {@code alerts}, {@code history}). Times are ISO-8601; the UI sends them in UTC
 * ({@code ...Z}) so that no '+' has to travel in a URL.
 *
 * @see AlertClientConfiguration
 */
@HttpExchange(url = "/api/v1/alerts", accept = "application/json")
public interface AlertClient {

	/**
	 * The alerts firing and pending now, firing first.
	 * @param severity {@code red}, {@code amber} or {@code down}
	 * @throws AlertsRejectedException when the service refuses a parameter or fails
	 */
	@GetExchange
	AlertsApi.Alerts alerts(@RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String severity);

	/**
	 * The alerts fired and resolved in {@code [from, to)}, oldest first; at most 31 days.
	 * @throws AlertsRejectedException when the service refuses the window or fails
	 */
	@GetExchange("/history")
	AlertsApi.History history(@RequestParam String from, @RequestParam String to,
			@RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String severity);

}
