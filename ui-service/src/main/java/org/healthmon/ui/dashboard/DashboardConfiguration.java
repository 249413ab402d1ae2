package org.healthmon.ui.dashboard;

import java.time.Clock;

import org.healthmon.ui.UiProperties;
import org.healthmon.ui.alerts.AlertClient;
import org.healthmon.ui.query.QueryClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The page's collaborators: the clock windows are resolved against, the dashboard, and
 * the alerts.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Dashboard dashboard(QueryClient client, UiProperties properties, Clock clock, JsonMapper json) {
		return new Dashboard(client, properties, clock, json);
	}

	@Bean
	Alerting alerting(AlertClient client, UiProperties properties) {
		return new Alerting(client, properties.alertsUrl());
	}

}
