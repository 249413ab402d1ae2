package org.healthmon.ui.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.healthmon.ui.UiProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The typed client of the query service: an HTTP interface over Boot's
 * {@link RestClient.Builder} (so its calls are observed and timed), with the base URL and
 * timeouts from {@link UiProperties}, and every error answer turned into a
 * {@link QueryRejectedException} that carries the service's problem detail.
 */
@Configuration(proxyBeanMethods = false)
class QueryClientConfiguration {

	/** The most of a non-JSON error body kept for the message. */
	private static final int MAX_TEXT = 500;

	@Bean
	QueryClient queryClient(RestClient.Builder builder, UiProperties properties, JsonMapper json) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		RestClient client = builder.baseUrl(properties.queryUrl().toString())
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw new QueryRejectedException(problem(response, json));
			})
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
			.build()
			.createClient(QueryClient.class);
	}

	@Bean
	QueryServiceHealthIndicator queryServiceHealthIndicator(QueryClient client, UiProperties properties) {
		return new QueryServiceHealthIndicator(client, properties.queryUrl());
	}

	/**
	 * The problem detail of an error answer; an answer without one (a proxy's error page)
	 * becomes a problem with its status line and the start of its text.
	 */
	static QueryApi.Problem problem(ClientHttpResponse response, JsonMapper json) throws IOException {
		int status = response.getStatusCode().value();
		byte[] body = response.getBody().readAllBytes();
		MediaType type = response.getHeaders().getContentType();
		if (type != null && (type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				|| type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
			try {
				QueryApi.Problem problem = json.readValue(body, QueryApi.Problem.class);
				return new QueryApi.Problem(problem.title(), status, problem.detail(), problem.parameter(),
						problem.value());
			}
			catch (JacksonException ex) {
				// not a problem detail after all: fall through and report the text
			}
		}
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.length() > MAX_TEXT) {
			text = text.substring(0, MAX_TEXT) + "…";
		}
		return new QueryApi.Problem(response.getStatusText(), status, text.isEmpty() ? null : text, null, null);
	}

}
