package org.healthmon.batch.upkeep;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.store.RawSnapshots;
import org.healthmon.model.BatchManifest;

/**
 * What the batch layer tidies after each run, in one place: old version files
 * ({@link VersionJanitor}), raw compaction ({@link RawCompactor}) and retention
 * ({@link Retention}). Each step costs what changed since the last run; a failed step is
 * logged and retried after the next run, and never fails the run.
 */
public class Upkeep {

	private static final Log log = LogFactory.getLog(Upkeep.class);

	private final BatchStore store;

	private final VersionJanitor janitor;

	private final RawCompactor compactor;

	private final Retention retention;

	private final BatchProperties properties;

	public Upkeep(BatchStore store, BatchProperties properties, RawSnapshots snapshots, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.janitor = new VersionJanitor(store, properties.versionGrace(), clock);
		this.compactor = new RawCompactor(store, properties.compaction(), properties.versionGrace(), snapshots, clock);
		this.retention = new Retention(store, properties.retention(), clock);
	}

	public VersionJanitor janitor() {
		return this.janitor;
	}

	/** One round of upkeep; never throws. */
	public Optional<RawCompactor.Result> run() {
		try {
			Optional<BatchManifest> current = this.store.batchManifest();
			if (current.isEmpty()) {
				return Optional.empty();
			}
			Optional<BatchManifest> previous = this.store.previousBatchManifest();
			this.janitor.collect(current.get(), previous);
			Optional<RawCompactor.Result> compacted = this.properties.compaction().enabled()
					? Optional.of(this.compactor.compact(previous, current.get().rawSnapshot())) : Optional.empty();
			// raw days go only once the compactor has passed them: the batch view has
			// them
			this.retention.apply(compacted.map(RawCompactor.Result::throughHour).orElse(Long.MIN_VALUE));
			return compacted;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Upkeep failed (retried after the next run): " + ex);
			return Optional.empty();
		}
	}

}
