package org.healthmon.batch.run;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.Path;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.store.RawSnapshots;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileName;

/**
 * Finds the late raw files among those created since the published version's snapshot,
 * and adopts them (docs/architecture.md §4.5). A file is late when its first sequence is
 * at or below its node's published cutoff: the writer broke the contract (§4.2), and no
 * run reading above the cutoff would ever count it. Adopting renames it, unchanged and in
 * the same partition, to {@code batch.late-<seq>.csv} above that node's cutoff, so the
 * run counts it like any new file, and no compaction of its old node can stand for it.
 *
 * <p>
 * A compaction the compactor wrote since the snapshot is created too, but it is not late:
 * its small files are in the snapshot (the compactor only compacts what a version
 * counts).
 */
class LateFiles {

	private static final Log log = LogFactory.getLog(LateFiles.class);

	private final BatchStore store;

	private final RawSnapshots snapshots;

	private final Clock clock;

	private final Counter adopted;

	private final AtomicLong sinceStart = new AtomicLong();

	private volatile int lastRun;

	private volatile int lastIgnored;

	private volatile long lastAtMs = -1;

	LateFiles(BatchStore store, RawSnapshots snapshots, MeterRegistry registry, Clock clock) {
		this.store = store;
		this.snapshots = snapshots;
		this.clock = clock;
		this.adopted = Counter.builder("healthmon.batch.late.files")
			.description("Raw files found below a published cutoff (late) and adopted: renamed above the cutoff "
					+ "and counted by the run that found them")
			.register(registry);
		Gauge.builder("healthmon.batch.ignored.files", this, (late) -> late.lastIgnored)
			.description("Files created in raw/ since the published version that are no raw file's, as the last "
					+ "run found them")
			.register(registry);
	}

	/**
	 * The raw files a run counts from, with its late files adopted.
	 * @param created the files created since {@code base}, the published version's
	 * snapshot
	 * @param listed the files of the run's window, in the run's snapshot
	 * @param after the published cutoff
	 */
	Sorted sort(RawSnapshots.Created created, List<String> listed, Cutoff after, String base) throws IOException {
		List<String> fresh = new ArrayList<>();
		Map<String, RawFileName> late = new LinkedHashMap<>();
		Map<String, List<String>> baseDirs = new HashMap<>();
		// adopted files are numbered from 1
		long next = Math.max(0, after.seqOf(RawFileName.LATE_NODE));
		for (String path : created.paths()) {
			RawFileName name = nameOf(path);
			if (name.first() > after.seqOf(name.nodeId())) {
				fresh.add(path);
			}
			else if (!(name.compacted() && isOurs(path, name, base, baseDirs))) {
				late.put(path, name);
			}
			next = Math.max(next, lateSeq(name));
		}
		for (String path : listed) {
			// the window holds hidden and foreign names too
			next = Math.max(next,
					RawFileName.parse(path.substring(path.lastIndexOf('/') + 1)).map(LateFiles::lateSeq).orElse(-1L));
		}
		Set<String> paths = new LinkedHashSet<>(listed);
		paths.removeAll(late.keySet());
		paths.addAll(fresh);
		paths.addAll(adopt(late, next + 1));
		record(late.size(), created.ignored());
		return new Sorted(List.copyOf(paths), late.size());
	}

	/** Renames the late files above the cutoff, in sequence order; their new paths. */
	private List<String> adopt(Map<String, RawFileName> late, long first) throws IOException {
		List<Map.Entry<String, RawFileName>> ordered = new ArrayList<>(late.entrySet());
		ordered.sort(Comparator.comparing((Map.Entry<String, RawFileName> e) -> e.getValue().nodeId())
			.thenComparingLong((e) -> e.getValue().first())
			.thenComparing(Map.Entry::getKey));
		List<String> adopted = new ArrayList<>();
		long seq = first;
		for (Map.Entry<String, RawFileName> file : ordered) {
			Path from = new Path(file.getKey());
			Path to = new Path(from.getParent(), new RawFileName(RawFileName.LATE_NODE, seq, seq, false).published());
			this.store.rename(from, to);
			log.warn("Late raw file " + file.getKey() + " (at or below its node's published cutoff) adopted as "
					+ to.getName() + ": counted by this run");
			adopted.add(to.toUri().getPath());
			seq++;
		}
		return adopted;
	}

	/**
	 * Whether a compaction created since the base snapshot is the compactor's: the base
	 * holds a file of its node, in its partition and range (a small file, or an earlier
	 * compaction it grew from).
	 */
	private boolean isOurs(String path, RawFileName compaction, String base, Map<String, List<String>> baseDirs)
			throws IOException {
		String dir = path.substring(0, path.lastIndexOf('/'));
		List<String> inBase = baseDirs.get(dir);
		if (inBase == null) {
			inBase = this.snapshots.children(base, dir);
			baseDirs.put(dir, inBase);
		}
		return inBase.stream()
			.flatMap((small) -> RawFileName.parse(small.substring(small.lastIndexOf('/') + 1)).stream())
			.anyMatch((part) -> !part.equals(compaction) && compaction.contains(part));
	}

	private static RawFileName nameOf(String path) {
		return RawFileName.parse(path.substring(path.lastIndexOf('/') + 1))
			.orElseThrow(() -> new IllegalArgumentException("not a raw file: " + path));
	}

	private static long lateSeq(RawFileName name) {
		return name.nodeId().equals(RawFileName.LATE_NODE) ? name.last() : -1;
	}

	private void record(int late, int ignored) {
		this.lastRun = late;
		this.lastIgnored = ignored;
		if (late > 0) {
			this.adopted.increment(late);
			this.sinceStart.addAndGet(late);
			this.lastAtMs = this.clock.millis();
		}
	}

	/** What the health shows: the last run's late files, those since start, detection. */
	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("lastRun", this.lastRun);
		details.put("sinceStart", this.sinceStart.get());
		if (this.lastAtMs >= 0) {
			details.put("lastAt", Instant.ofEpochMilli(this.lastAtMs).toString());
		}
		details.put("ignoredFiles", this.lastIgnored);
		details.put("detection", this.snapshots.detection());
		return details;
	}

	/**
	 * The files a run counts from.
	 *
	 * @param paths the window's files and those created since the base, late ones under
	 * their new names
	 * @param late how many late files were adopted
	 */
	record Sorted(List<String> paths, int late) {
	}

}
