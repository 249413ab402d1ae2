package org.healthmon.batch.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.healthmon.batch.BatchProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code batch}: DOWN when the last successful run (published, or found nothing new) is
 * older than {@code stale-after-intervals} × {@code interval}; right after start-up that
 * age counts from the start. Late raw files found (docs/architecture.md §4.5) show in the
 * details, and leave the status as it is: they are counted.
 */
class BatchHealthIndicator implements HealthIndicator {

	private final RunHistory history;

	private final BatchRunner runner;

	private final Duration staleAfter;

	private final Clock clock;

	private final long startedAtMs;

	BatchHealthIndicator(RunHistory history, BatchRunner runner, BatchProperties properties, Clock clock) {
		this.history = history;
		this.runner = runner;
		this.staleAfter = properties.interval().multipliedBy(properties.staleAfterIntervals());
		this.clock = clock;
		this.startedAtMs = clock.millis();
	}

	@Override
	public Health health() {
		long now = this.clock.millis();
		Optional<BatchRun> lastSuccess = this.history.lastSuccess();
		// Before the first run of this process, the age counts from its start
		long since = Math.max(lastSuccess.map(BatchRun::endedAtMs).orElse(this.startedAtMs), this.startedAtMs);
		Duration age = Duration.ofMillis(now - since);
		Health.Builder health = (age.compareTo(this.staleAfter) > 0) ? Health.down() : Health.up();
		health.withDetail("running", this.runner.isRunning()).withDetail("staleAfter", this.staleAfter.toString());
		lastSuccess.ifPresent((run) -> health.withDetail("lastSuccessAt", Instant.ofEpochMilli(run.endedAtMs()))
			.withDetail("lastSuccessOutcome", run.outcome())
			.withDetail("version", run.version()));
		health.withDetail("lateFiles", this.runner.lateFiles());
		List<BatchRun> runs = this.history.runs();
		if (!runs.isEmpty() && !runs.get(0).outcome().isSuccess()) {
			health.withDetail("lastError", runs.get(0).error());
		}
		return health.build();
	}

}
