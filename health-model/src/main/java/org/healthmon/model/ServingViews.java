package org.healthmon.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The views a reader answers from (docs/architecture.md §9): a batch view and the
 * realtime set that starts exactly at its cutoff, so that every message they cover is
 * counted once.
 * <p>
 * The rule, in {@link #choose}: of the published batch view ({@code batch.json}) and the
 * one before it ({@code batch-previous.json}), take the newest for which a realtime set
 * starts at its cutoff; while no batch view exists yet, a set starting at
 * {@link Cutoff#NONE} pairs with "no batch view". When no set pairs at all (the speed
 * layer has not caught up, or is not running), the newest batch view answers alone: still
 * exact, only less fresh.
 *
 * @param batch the batch view, empty before the first one is published
 * @param realtime the realtime set, empty when the batch view answers alone
 */
public record ServingViews(Optional<BatchManifest> batch, Optional<RealtimeManifest> realtime) {

	/** No view at all: every answer is empty. */
	public static final ServingViews NONE = new ServingViews(Optional.empty(), Optional.empty());

	public ServingViews {
		if (realtime.isPresent()) {
			Cutoff start = realtime.get().start();
			Cutoff cutoff = batch.map(BatchManifest::cutoff).orElse(Cutoff.NONE);
			if (!start.equals(cutoff)) {
				throw new IllegalArgumentException(
						"realtime set " + realtime.get().set() + " starts at " + start + ", not at " + cutoff);
			}
		}
	}

	/**
	 * The views to answer from, by the rule above.
	 * @param batch the published batch view, if any
	 * @param previous the batch view before it, if any
	 * @param sets the live realtime sets
	 */
	public static ServingViews choose(Optional<BatchManifest> batch, Optional<BatchManifest> previous,
			Collection<RealtimeManifest> sets) {
		List<Optional<BatchManifest>> candidates = new ArrayList<>();
		batch.ifPresent((b) -> candidates.add(Optional.of(b)));
		previous.filter((p) -> batch.isEmpty() || p.version() < batch.get().version())
			.ifPresent((p) -> candidates.add(Optional.of(p)));
		if (previous.isEmpty()) {
			candidates.add(Optional.empty());
		}
		for (Optional<BatchManifest> candidate : candidates) {
			Cutoff cutoff = candidate.map(BatchManifest::cutoff).orElse(Cutoff.NONE);
			Optional<RealtimeManifest> set = sets.stream()
				.filter((s) -> s.start().equals(cutoff))
				.max(Comparator.comparingLong(RealtimeManifest::updatedAtMs));
			if (set.isPresent()) {
				return new ServingViews(candidate, set);
			}
		}
		return new ServingViews(batch, Optional.empty());
	}

	/** The raw files the answer covers. */
	public Cutoff covered() {
		return this.realtime.map(RealtimeManifest::absorbed)
			.orElseGet(() -> this.batch.map(BatchManifest::cutoff).orElse(Cutoff.NONE));
	}

}
