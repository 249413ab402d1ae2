package org.healthmon.speed.run;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How the runs go, for health and metrics: when the last one succeeded, what failed, and
 * the handoff state it left.
 */
public class SpeedStatus {

	private final long startedAtMs;

	private final Timer succeeded;

	private final Timer failed;

	private final Counter files;

	private final Counter rows;

	private final Counter badLines;

	private volatile Optional<RunOutcome> lastOutcome = Optional.empty();

	private volatile long lastSuccessAtMs = -1;

	private volatile long lastRunAtMs = -1;

	private volatile String lastFailure;

	public SpeedStatus(MeterRegistry registry, long startedAtMs) {
		this.startedAtMs = startedAtMs;
		this.succeeded = run(registry, "success");
		this.failed = run(registry, "failure");
		this.files = Counter.builder("healthmon.speed.files")
			.description("Raw files absorbed (each read once per run, whatever the sets that need it)")
			.register(registry);
		this.rows = Counter.builder("healthmon.speed.rows").description("Raw lines read").register(registry);
		this.badLines = Counter.builder("healthmon.speed.bad.lines")
			.description("Raw lines that could not be read (counted, skipped)")
			.register(registry);
		Gauge
			.builder("healthmon.speed.waiting.files", this,
					(s) -> s.lastOutcome.map((o) -> o.waiting().total()).orElse(0L))
			.description("Raw files the last run saw but left to the batch layer: late files below a set's "
					+ "absorbed cutoff and batch-only files (adopted late files, imports)")
			.register(registry);
		Gauge.builder("healthmon.speed.sets", this, (s) -> s.lastOutcome.map((o) -> o.state().sets().size()).orElse(0))
			.description("Live realtime view sets")
			.register(registry);
	}

	private static Timer run(MeterRegistry registry, String outcome) {
		return Timer.builder("healthmon.speed.run")
			.description("Speed runs: read manifests, absorb new raw files, publish versions")
			.tag("outcome", outcome)
			.register(registry);
	}

	void succeeded(RunOutcome outcome, long nowMs, long nanos) {
		this.succeeded.record(nanos, TimeUnit.NANOSECONDS);
		this.files.increment(outcome.files());
		this.rows.increment(outcome.lines());
		this.badLines.increment(outcome.badLines());
		this.lastOutcome = Optional.of(outcome);
		this.lastRunAtMs = nowMs;
		this.lastSuccessAtMs = nowMs;
		this.lastFailure = null;
	}

	void failed(Exception ex, long nowMs, long nanos) {
		this.failed.record(nanos, TimeUnit.NANOSECONDS);
		this.lastRunAtMs = nowMs;
		this.lastFailure = ex.toString();
	}

	public Optional<RunOutcome> lastOutcome() {
		return this.lastOutcome;
	}

	/**
	 * How long since the last successful run (since the start when none succeeded yet).
	 */
	public long lagMs(long nowMs) {
		return nowMs - ((this.lastSuccessAtMs >= 0) ? this.lastSuccessAtMs : this.startedAtMs);
	}

	public long lastSuccessAtMs() {
		return this.lastSuccessAtMs;
	}

	public long lastRunAtMs() {
		return this.lastRunAtMs;
	}

	public Optional<String> lastFailure() {
		return Optional.ofNullable(this.lastFailure);
	}

}
