package org.healthmon.batch.run;

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
import io.micrometer.core.instrument.Timer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.job.ViewJob;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.PendingBatch;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.StorageLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch run at a time, following the lambda handoff (DESIGN.md §3): take an exact
 * cutoff, publish it as pending, run the view job into a hidden directory, rename it to
 * the new version, publish the manifest (keeping the previous one), remove the pending
 * marker, and delete versions no manifest has named for a grace period. A failure at any
 * step leaves the published view as it was; the next run starts over.
 */
public class BatchRunner {

	private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

	static final String TMP_PREFIX = "_tmp-";

	private final BatchStore store;

	private final RunHistory history;

	private final Configuration jobConf;

	private final BatchProperties properties;

	private final MeterRegistry registry;

	private final Clock clock;

	private final ReentrantLock running = new ReentrantLock();

	public BatchRunner(BatchStore store, RunHistory history, Configuration jobConf, BatchProperties properties,
			MeterRegistry registry, Clock clock) {
		this.store = store;
		this.history = history;
		this.jobConf = jobConf;
		this.properties = properties;
		this.registry = registry;
		this.clock = clock;
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
			log.info("Batch run ({}, {}) skipped: a run is in progress", trigger, mode);
			this.registry.counter("healthmon.batch.runs.skipped", "trigger", trigger).increment();
			return Optional.empty();
		}
		try {
			BatchRun run = runLocked(mode, trigger);
			this.history.add(run);
			record(run);
			return Optional.of(run);
		}
		finally {
			this.running.unlock();
		}
	}

	private BatchRun runLocked(RunMode mode, String trigger) {
		Attempt attempt = new Attempt(UUID.randomUUID().toString(), trigger, this.clock.millis());
		try {
			return execute(attempt, mode);
		}
		catch (Exception ex) {
			log.error("Batch run {} failed; the published view is unchanged, the next run retries", attempt.id, ex);
			cleanUpFailed(attempt);
			attempt.error = ex.toString();
			return attempt.finish(BatchRun.Outcome.FAILED, this.clock.millis());
		}
	}

	private BatchRun execute(Attempt attempt, RunMode mode) throws Exception {
		StorageLayout layout = this.store.layout();
		Optional<BatchManifest> current = this.store.batchManifest();
		Cutoff after = current.map(BatchManifest::cutoff).orElse(Cutoff.NONE);
		long version = current.map(BatchManifest::version).orElse(0L);
		// The exact cutoff (RawFileSet): the highest of a first listing, files selected
		// from
		// a second one; never below the published cutoff
		Cutoff upTo = raise(after, this.store.listRaw().highest());
		RawFileSet listing = this.store.listRaw();
		boolean full = current.isEmpty() || mode == RunMode.FULL || isFullRecomputeDue(version + 1);
		List<RawFileSet.RawFile> inputs = listing.select(full ? Cutoff.NONE : after, upTo);
		List<RawFileSet.RawFile> newFiles = listing.select(after, upTo);
		attempt.version = version;
		attempt.cutoff = upTo;
		if (newFiles.isEmpty() && (mode != RunMode.FULL || inputs.isEmpty())) {
			attempt.cutoff = after;
			log.info("Batch run {}: nothing new since version {}", attempt.id, version);
			removeOldVersions();
			return attempt.finish(BatchRun.Outcome.NOTHING_NEW, this.clock.millis());
		}
		attempt.mode = full ? "full" : "incremental";
		attempt.version = version + 1;
		attempt.files = inputs.size();
		this.store.writeAtomically(layout.pendingBatchManifest(),
				new PendingBatch(attempt.version, upTo, attempt.startedAtMs).toJson());
		log.info("Batch run {}: {} version {} over {} raw files (cutoff {})", attempt.id, attempt.mode, attempt.version,
				inputs.size(), upTo.seqByNode());

		attempt.tmpDir = new Path(layout.batchViewsDir(), TMP_PREFIX + "v" + attempt.version + "-" + attempt.id);
		ViewJob.Result result = ViewJob.run(this.jobConf, spec(attempt, inputs, full ? null : current.get()));
		attempt.jobId = result.jobId();
		attempt.inputRecords = result.rawLines();
		attempt.badRecords = result.badLines();
		attempt.previousRows = result.previousRows();
		moveQuarantine(attempt);
		ViewFiles written = ViewFiles.of(this.store.fs(), attempt.tmpDir);
		if (written.rows() != result.outputRows()) {
			throw new IllegalStateException("the job wrote " + result.outputRows() + " rows but the files hold "
					+ written.rows() + ": not publishing");
		}
		attempt.outputRows = written.rows();
		publish(attempt, current, written);
		removeOldVersions();
		return attempt.finish(BatchRun.Outcome.PUBLISHED, this.clock.millis());
	}

	private boolean isFullRecomputeDue(long nextVersion) {
		int every = this.properties.fullRecomputeEvery();
		return every > 0 && nextVersion % every == 0;
	}

	private static Cutoff raise(Cutoff cutoff, Cutoff by) {
		Cutoff raised = cutoff;
		for (Map.Entry<String, Long> node : by.seqByNode().entrySet()) {
			raised = raised.with(node.getKey(), node.getValue());
		}
		return raised;
	}

	private ViewJob.Spec spec(Attempt attempt, List<RawFileSet.RawFile> inputs, BatchManifest previous) {
		List<Path> files = new ArrayList<>(inputs.size());
		for (RawFileSet.RawFile file : inputs) {
			files.add(this.store.fs().makeQualified(new Path(file.path())));
		}
		Path previousDir = (previous != null) ? this.store.fs().makeQualified(new Path(previous.path())) : null;
		return new ViewJob.Spec("healthmon batch v" + attempt.version + " (" + attempt.mode + ")", files, previousDir,
				this.store.fs().makeQualified(attempt.tmpDir), this.properties.reducers(),
				this.properties.splitSize().toBytes(), this.properties.jobJar());
	}

	/** Bad lines the job copied aside go to {@code quarantine/v<version>/}. */
	private void moveQuarantine(Attempt attempt) throws Exception {
		Path bad = new Path(attempt.tmpDir, "_quarantine");
		if (!this.store.fs().exists(bad)) {
			return;
		}
		String target = String.format("%s/v%012d", this.store.layout().quarantineDir(), attempt.version);
		// Left by an earlier attempt at this version that failed after moving its lines
		this.store.delete(target);
		this.store.rename(bad, new Path(target));
		log.warn("Batch run {}: {} bad raw lines, copied to {}", attempt.id, attempt.badRecords, target);
	}

	private void publish(Attempt attempt, Optional<BatchManifest> current, ViewFiles written) throws Exception {
		StorageLayout layout = this.store.layout();
		String versionDir = layout.batchVersionDir(attempt.version);
		// Above the published version, so no manifest names it: left by a run that died
		// between rename and publish
		this.store.delete(versionDir);
		this.store.rename(attempt.tmpDir, new Path(versionDir));
		attempt.tmpDir = null;
		Optional<byte[]> currentBytes = this.store.read(layout.batchManifest());
		if (current.isPresent() && currentBytes.isPresent()) {
			this.store.writeAtomically(layout.previousBatchManifest(), currentBytes.get());
		}
		BatchManifest manifest = new BatchManifest(attempt.version, attempt.cutoff, versionDir, written.rows(),
				written.minMinute(), written.maxMinute(), this.clock.millis());
		this.store.writeAtomically(layout.batchManifest(), manifest.toJson());
		log.info("Batch run {}: published version {} ({} rows, {} files read, {} bad lines)", attempt.id,
				attempt.version, written.rows(), attempt.files, attempt.badRecords);
		deletePending(attempt);
	}

	private void deletePending(Attempt attempt) {
		try {
			this.store.delete(this.store.layout().pendingBatchManifest());
		}
		catch (Exception ex) {
			// Readers treat a pending version at or below the batch version as done
			log.warn("Batch run {}: could not delete the pending marker: {}", attempt.id, ex.toString());
		}
	}

	private void cleanUpFailed(Attempt attempt) {
		if (attempt.tmpDir != null) {
			try {
				this.store.fs().delete(attempt.tmpDir, true);
			}
			catch (Exception ex) {
				log.warn("Batch run {}: could not delete {} (removed later): {}", attempt.id, attempt.tmpDir,
						ex.toString());
			}
		}
		if (attempt.mode != null) {
			// The speed layer's second set waits on this; the next run publishes its own
			deletePending(attempt);
		}
	}

	/**
	 * Deletes versions that neither manifest names and that have not been named for the
	 * grace period, and hidden directories of dead runs older than it. Versions above the
	 * published one are left to the next run (it replaces them).
	 */
	void removeOldVersions() {
		try {
			Optional<BatchManifest> current = this.store.batchManifest();
			if (current.isEmpty()) {
				return;
			}
			Optional<BatchManifest> previous = this.store.previousBatchManifest();
			long now = this.clock.millis();
			long grace = this.properties.versionGrace().toMillis();
			for (FileStatus entry : this.store.list(this.store.layout().batchViewsDir())) {
				String name = entry.getPath().getName();
				if (name.startsWith(TMP_PREFIX)) {
					if (now - entry.getModificationTime() >= grace) {
						deleteQuietly(entry.getPath(), "dead run's output");
					}
					continue;
				}
				long version = versionOf(name);
				if (version < 0 || version >= current.get().version()) {
					continue;
				}
				long previousVersion = previous.map(BatchManifest::version).orElse(-1L);
				if (version == previousVersion) {
					continue;
				}
				if (now - droppedAt(version, current.get(), previous) >= grace) {
					deleteQuietly(entry.getPath(), "version " + version);
				}
			}
		}
		catch (Exception ex) {
			log.warn("Could not remove old batch versions (retried after the next run): {}", ex.toString());
		}
	}

	/**
	 * When a version stopped being named by either manifest: version k drops out when k+2
	 * is published. With k+2 the current version that is the current manifest's time;
	 * anything older dropped out no later than the previous manifest's time.
	 */
	private static long droppedAt(long version, BatchManifest current, Optional<BatchManifest> previous) {
		if (version + 2 >= current.version() || previous.isEmpty()) {
			return current.createdAtMs();
		}
		return previous.get().createdAtMs();
	}

	private void deleteQuietly(Path path, String what) {
		try {
			this.store.fs().delete(path, true);
			log.info("Deleted {} {}", what, path);
		}
		catch (Exception ex) {
			log.warn("Could not delete {} {}: {}", what, path, ex.toString());
		}
	}

	static long versionOf(String dirName) {
		if (dirName.length() != 13 || dirName.charAt(0) != 'v') {
			return -1;
		}
		try {
			return Long.parseLong(dirName.substring(1));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private void record(BatchRun run) {
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
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).register(this.registry);
	}

	/** The state of a run in progress, turned into a {@link BatchRun} at the end. */
	private static final class Attempt {

		final String id;

		final String trigger;

		final long startedAtMs;

		String mode;

		long version;

		Cutoff cutoff = Cutoff.NONE;

		int files;

		long inputRecords;

		long badRecords;

		long previousRows;

		long outputRows;

		String jobId;

		String error;

		Path tmpDir;

		Attempt(String id, String trigger, long startedAtMs) {
			this.id = id;
			this.trigger = trigger;
			this.startedAtMs = startedAtMs;
		}

		BatchRun finish(BatchRun.Outcome outcome, long endedAtMs) {
			return new BatchRun(this.id, this.trigger, (this.mode != null) ? this.mode : "none", outcome,
					this.startedAtMs, endedAtMs, endedAtMs - this.startedAtMs, this.version, this.cutoff.seqByNode(),
					this.files, this.inputRecords, this.badRecords, this.previousRows, this.outputRows, this.jobId,
					this.error);
		}

	}

}
