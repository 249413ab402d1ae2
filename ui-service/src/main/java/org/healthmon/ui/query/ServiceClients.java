package org.healthmon.ui.query;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.healthmon.ui.UiProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * How the UI builds the typed clients of healthmon's services (the query service, the
 * alert service): an HTTP interface over Boot's {@link RestClient.Builder} (so its calls
 * are observed and timed), with the timeouts from {@link UiProperties}, and every error
 * answer read as the RFC 9457 problem detail both services write.
 */
public final class ServiceClients {

	/** The most of a non-JSON error body kept for the message. */
	private static final int MAX_TEXT = 500;

	private ServiceClients() {
	}

	/**
	 * A client of the HTTP interface {@code type} at {@code baseUrl}.
	 * @param rejected the exception an error answer (4xx, 5xx) becomes, from its problem
	 * detail
	 */
	public static <T> T create(Class<T> type, RestClient.Builder builder, URI baseUrl, UiProperties properties,
			JsonMapper json, Function<QueryApi.Problem, ? extends RuntimeException> rejected) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		RestClient client = builder.baseUrl(baseUrl.toString())
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw rejected.apply(problem(response, json));
			})
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(type);
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
