package org.healthmon.ui.query;

import org.healthmon.ui.UiProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The typed client of the query service ({@link ServiceClients}): the base URL and
 * timeouts from {@link UiProperties}, and every error answer turned into a
 * {@link QueryRejectedException} that carries the service's problem detail.
 */
@Configuration(proxyBeanMethods = false)
class QueryClientConfiguration {

	@Bean
	QueryClient queryClient(RestClient.Builder builder, UiProperties properties, JsonMapper json) {
		return ServiceClients.create(QueryClient.class, builder, properties.queryUrl(), properties, json,
				QueryRejectedException::new);
	}

	@Bean
	QueryServiceHealthIndicator queryServiceHealthIndicator(QueryClient client, UiProperties properties) {
		return new QueryServiceHealthIndicator(client, properties.queryUrl());
	}

}
