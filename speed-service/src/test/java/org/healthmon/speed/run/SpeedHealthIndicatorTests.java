package org.healthmon.speed.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.speed.handoff.HandoffState;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class SpeedHealthIndicatorTests {

	private static final Duration LAG = Duration.ofSeconds(30);

	@Test
	void whenRunsKeepUpThenHealthIsUpWithEachSet() {
		SpeedStatus status = new SpeedStatus(new SimpleMeterRegistry(), 0);
		RealtimeManifest a = new RealtimeManifest("a", Cutoff.NONE, new Cutoff(Map.of("n1", 7L)), 3, "/v/a", 12, 5_000);
		status.succeeded(
				new RunOutcome(new HandoffState(0, Cutoff.NONE, Optional.empty(), Optional.empty(), Map.of("a", a)), 2,
						100, 1),
				10_000, 1_000_000);
		Health health = indicator(status, 20_000).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("sets").doesNotContainKey("waitingForBatch");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> sets = (Map<String, Map<String, Object>>) health.getDetails().get("sets");
		assertThat(sets.get("a")).containsEntry("version", 3L)
			.containsEntry("rows", 12L)
			.containsEntry("role", HandoffState.Role.CURRENT)
			.containsEntry("absorbed", Map.of("n1", 7L));
	}

	@Test
	void whenARunLeftFilesToTheBatchLayerThenHealthSaysItWaitsAndStaysUp() {
		SpeedStatus status = new SpeedStatus(new SimpleMeterRegistry(), 0);
		RealtimeManifest a = new RealtimeManifest("a", Cutoff.NONE, new Cutoff(Map.of("n1", 7L)), 3, "/v/a", 12, 5_000,
				6);
		status.succeeded(
				new RunOutcome(new HandoffState(0, Cutoff.NONE, Optional.empty(), Optional.empty(), Map.of("a", a)), 0,
						0, 0, new RunOutcome.Waiting(1, 2)),
				10_000, 1_000_000);
		Health health = indicator(status, 20_000).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("waitingForBatch")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("lateFiles", 1L)
			.containsEntry("batchOnlyFiles", 2L)
			.containsKey("reason");
		assertThat(indicator(status, 20_000).health(true).getDetails()).containsKey("sets");
	}

	@Test
	void whenRunsFallBehindThenHealthIsDown() {
		SpeedStatus status = new SpeedStatus(new SimpleMeterRegistry(), 0);
		status.failed(new java.io.IOException("namenode gone"), 40_000, 1);
		Health health = indicator(status, 40_000).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("lastFailure", "java.io.IOException: namenode gone");
	}

	private static SpeedHealthIndicator indicator(SpeedStatus status, long nowMs) {
		return new SpeedHealthIndicator(status, LAG, Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC));
	}

}
