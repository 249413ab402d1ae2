package org.healthmon.ui.alerts;

import java.net.URI;

import org.healthmon.ui.query.ServiceHealthIndicator;

import org.springframework.boot.health.contributor.Health;

/**
 * {@code alertService}: UP when the alert service answers with the alerts now (with how
 * many are active and when they were evaluated), DOWN with the error when it does not.
 * Not part of readiness: without the alert service the page still loads and says "alerts
 * unavailable".
 */
public class AlertServiceHealthIndicator extends ServiceHealthIndicator<AlertsApi.Alerts> {

	private final AlertClient client;

	public AlertServiceHealthIndicator(AlertClient client, URI url) {
		super("the alert service", url);
		this.client = client;
	}

	@Override
	protected AlertsApi.Alerts ask() {
		return this.client.alerts(null, null);
	}

	@Override
	protected void describe(AlertsApi.Alerts now, Health.Builder builder) {
		builder.withDetail("active", now.alerts().size());
		if (now.evaluatedAt() != null) {
			builder.withDetail("evaluatedAt", now.evaluatedAt().toString());
		}
	}

}
