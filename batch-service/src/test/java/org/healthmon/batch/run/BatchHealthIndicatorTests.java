package org.healthmon.batch.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;

class BatchHealthIndicatorTests {

	private static final long T = 1_795_323_600_000L;

	@TempDir
	Path dir;

	@Test
	void whenTheLastSuccessIsOlderThanThreeIntervalsThenHealthIsDown() throws Exception {
		MutableClock clock = new MutableClock(T);
		BatchRunner runner = runner(clock, new SimpleMeterRegistry());
		BatchHealthIndicator health = new BatchHealthIndicator(this.history, runner, this.properties, clock);

		assertThat(health.health().getStatus()).as("just started").isEqualTo(Status.UP);
		clock.now = T + Duration.ofMinutes(16).toMillis();
		assertThat(health.health().getStatus()).as("no run for 16 min").isEqualTo(Status.DOWN);
		this.history.add(run(BatchRun.Outcome.NOTHING_NEW, clock.now));
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		clock.now += Duration.ofMinutes(14).toMillis();
		this.history.add(run(BatchRun.Outcome.FAILED, clock.now));
		assertThat(health.health().getStatus()).as("failed, but the last success is 14 min old").isEqualTo(Status.UP);
		assertThat(health.health().getDetails()).containsKey("lastError");
		assertThat(health.health().getDetails().get("lateFiles")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("lastRun", 0)
			.hasEntrySatisfying("detection", (d) -> assertThat(d.toString()).startsWith("off: "));
		clock.now += Duration.ofMinutes(2).toMillis();
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void theStalenessGaugesTellAlertingWhatTheHealthCompares() throws Exception {
		MutableClock clock = new MutableClock(T);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		BatchRunner runner = runner(clock, registry);

		assertThat(registry.get("healthmon.batch.stale.after").timeGauge().value(TimeUnit.SECONDS))
			.as("3 intervals of 5 min")
			.isEqualTo(900);
		clock.now = T + Duration.ofMinutes(16).toMillis();
		assertThat(registry.get("healthmon.batch.last.success.age").timeGauge().value(TimeUnit.SECONDS))
			.as("no run since the start")
			.isEqualTo(960);
		assertThat(runner.run(RunMode.AUTO, "test"))
			.hasValueSatisfying((run) -> assertThat(run.outcome()).isEqualTo(BatchRun.Outcome.NOTHING_NEW));
		assertThat(registry.get("healthmon.batch.last.success.age").timeGauge().value(TimeUnit.SECONDS)).isZero();
	}

	private BatchProperties properties;

	private RunHistory history;

	private BatchRunner runner(MutableClock clock, SimpleMeterRegistry registry) throws IOException {
		BatchStore store = new BatchStore(FileSystem.getLocal(new Configuration()).getRaw(),
				new StorageLayout(this.dir.toAbsolutePath().toString()));
		this.history = new RunHistory(store, JsonMapper.builder().build(), 10);
		this.properties = TestRunners.properties("file:///", this.dir.toString(), Duration.ZERO, 0, Map.of());
		return new BatchRunner(store, this.history, new Configuration(), this.properties, registry, clock);
	}

	private static BatchRun run(BatchRun.Outcome outcome, long at) {
		return new BatchRun("id", "test", "none", outcome, at - 10, at, 10, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, null,
				(outcome == BatchRun.Outcome.FAILED) ? "boom" : null);
	}

	private static final class MutableClock extends Clock {

		long now;

		MutableClock(long now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(this.now);
		}

	}

}
