package org.healthmon.alerts.query;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The query service's REST API as its OpenAPI document describes it (operations
 * {@code series} and {@code services}). Times are ISO-8601 in UTC.
 */
@HttpExchange(url = "/api/v1", accept = "application/json")
public interface QueryClient {

	/** Every service's series of {@code [from, to)} at {@code step}. */
	@GetExchange("/series")
	QueryApi.Series series(@RequestParam String from, @RequestParam String to, @RequestParam String step);

	/** The service catalog: when each service was last seen, and the timeout. */
	@GetExchange("/services")
	QueryApi.Services services();

	/**
	 * The client of the query service at {@code url}, over {@code builder} (Boot's, so
	 * that its calls are observed and timed); an error answer throws.
	 */
	static QueryClient create(RestClient.Builder builder, URI url, Duration connectTimeout, Duration readTimeout) {
		HttpClientSettings settings = HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout);
		RestClient client = builder.baseUrl(url.toString())
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
			.build()
			.createClient(QueryClient.class);
	}

}
