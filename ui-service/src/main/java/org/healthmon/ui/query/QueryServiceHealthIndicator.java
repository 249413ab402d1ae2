package org.healthmon.ui.query;

import java.net.URI;

import org.springframework.boot.health.contributor.Health;

/**
 * {@code queryService}: UP when the query service's catalog comes back (with how many
 * services it knows), DOWN with the error when it does not.
 */
public class QueryServiceHealthIndicator extends ServiceHealthIndicator<QueryApi.Services> {

	private final QueryClient client;

	public QueryServiceHealthIndicator(QueryClient client, URI url) {
		super("the query service", url);
		this.client = client;
	}

	@Override
	protected QueryApi.Services ask() {
		return this.client.services(null);
	}

	@Override
	protected void describe(QueryApi.Services catalog, Health.Builder builder) {
		builder.withDetail("services", catalog.services().size());
		if (catalog.updatedAt() != null) {
			builder.withDetail("catalogUpdatedAt", catalog.updatedAt().toString());
		}
	}

}
