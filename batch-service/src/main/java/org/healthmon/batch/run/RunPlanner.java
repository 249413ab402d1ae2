package org.healthmon.batch.run;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawWindow;
import org.healthmon.model.SegmentIndex;

/**
 * Decides what a run does ({@link RunPlan}): lists the raw partitions that can hold files
 * past the published cutoff ({@link RawWindow}), never the whole store except for a full
 * recompute or the first run over a store written before windows; takes the exact cutoff
 * the way {@link RawFileSet} explains (the highest of a first listing, files selected
 * from a second one); and picks the kind of run.
 */
class RunPlanner {

	private static final Log log = LogFactory.getLog(RunPlanner.class);

	private final BatchStore store;

	private final BatchProperties properties;

	RunPlanner(BatchStore store, BatchProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/** The plan of a run, or empty when there is nothing to do. */
	Optional<RunPlan> plan(RunMode mode) throws IOException {
		Optional<BatchManifest> current = this.store.batchManifest();
		Cutoff after = current.map(BatchManifest::cutoff).orElse(Cutoff.NONE);
		long version = current.map(BatchManifest::version).orElse(0L) + 1;
		boolean full = current.isEmpty() || mode == RunMode.FULL || isFullRecomputeDue(version);
		RawWindow window = full ? RawWindow.ALL : RawWindow.from(current.get().rawFrom());
		RawFileSet first = this.store.listRaw(window);
		Optional<RawWindow> catchUp = window.catchUp(first, after);
		if (catchUp.isPresent()) {
			log.info("A new or returning ingest node published: listing raw partitions " + catchUp.get() + " to "
					+ window + " once");
			window = catchUp.get().union(window);
			first = first.with(this.store.listRaw(catchUp.get()));
		}
		Cutoff upTo = raise(after, first.highest());
		RawFileSet second = this.store.listRaw(window);
		List<RawFileSet.RawFile> newFiles = second.select(after, upTo);
		List<RawFileSet.RawFile> inputs = full ? second.select(Cutoff.NONE, upTo) : newFiles;
		SegmentIndex currentIndex = current.isPresent() ? this.store.segmentIndex(current.get())
				: new SegmentIndex(0, List.of());
		// a version written before segments is split into them once, new data or not
		boolean migration = !full && !current.get().isSegmented() && currentIndex.rows() > 0;
		if ((newFiles.isEmpty() && !migration && mode != RunMode.FULL) || (inputs.isEmpty() && !migration)) {
			return Optional.empty();
		}
		RunPlan.Kind kind = full ? RunPlan.Kind.FULL : (migration ? RunPlan.Kind.MIGRATION : RunPlan.Kind.INCREMENTAL);
		return Optional.of(new RunPlan(kind, version, current, currentIndex, upTo, window.nextFrom(second, upTo),
				inputs, newFiles.size()));
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

}
