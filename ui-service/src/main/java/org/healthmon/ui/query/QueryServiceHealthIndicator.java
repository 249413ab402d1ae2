package org.healthmon.ui.query;

import java.net.URI;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.web.client.RestClientException;

/**
 * Whether the query service answers: UP when its service catalog comes back, DOWN (with
 * the error) when it does not. Part of the overall health, not of readiness: without the
 * query service the page still loads and says what is wrong.
 */
public class QueryServiceHealthIndicator extends AbstractHealthIndicator {

	private final QueryClient client;

	private final URI url;

	public QueryServiceHealthIndicator(QueryClient client, URI url) {
		super("the query service does not answer");
		this.client = client;
		this.url = url;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("url", this.url.toString());
		QueryApi.Services catalog;
		try {
			catalog = this.client.services(null);
		}
		catch (RestClientException | QueryRejectedException ex) {
			// expected while the query service is away: a detail, not a logged stack
			// trace
			builder.down().withDetail("error", ex.getMessage());
			return;
		}
		builder.up().withDetail("services", catalog.services().size());
		if (catalog.updatedAt() != null) {
			builder.withDetail("catalogUpdatedAt", catalog.updatedAt().toString());
		}
	}

}
