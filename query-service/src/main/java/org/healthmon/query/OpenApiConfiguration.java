package org.healthmon.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and description; the operations document themselves. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI healthmonOpenApi() {
		return new OpenAPI().info(new Info().title("healthmon query API")
			.version("v1")
			.description("""
					Health of microservices over time windows, from the batch and realtime views of the \
					healthmon lambda architecture, merged so that every message counts exactly once. Times \
					are ISO-8601 with an offset (UTC when none is given); errors are RFC 9457 problem details.""")
			.license(new License().name("Apache-2.0")));
	}

}
