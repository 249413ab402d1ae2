package org.healthmon.alerts;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and description; the operations document themselves. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI healthmonAlertsOpenApi() {
		return new OpenAPI().info(new Info().title("healthmon alerts API").version("v1").description("""
				Alerts on the health of microservices: RED when a resource's per-minute mean stays above \
				its threshold, AMBER when its trend reaches the threshold soon, DOWN when a service goes \
				silent. Evaluated over the query service's exact per-minute series. Times are ISO-8601; \
				errors are RFC 9457 problem details.""").license(new License().name("Apache-2.0")));
	}

}
