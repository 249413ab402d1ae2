package org.healthmon.batch.run;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.store.RawSnapshots;
import org.healthmon.batch.upkeep.Upkeep;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.PendingBatch;
import org.healthmon.model.StorageLayout;

/**
 * One batch run at a time, following the lambda handoff (docs/architecture.md §7): plan
 * the run ({@link RunPlanner}: the exact cutoff over the partitions that can hold new
 * files), publish it as pending, build the version's day segments in a hidden directory
 * ({@link VersionBuilder}), rename it into place, record what the previous version alone
 * names, publish the manifest (keeping the previous one), remove the pending marker; then
 * {@link Upkeep}. A failure at any step leaves the published view as it was; the next run
 * starts over.
 */
public class BatchRunner {

	private static final Log log = LogFactory.getLog(BatchRunner.class);

	private final BatchStore store;

	private final RunHistory history;

	private final RawSnapshots snapshots;

	private final LateFiles lateFiles;

	private final RunPlanner planner;

	private final VersionBuilder builder;

	private final Upkeep upkeep;

	private final MeterRegistry registry;

	private final Clock clock;

	private final ReentrantLock running = new ReentrantLock();

	private final long startedAtMs;

	private final long staleAfterMs;

	private volatile long lastSuccessAtMs = -1;

	public BatchRunner(BatchStore store, RunHistory history, Configuration jobConf, BatchProperties properties,
			MeterRegistry registry, Clock clock) {
		this.store = store;
		this.history = history;
		this.snapshots = new RawSnapshots(store, properties.lateFiles().enabled());
		this.lateFiles = new LateFiles(store, this.snapshots, registry, clock);
		this.planner = new RunPlanner(store, properties, this.snapshots, this.lateFiles);
		this.builder = new VersionBuilder(store, jobConf, properties);
		this.upkeep = new Upkeep(store, properties, this.snapshots, clock);
		this.registry = registry;
		this.clock = clock;
		this.startedAtMs = clock.millis();
		this.staleAfterMs = properties.interval().multipliedBy(properties.staleAfterIntervals()).toMillis();
		// What the batch health compares, for alerting on stale views
		TimeGauge
			.builder("healthmon.batch.last.success.age", this, TimeUnit.MILLISECONDS,
					BatchRunner::millisSinceLastSuccess)
			.description("Time since the last successful run (published or nothing new) of this process ended, "
					+ "or since its start before the first one")
			.register(registry);
		TimeGauge.builder("healthmon.batch.stale.after", this, TimeUnit.MILLISECONDS, (runner) -> runner.staleAfterMs)
			.description("stale-after-intervals x interval: the batch health is DOWN once the last success is older")
			.register(registry);
	}

	/** The late files found and adopted, and whether they can be, for the health. */
	Map<String, Object> lateFiles() {
		return this.lateFiles.details();
	}

	public boolean isRunning() {
		return this.running.isLocked();
	}

	/**
	 * Runs now unless a run is in progress.
	 * @return the run, or empty when skipped because another run is in progress
	 */
	public Optional<BatchRun> run(RunMode mode, String trigger) {
		if (!this.running.tryLock()) {
			log.info("Batch run (" + trigger + ", " + mode + ") skipped: a run is in progress");
			this.registry.counter("healthmon.batch.runs.skipped", "trigger", trigger).increment();
			return Optional.empty();
		}
		try {
			BatchRun run = attempt(mode, trigger);
			this.history.add(run);
			record(run);
			long upkeepStart = System.nanoTime();
			this.upkeep.run();
			Timer.builder("healthmon.batch.upkeep")
				.description("Upkeep after each run: old version files, raw compaction, retention")
				.register(this.registry)
				.record(System.nanoTime() - upkeepStart, TimeUnit.NANOSECONDS);
			return Optional.of(run);
		}
		finally {
			this.running.unlock();
		}
	}

	private BatchRun attempt(RunMode mode, String trigger) {
		String id = UUID.randomUUID().toString();
		long startedAt = this.clock.millis();
		Optional<RunPlan> plan = Optional.empty();
		Path tmp = null;
		try {
			plan = this.planner.plan(mode, id);
			if (plan.isEmpty()) {
				return nothingNew(id, trigger, startedAt);
			}
			tmp = new Path(this.store.layout().batchTmpDir(), "v" + plan.get().version() + "-" + id);
			return execute(id, trigger, startedAt, plan.get(), tmp);
		}
		catch (IOException | InterruptedException | IllegalStateException ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.error("Batch run " + id + " failed; the published view is unchanged, the next run retries", ex);
			cleanUpFailed(id, plan, tmp);
			return BatchRun.failed(id, trigger, plan.map((p) -> p.kind().label()).orElse("none"), startedAt,
					this.clock.millis(), plan.map(RunPlan::version).orElse(0L), ex.toString());
		}
	}

	private BatchRun nothingNew(String id, String trigger, long startedAt) throws IOException {
		Optional<BatchManifest> current = this.store.batchManifest();
		long version = current.map(BatchManifest::version).orElse(0L);
		if (log.isDebugEnabled()) {
			log.debug("Batch run " + id + ": nothing new since version " + version);
		}
		return new BatchRun(id, trigger, "none", BatchRun.Outcome.NOTHING_NEW, startedAt, this.clock.millis(),
				this.clock.millis() - startedAt, version,
				current.map(BatchManifest::cutoff).orElse(Cutoff.NONE).seqByNode(), 0, 0, 0, 0, 0, 0, 0, null, null);
	}

	private BatchRun execute(String id, String trigger, long startedAt, RunPlan plan, Path tmp)
			throws IOException, InterruptedException {
		StorageLayout layout = this.store.layout();
		this.store.writeAtomically(layout.pendingBatchManifest(),
				new PendingBatch(plan.version(), plan.cutoff(), startedAt).toJson());
		log.info("Batch run " + id + ": " + plan.kind().label() + " version " + plan.version() + " over "
				+ plan.rawFiles().size() + " raw files, " + plan.newFiles() + " of them new, " + plan.lateFiles()
				+ " of those late (cutoff " + plan.cutoff().seqByNode() + ")");
		VersionBuilder.Built built = this.builder.build(plan, tmp);
		moveQuarantine(id, plan.version(), built);
		String versionDir = layout.batchVersionDir(plan.version());
		// Above the published version, so no manifest names it: left by a run that died
		// between rename and publish
		this.store.delete(versionDir);
		this.store.rename(built.dir(), new Path(versionDir));
		this.upkeep.janitor().recordSuperseded(plan.version(), superseded(plan, built));
		publish(plan, built);
		this.store.delete(tmp.toString());
		log.info("Batch run " + id + ": published version " + plan.version() + " (" + built.index().rows() + " rows; "
				+ built.daysWritten() + " day segments written, "
				+ (built.index().segments().size() - built.daysWritten()) + " shared; " + built.first().badLines()
				+ " bad lines)");
		return new BatchRun(id, trigger, plan.kind().label(), BatchRun.Outcome.PUBLISHED, startedAt,
				this.clock.millis(), this.clock.millis() - startedAt, plan.version(), plan.cutoff().seqByNode(),
				plan.rawFiles().size(), plan.lateFiles(), built.rawLines(), built.first().badLines(), built.viewRows(),
				built.index().rows(), built.daysWritten(), built.jobIds(), null);
	}

	/**
	 * What only the current version names once the new one is published: the files of the
	 * segments it replaced, and its index (or, written before segments, its whole
	 * directory).
	 */
	private static List<String> superseded(RunPlan plan, VersionBuilder.Built built) {
		List<String> paths = new ArrayList<>(plan.currentIndex().filesDroppedBy(built.index()));
		plan.current().ifPresent((current) -> paths.add(current.isSegmented() ? current.index() : current.path()));
		return paths;
	}

	private void publish(RunPlan plan, VersionBuilder.Built built) throws IOException {
		StorageLayout layout = this.store.layout();
		Optional<byte[]> currentBytes = this.store.read(layout.batchManifest());
		if (plan.current().isPresent() && currentBytes.isPresent()) {
			this.store.writeAtomically(layout.previousBatchManifest(), currentBytes.get());
		}
		BatchManifest manifest = new BatchManifest(plan.version(), plan.cutoff(), plan.rawFrom(),
				layout.batchVersionDir(plan.version()), layout.segmentIndex(plan.version()), built.index().rows(),
				built.index().minMinute(), built.index().maxMinute(), this.clock.millis(), plan.rawSnapshot());
		this.store.writeAtomically(layout.batchManifest(), manifest.toJson());
		deletePending();
		// the next run diffs from the new version's snapshot
		plan.current()
			.map(BatchManifest::rawSnapshot)
			.filter((base) -> !base.isEmpty() && !base.equals(plan.rawSnapshot()))
			.ifPresent(this.snapshots::delete);
	}

	/** Bad lines the job copied aside go to {@code quarantine/v<version>/}. */
	private void moveQuarantine(String id, long version, VersionBuilder.Built built) throws IOException {
		if (!this.store.exists(built.quarantine().toString())) {
			return;
		}
		String target = String.format("%s/v%012d", this.store.layout().quarantineDir(), version);
		// Left by an earlier attempt at this version that failed after moving its lines
		this.store.delete(target);
		this.store.rename(built.quarantine(), new Path(target));
		log.warn("Batch run " + id + ": " + built.first().badLines() + " bad raw lines, copied to " + target);
	}

	private void deletePending() {
		try {
			this.store.delete(this.store.layout().pendingBatchManifest());
		}
		catch (IOException ex) {
			// Readers treat a pending version at or below the batch version as done
			log.warn("Could not delete the pending marker: " + ex);
		}
	}

	private void cleanUpFailed(String id, Optional<RunPlan> plan, Path tmp) {
		if (tmp != null) {
			try {
				this.store.delete(tmp.toString());
			}
			catch (IOException ex) {
				log.warn("Batch run " + id + ": could not delete " + tmp + " (removed later): " + ex);
			}
		}
		if (plan.isPresent()) {
			// The speed layer's second set waits on this; the next run publishes its own
			deletePending();
			// files it adopted are new since the published snapshot: the next run counts
			// them
			if (!plan.get().rawSnapshot().isEmpty()) {
				this.snapshots.delete(plan.get().rawSnapshot());
			}
		}
	}

	private double millisSinceLastSuccess() {
		return this.clock.millis() - Math.max(this.lastSuccessAtMs, this.startedAtMs);
	}

	private void record(BatchRun run) {
		if (run.outcome().isSuccess()) {
			this.lastSuccessAtMs = run.endedAtMs();
		}
		Timer.builder("healthmon.batch.run")
			.description("Batch runs by outcome and mode")
			.tag("outcome", run.outcome().name().toLowerCase())
			.tag("mode", run.mode())
			.register(this.registry)
			.record(run.durationMs(), TimeUnit.MILLISECONDS);
		counter("healthmon.batch.files", "Raw files read by batch jobs").increment(run.files());
		counter("healthmon.batch.input.records", "Raw lines read by batch jobs").increment(run.inputRecords());
		counter("healthmon.batch.bad.records", "Raw lines quarantined by batch jobs").increment(run.badRecords());
		counter("healthmon.batch.output.rows", "Rows written to published batch versions")
			.increment((run.outcome() == BatchRun.Outcome.PUBLISHED) ? run.outputRows() : 0);
		counter("healthmon.batch.segments.written", "Day segments written by batch runs")
			.increment(run.segmentsWritten());
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).register(this.registry);
	}

}
