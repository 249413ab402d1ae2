package org.healthmon.alerts;

import java.time.Duration;
import java.time.Instant;

import org.healthmon.alerts.eval.Board;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code alertEvaluation}: UP while evaluations succeed; DOWN with the error when the
 * last one failed (the query service unreachable, the state not writable), or when none
 * has succeeded for four intervals.
 */
final class EvaluationHealthIndicator implements HealthIndicator {

	private final Duration interval;

	private final Instant started = Instant.now();

	private volatile Board last;

	private volatile Instant lastSuccess;

	private volatile Exception error;

	EvaluationHealthIndicator(Duration interval) {
		this.interval = interval;
	}

	void succeeded(Board board) {
		this.last = board;
		this.lastSuccess = Instant.now();
		this.error = null;
	}

	void failed(Exception ex) {
		this.error = ex;
	}

	@Override
	public Health health() {
		Instant since = (this.lastSuccess != null) ? this.lastSuccess : this.started;
		boolean late = Duration.between(since, Instant.now()).compareTo(this.interval.multipliedBy(4)) > 0;
		Health.Builder health = (this.error == null && !late) ? Health.up() : Health.down();
		if (this.lastSuccess != null) {
			health.withDetail("lastEvaluation", this.lastSuccess.toString())
				.withDetail("through", Instant.ofEpochMilli(this.last.through()).toString())
				.withDetail("active", this.last.alerts().size());
		}
		if (this.error != null) {
			health.withDetail("error", this.error.toString());
		}
		else if (late) {
			health.withDetail("error", "no evaluation succeeded since " + since);
		}
		return health.build();
	}

}
