package org.healthmon.speed.handoff;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.healthmon.model.Cutoff;
import org.healthmon.model.PendingBatch;
import org.healthmon.model.RealtimeManifest;

/**
 * What the manifests on HDFS say at one moment: the published batch view, the one before
 * it, a pending batch run, and the live realtime sets. The speed layer keeps no other
 * state, so a restart in any state continues from here.
 *
 * @param batchVersion the published batch version, 0 when there is none yet
 * @param batchCutoff the published batch cutoff, {@link Cutoff#NONE} when there is none
 * @param previousCutoff the cutoff of the batch view before the published one: from
 * {@code batch-previous.json}, or the implicit version 0 ({@link Cutoff#NONE}) when the
 * first batch view is published; empty before any batch view
 * @param pending the pending batch run, if any (stale ones included)
 * @param sets the live realtime sets by name
 */
public record HandoffState(long batchVersion, Cutoff batchCutoff, Optional<Cutoff> previousCutoff,
		Optional<PendingBatch> pending, Map<String, RealtimeManifest> sets) {

	/** The two names the realtime sets alternate between. */
	public static final String[] SET_NAMES = { "a", "b" };

	public HandoffState {
		sets = Collections.unmodifiableMap(new TreeMap<>(sets));
	}

	/** The pending cutoff, when a batch run is under way that will publish above us. */
	public Optional<Cutoff> activePendingCutoff() {
		return this.pending.filter((p) -> p.version() > this.batchVersion).map(PendingBatch::cutoff);
	}

	public HandoffState withSets(Map<String, RealtimeManifest> newSets) {
		return new HandoffState(this.batchVersion, this.batchCutoff, this.previousCutoff, this.pending, newSets);
	}

	/** The role a live set plays at this moment. */
	public Role roleOf(RealtimeManifest set) {
		if (set.start().equals(this.batchCutoff)) {
			return Role.CURRENT;
		}
		if (activePendingCutoff().filter(set.start()::equals).isPresent()) {
			return Role.PENDING;
		}
		if (this.previousCutoff.filter(set.start()::equals).isPresent()) {
			return Role.OLDER;
		}
		return Role.DEAD;
	}

	/**
	 * What a realtime set is for.
	 */
	public enum Role {

		/** Starts at the published batch cutoff: completes the batch view readers use. */
		CURRENT,
		/** Starts at a pending batch run's cutoff: ready for when that run publishes. */
		PENDING,
		/**
		 * Starts at the previous batch cutoff: readers may stay on (previous batch, this
		 * set) until the current set has caught up.
		 */
		OLDER,
		/** Pairs with no batch view and no pending run: nothing can use it. */
		DEAD

	}

}
