package org.healthmon.speed.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.healthmon.model.RealtimeManifest;
import org.healthmon.speed.handoff.HandoffState;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code speed} health: DOWN when the last successful run is older than the lag
 * threshold; details show each realtime set and the batch view it pairs with, and
 * {@code waitingForBatch} when the last run saw raw files it leaves to the batch layer
 * (docs/architecture.md §4.5): the answers miss them until the next batch run, and the
 * status stays UP.
 */
class SpeedHealthIndicator extends AbstractHealthIndicator {

	private final SpeedStatus status;

	private final Duration lagThreshold;

	private final Clock clock;

	SpeedHealthIndicator(SpeedStatus status, Duration lagThreshold, Clock clock) {
		this.status = status;
		this.lagThreshold = lagThreshold;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		long lagMs = this.status.lagMs(this.clock.millis());
		if (lagMs > this.lagThreshold.toMillis()) {
			builder.down();
		}
		else {
			builder.up();
		}
		builder.withDetail("lagMs", lagMs).withDetail("lagThresholdMs", this.lagThreshold.toMillis());
		if (this.status.lastSuccessAtMs() >= 0) {
			builder.withDetail("lastSuccess", Instant.ofEpochMilli(this.status.lastSuccessAtMs()).toString());
		}
		this.status.lastFailure().ifPresent((failure) -> builder.withDetail("lastFailure", failure));
		this.status.lastOutcome().ifPresent((outcome) -> {
			HandoffState state = outcome.state();
			builder.withDetail("batch",
					Map.of("version", state.batchVersion(), "cutoff", state.batchCutoff().seqByNode()));
			state.activePendingCutoff().ifPresent((cutoff) -> builder.withDetail("pendingCutoff", cutoff.seqByNode()));
			Map<String, Object> sets = new LinkedHashMap<>();
			state.sets().values().forEach((set) -> sets.put(set.set(), describe(set, state)));
			builder.withDetail("sets", sets);
			if (outcome.waiting().total() > 0) {
				builder.withDetail("waitingForBatch", waiting(outcome.waiting()));
			}
		});
	}

	private static Map<String, Object> waiting(RunOutcome.Waiting waiting) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("lateFiles", waiting.lateFiles());
		details.put("batchOnlyFiles", waiting.batchOnlyFiles());
		details.put("reason", "raw files the realtime sets do not absorb: late ones (published below a cutoff a set "
				+ "had passed) and batch-only ones (adopted late files, imports); the next batch run counts them");
		return details;
	}

	private static Map<String, Object> describe(RealtimeManifest set, HandoffState state) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("role", state.roleOf(set));
		details.put("start", set.start().seqByNode());
		details.put("absorbed", set.absorbed().seqByNode());
		details.put("version", set.version());
		details.put("rows", set.rows());
		details.put("files", set.files());
		details.put("lastUpdate", Instant.ofEpochMilli(set.updatedAtMs()).toString());
		details.put("path", set.path());
		return details;
	}

}
