package org.healthmon.ui.query;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The query service's REST API as its OpenAPI document describes it (operations
 * {@code analytics}, {@code series}, {@code services}). Times are ISO-8601; the UI sends
 * them in UTC ({@code ...Z}) so that no '+' has to travel in a URL.
 *
 * @see QueryClientConfiguration
 */
@HttpExchange(url = "/api/v1", accept = "application/json")
public interface QueryClient {

	/**
	 * Per-service analytics of {@code [from, to)}.
	 * @throws QueryRejectedException when the service refuses the window (400 with a
	 * problem detail) or fails
	 */
	@GetExchange("/analytics")
	QueryApi.Analytics analytics(@RequestParam String from, @RequestParam String to,
			@RequestParam(required = false) @Nullable String service);

	/**
	 * Per-service series of {@code [from, to)} at {@code step} (e.g. {@code 5m}).
	 * @throws QueryRejectedException when the service refuses the window or step
	 */
	@GetExchange("/series")
	QueryApi.Series series(@RequestParam String from, @RequestParam String to, @RequestParam String step,
			@RequestParam(required = false) @Nullable String service);

	/** The service catalog: each service's status and when it was last seen. */
	@GetExchange("/services")
	QueryApi.Services services(@RequestParam(required = false) @Nullable String service);

}
