package org.healthmon.ui.alerts;

import org.healthmon.ui.UiProperties;
import org.healthmon.ui.query.ServiceClients;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The typed client of the alert service, built like the query service's
 * ({@link ServiceClients}) at {@code healthmon.ui.alerts-url}, every error answer turned
 * into an {@link AlertsRejectedException}; and the {@code alertService} health indicator.
 */
@Configuration(proxyBeanMethods = false)
class AlertClientConfiguration {

	@Bean
	AlertClient alertClient(RestClient.Builder builder, UiProperties properties, JsonMapper json) {
		return ServiceClients.create(AlertClient.class, builder, properties.alertsUrl(), properties, json,
				AlertsRejectedException::new);
	}

	@Bean
	AlertServiceHealthIndicator alertServiceHealthIndicator(AlertClient client, UiProperties properties) {
		return new AlertServiceHealthIndicator(client, properties.alertsUrl());
	}

}
