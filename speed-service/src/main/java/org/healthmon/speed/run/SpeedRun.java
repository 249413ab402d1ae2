package org.healthmon.speed.run;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.PendingBatch;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawFileSet.RawFile;
import org.healthmon.model.RawWindow;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.speed.SpeedProperties;
import org.healthmon.speed.handoff.HandoffPlan;
import org.healthmon.speed.handoff.HandoffState;
import org.healthmon.speed.spark.MinuteStatsJob;
import org.healthmon.speed.store.SpeedStore;

/**
 * One run of the speed layer (docs/architecture.md §8): read the manifests, expire and
 * open sets as the handoff rules ask, absorb the published raw files the live sets lack
 * with one Spark job, publish a new version of each set that changed, expire again (the
 * older set may have caught up), collect garbage. Runs are one at a time. Each step
 * leaves a state the next run (of this app or a restarted one) continues from: a version
 * becomes visible only when its manifest is replaced, and a set's manifest says exactly
 * which files it holds.
 *
 * <p>
 * Files of batch-only nodes (adopted late files, imports) are left to the batch layer,
 * and so are late files, published below a set's absorbed cutoff after the set passed it:
 * the run counts both for the health ({@link RunOutcome.Waiting}), and the next batch run
 * counts them (docs/architecture.md §4.5).
 */
public class SpeedRun {

	private static final Log log = LogFactory.getLog(SpeedRun.class);

	/** Two sets: the runs' masks use bit 0 for a, bit 1 for b. */
	private static final List<String> NAMES = List.of(HandoffState.SET_NAMES);

	private final SpeedStore store;

	private final MinuteStatsJob job;

	private final SpeedProperties properties;

	private final SpeedStatus status;

	private final Clock clock;

	private final ReentrantLock oneAtATime = new ReentrantLock();

	public SpeedRun(SpeedStore store, MinuteStatsJob job, SpeedProperties properties, SpeedStatus status, Clock clock) {
		this.store = store;
		this.job = job;
		this.properties = properties;
		this.status = status;
		this.clock = clock;
	}

	/**
	 * Runs once; waits while another run is under way.
	 * @return what the run did
	 * @throws IOException when the store fails; nothing half-published is left
	 */
	public RunOutcome runOnce() throws IOException {
		this.oneAtATime.lock();
		long startNanos = System.nanoTime();
		try {
			RunOutcome outcome = absorb();
			this.status.succeeded(outcome, this.clock.millis(), System.nanoTime() - startNanos);
			return outcome;
		}
		catch (IOException | RuntimeException ex) {
			this.status.failed(ex, this.clock.millis(), System.nanoTime() - startNanos);
			throw ex;
		}
		finally {
			this.oneAtATime.unlock();
		}
	}

	private RunOutcome absorb() throws IOException {
		long t0 = System.nanoTime();
		Manifests manifests = readManifests();
		HandoffState state = apply(manifests.state());
		RawWindow window = manifests.window();
		RawFileSet first = this.store.listRaw(window);
		for (RealtimeManifest set : state.sets().values()) {
			Optional<RawWindow> catchUp = window.catchUp(first, set.absorbed());
			if (catchUp.isPresent()) {
				log.info("A new or returning ingest node published: listing raw partitions " + catchUp.get() + " once");
				first = first.with(this.store.listRaw(catchUp.get()));
				window = catchUp.get().union(window);
			}
		}
		first = first.without(SpeedRun::isBatchOnly);
		Cutoff highest = first.highest();
		// Every file up to the first listing's highest sequences is in the second one
		RawFileSet listed = this.store.listRaw(window);
		RawFileSet second = listed.without(SpeedRun::isBatchOnly);
		RunOutcome.Waiting waiting = RunOutcome.Waiting.of(listed, second, state);
		Map<String, List<RawFile>> increments = new LinkedHashMap<>();
		for (RealtimeManifest set : state.sets().values()) {
			increments.put(set.set(), second.select(set.absorbed(), highest));
		}
		Map<String, RealtimeManifest> sets = new TreeMap<>(state.sets());
		MinuteStatsJob.Result result = new MinuteStatsJob.Result(Map.of(), 0, 0);
		Map<Integer, List<String>> filesByMask = filesByMask(increments);
		long t1 = System.nanoTime();
		long t2 = t1;
		if (!filesByMask.isEmpty()) {
			result = this.job.run(filesByMask);
			t2 = System.nanoTime();
			for (RealtimeManifest set : state.sets().values()) {
				if (!increments.get(set.set()).isEmpty()) {
					sets.put(set.set(),
							publishVersion(set, highest, rowsOf(set.set(), result), increments.get(set.set()).size()));
				}
			}
		}
		long t3 = System.nanoTime();
		state = apply(state.withSets(sets));
		this.store.collectGarbage(state.sets(), this.properties.grace(), this.clock.millis())
			.forEach((dir) -> log.debug("Deleted realtime version " + dir + " after the grace period"));
		int files = (int) filesByMask.values().stream().mapToLong(List::size).sum();
		if (log.isDebugEnabled()) {
			log.debug("Run phases (ms): manifests and listings " + ms(t1 - t0) + ", Spark job " + ms(t2 - t1)
					+ ", versions published " + ms(t3 - t2) + ", expiry and gc " + ms(System.nanoTime() - t3));
		}
		if (waiting.total() > 0 && log.isDebugEnabled()) {
			log.debug("Raw files left to the batch layer: " + waiting);
		}
		return new RunOutcome(state, files, result.lines(), result.badLines(), waiting);
	}

	/**
	 * Adopted late files and imports: only the batch layer reads them (they may lie in
	 * any partition, outside the window).
	 */
	private static boolean isBatchOnly(RawFile file) {
		return file.name().batchOnly();
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	/**
	 * The handoff state on HDFS, with the batch view absent read as version 0, NONE, and
	 * the raw partitions the live sets' next files can be in. The pending marker is read
	 * before the batch manifests: a batch run writes it before and deletes it after
	 * publishing, so a publish between the reads still shows as a consistent state.
	 */
	Manifests readManifests() throws IOException {
		Optional<PendingBatch> pending = this.store.pendingBatch();
		Optional<BatchManifest> batch = this.store.batch();
		Optional<BatchManifest> previousBatch = this.store.previousBatch();
		Optional<Cutoff> previous = previousBatch.map(BatchManifest::cutoff);
		if (batch.isPresent() && previous.isEmpty()) {
			// the first batch view replaced the implicit version 0
			previous = Optional.of(Cutoff.NONE);
		}
		Map<String, RealtimeManifest> sets = new TreeMap<>();
		for (String name : NAMES) {
			this.store.realtime(name).ifPresent((set) -> sets.put(name, set));
		}
		HandoffState state = new HandoffState(batch.map(BatchManifest::version).orElse(0L),
				batch.map(BatchManifest::cutoff).orElse(Cutoff.NONE), previous, pending, sets);
		return new Manifests(state, this.store.rawWindow(batch, previousBatch));
	}

	/**
	 * What one read of the manifests gives a run.
	 *
	 * @param state the handoff state
	 * @param window the raw partitions to list
	 */
	record Manifests(HandoffState state, RawWindow window) {
	}

	private HandoffState apply(HandoffState state) throws IOException {
		HandoffPlan plan = HandoffPlan.of(state);
		Map<String, RealtimeManifest> sets = new TreeMap<>(state.sets());
		for (HandoffPlan.Expiry expiry : plan.expire()) {
			RealtimeManifest set = sets.remove(expiry.set());
			if (plan.open().stream().noneMatch((opening) -> opening.set().equals(expiry.set()))) {
				this.store.retire(expiry.set());
			}
			// else the opening replaces the manifest in one step: no moment without it
			log.info("Realtime set " + set.set() + " (start " + set.start() + ", absorbed " + set.absorbed()
					+ ") expired: " + expiry.reason());
		}
		for (HandoffPlan.Opening opening : plan.open()) {
			long version = this.store.nextFreeVersion(opening.set());
			String path = this.store.writeVersion(opening.set(), version, List.of());
			RealtimeManifest set = new RealtimeManifest(opening.set(), opening.start(), opening.start(), version, path,
					0, this.clock.millis(), 0);
			this.store.publish(set);
			sets.put(set.set(), set);
			log.info("Realtime set " + set.set() + " opened (" + opening.role() + ") at start " + set.start());
		}
		return state.withSets(sets);
	}

	private static Map<Integer, List<String>> filesByMask(Map<String, List<RawFile>> increments) {
		Map<String, Integer> maskByPath = new TreeMap<>();
		increments.forEach((set, files) -> {
			int bit = 1 << NAMES.indexOf(set);
			files.forEach((file) -> maskByPath.merge(file.path(), bit, (x, y) -> x | y));
		});
		Map<Integer, List<String>> byMask = new TreeMap<>();
		maskByPath.forEach((path, mask) -> byMask.computeIfAbsent(mask, (m) -> new ArrayList<>()).add(path));
		return byMask;
	}

	private static List<MinuteStats> rowsOf(String set, MinuteStatsJob.Result result) {
		int bit = 1 << NAMES.indexOf(set);
		List<MinuteStats> rows = new ArrayList<>();
		result.rowsByMask().forEach((mask, maskRows) -> {
			if ((mask & bit) != 0) {
				rows.addAll(maskRows);
			}
		});
		return rows;
	}

	private RealtimeManifest publishVersion(RealtimeManifest set, Cutoff highest, List<MinuteStats> increment,
			int newFiles) throws IOException {
		Map<MinuteKey, MinuteStats> merged = new TreeMap<>();
		for (MinuteStats row : this.store.readVersion(set.path())) {
			merged.merge(MinuteKey.of(row), row, MinuteStats::merge);
		}
		for (MinuteStats row : increment) {
			merged.merge(MinuteKey.of(row), row, MinuteStats::merge);
		}
		long version = set.version() + 1;
		String path = this.store.writeVersion(set.set(), version, merged.values());
		long files = (set.files() < 0) ? RealtimeManifest.UNKNOWN_FILES : set.files() + newFiles;
		RealtimeManifest next = new RealtimeManifest(set.set(), set.start(), join(set.absorbed(), highest), version,
				path, merged.size(), this.clock.millis(), files);
		this.store.publish(next);
		return next;
	}

	/** The per-node maximum: files above a set's start up to both. */
	static Cutoff join(Cutoff a, Cutoff b) {
		Cutoff joined = a;
		for (Map.Entry<String, Long> e : b.seqByNode().entrySet()) {
			joined = joined.with(e.getKey(), e.getValue());
		}
		return joined;
	}

	/** View order: service, then minute. */
	private record MinuteKey(String service, long minute) implements Comparable<MinuteKey> {

		static MinuteKey of(MinuteStats row) {
			return new MinuteKey(row.service(), row.minute());
		}

		@Override
		public int compareTo(MinuteKey other) {
			int byService = this.service.compareTo(other.service);
			return (byService != 0) ? byService : Long.compare(this.minute, other.minute);
		}

	}

}
