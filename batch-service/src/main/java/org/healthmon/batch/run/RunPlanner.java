package org.healthmon.batch.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.store.RawSnapshots;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawWindow;
import org.healthmon.model.SegmentIndex;

/**
 * Decides what a run does ({@link RunPlan}): lists the raw partitions that can hold files
 * past the published cutoff ({@link RawWindow}), never the whole store except for a full
 * recompute or the first run over a store written before windows (or snapshots); takes an
 * exact cutoff; and picks the kind of run.
 *
 * <p>
 * With late-file detection on ({@link RawSnapshots}), the run snapshots the raw store and
 * lists its window in the snapshot, one atomic listing, and adds the files created since
 * the published version's snapshot, late ones adopted ({@link LateFiles}): the version
 * counts exactly the snapshot's files (docs/architecture.md §4.5). With it off, the
 * cutoff is taken the way {@link RawFileSet} explains (the highest of a first listing,
 * files selected from a second one), which is exact for writers that keep the contract.
 */
class RunPlanner {

	private static final Log log = LogFactory.getLog(RunPlanner.class);

	private final BatchStore store;

	private final BatchProperties properties;

	private final RawSnapshots snapshots;

	private final LateFiles lateFiles;

	RunPlanner(BatchStore store, BatchProperties properties, RawSnapshots snapshots, LateFiles lateFiles) {
		this.store = store;
		this.properties = properties;
		this.snapshots = snapshots;
		this.lateFiles = lateFiles;
	}

	/** The plan of a run, or empty when there is nothing to do. */
	Optional<RunPlan> plan(RunMode mode, String runId) throws IOException {
		Start start = start(mode);
		if (!this.snapshots.enable()) {
			return planFromListings(start);
		}
		String base = start.current().map(BatchManifest::rawSnapshot).orElse("");
		this.snapshots.deleteAllBut(base);
		String snapshot = this.snapshots.create(start.version(), runId);
		try {
			Optional<RunPlan> plan = planInSnapshot(start, base, snapshot);
			if (plan.isEmpty()) {
				this.snapshots.delete(snapshot);
			}
			return plan;
		}
		catch (IOException | RuntimeException ex) {
			this.snapshots.delete(snapshot);
			throw ex;
		}
	}

	private Start start(RunMode mode) throws IOException {
		Optional<BatchManifest> current = this.store.batchManifest();
		long version = current.map(BatchManifest::version).orElse(0L) + 1;
		boolean full = current.isEmpty() || mode == RunMode.FULL || isFullRecomputeDue(version);
		SegmentIndex index = current.isPresent() ? this.store.segmentIndex(current.get())
				: new SegmentIndex(0, List.of());
		return new Start(mode, current, index, current.map(BatchManifest::cutoff).orElse(Cutoff.NONE), version, full);
	}

	private Optional<RunPlan> planFromListings(Start start) throws IOException {
		RawWindow window = start.full() ? RawWindow.ALL : RawWindow.from(start.current().get().rawFrom());
		RawFileSet first = this.store.listRaw(window);
		Optional<RawWindow> catchUp = window.catchUp(first, start.after());
		if (catchUp.isPresent()) {
			logCatchUp(catchUp.get(), window);
			window = catchUp.get().union(window);
			first = first.with(this.store.listRaw(catchUp.get()));
		}
		Cutoff upTo = raise(start.after(), first.highest());
		RawFileSet second = this.store.listRaw(window);
		return decide(start, second, upTo, window.nextFrom(second, upTo), "", 0);
	}

	/**
	 * The plan from the run's snapshot: its window, plus the files created since the
	 * base. Without a usable base (a version from before snapshots, or its snapshot gone)
	 * every partition is listed once.
	 */
	private Optional<RunPlan> planInSnapshot(Start start, String base, String snapshot) throws IOException {
		boolean usable = this.snapshots.exists(base);
		RawWindow window = (start.full() || !usable) ? RawWindow.ALL : RawWindow.from(start.current().get().rawFrom());
		List<String> listed = new ArrayList<>(this.snapshots.list(snapshot, window));
		Optional<RawWindow> catchUp = window.catchUp(RawFileSet.of(listed), start.after());
		if (catchUp.isPresent()) {
			logCatchUp(catchUp.get(), window);
			listed.addAll(this.snapshots.list(snapshot, catchUp.get()));
			window = catchUp.get().union(window);
		}
		RawSnapshots.Created created = usable ? this.snapshots.created(base, snapshot) : RawSnapshots.Created.NONE;
		LateFiles.Sorted sorted = this.lateFiles.sort(created, listed, start.after(), base);
		RawFileSet files = RawFileSet.of(sorted.paths());
		Cutoff upTo = raise(start.after(), files.highest());
		return decide(start, files, upTo, window.nextFrom(files, upTo), snapshot, sorted.late());
	}

	private Optional<RunPlan> decide(Start start, RawFileSet files, Cutoff upTo, long rawFrom, String snapshot,
			int late) {
		List<RawFileSet.RawFile> newFiles = files.select(start.after(), upTo);
		List<RawFileSet.RawFile> inputs = start.full() ? files.select(Cutoff.NONE, upTo) : newFiles;
		// a version written before segments is split into them once, new data or not
		boolean migration = !start.full() && !start.current().get().isSegmented() && start.index().rows() > 0;
		if ((newFiles.isEmpty() && !migration && start.mode() != RunMode.FULL) || (inputs.isEmpty() && !migration)) {
			return Optional.empty();
		}
		RunPlan.Kind kind = start.full() ? RunPlan.Kind.FULL
				: (migration ? RunPlan.Kind.MIGRATION : RunPlan.Kind.INCREMENTAL);
		return Optional.of(new RunPlan(kind, start.version(), start.current(), start.index(), upTo, rawFrom, inputs,
				newFiles.size(), snapshot, late));
	}

	private static void logCatchUp(RawWindow catchUp, RawWindow window) {
		log.info("A new or returning ingest node published: listing raw partitions " + catchUp + " to " + window
				+ " once");
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

	/**
	 * Where a run starts from.
	 *
	 * @param mode what was asked for
	 * @param current the published version, if any
	 * @param index its segments
	 * @param after its cutoff
	 * @param version the version the run would publish
	 * @param full whether it is a full recompute
	 */
	private record Start(RunMode mode, Optional<BatchManifest> current, SegmentIndex index, Cutoff after, long version,
			boolean full) {
	}

}
