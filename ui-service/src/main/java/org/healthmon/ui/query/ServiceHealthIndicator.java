package org.healthmon.ui.query;

import java.net.URI;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.web.client.RestClientException;

/**
 * Whether one of healthmon's services answers the UI: UP with what its answer says, DOWN
 * with the error when it does not answer or refuses; always with its URL. Part of the
 * overall health, not of readiness: without it the page still loads and says what is
 * wrong.
 *
 * @param <T> what the service answers
 */
public abstract class ServiceHealthIndicator<T> extends AbstractHealthIndicator {

	private final URI url;

	/**
	 * @param service the service, e.g. {@code the query service}
	 */
	protected ServiceHealthIndicator(String service, URI url) {
		super(service + " does not answer");
		this.url = url;
	}

	/** Asks the service something cheap. */
	protected abstract T ask();

	/** Adds the details of its answer. */
	protected abstract void describe(T answer, Health.Builder builder);

	@Override
	protected final void doHealthCheck(Health.Builder builder) {
		builder.withDetail("url", this.url.toString());
		T answer;
		try {
			answer = ask();
		}
		catch (RestClientException | ServiceRejectedException ex) {
			// expected while the service is away: a detail, not a logged stack trace
			builder.down().withDetail("error", ex.getMessage());
			return;
		}
		builder.up();
		describe(answer, builder);
	}

}
