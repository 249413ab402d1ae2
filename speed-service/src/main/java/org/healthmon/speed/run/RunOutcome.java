package org.healthmon.speed.run;

import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.speed.handoff.HandoffState;

/**
 * What one run did.
 *
 * @param state the handoff state the run left
 * @param files raw files read
 * @param lines raw lines read
 * @param badLines lines that could not be read
 * @param waiting the raw files the run saw but leaves to the batch layer
 */
public record RunOutcome(HandoffState state, int files, long lines, long badLines, Waiting waiting) {

	/** A run that left nothing to the batch layer. */
	public RunOutcome(HandoffState state, int files, long lines, long badLines) {
		this(state, files, lines, badLines, Waiting.NONE);
	}

	/**
	 * Raw files no realtime set will absorb, so the answers miss them until the next
	 * batch run counts them (docs/architecture.md §4.5).
	 *
	 * @param lateFiles files published at or below a set's absorbed cutoff after the set
	 * had passed it (the most of any set; a lower bound: only the listed window is seen)
	 * @param batchOnlyFiles files of batch-only nodes above the batch cutoff: late files
	 * the batch layer adopted, imports
	 */
	public record Waiting(long lateFiles, long batchOnlyFiles) {

		/** Nothing waits. */
		public static final Waiting NONE = new Waiting(0, 0);

		/**
		 * The files this run sees but no set will absorb: batch-only ones above the batch
		 * cutoff, and late ones, below a set's absorbed cutoff but more than it counted
		 * absorbing ({@link RealtimeManifest#files}).
		 * @param listed the run's listing, batch-only files included
		 * @param second the files the sets may absorb (batch-only ones left out)
		 * @param state the handoff state of the run
		 */
		static Waiting of(RawFileSet listed, RawFileSet second, HandoffState state) {
			Cutoff batch = state.batchCutoff();
			long batchOnly = listed.files()
				.stream()
				.filter((file) -> file.name().batchOnly() && file.name().first() > batch.seqOf(file.name().nodeId()))
				.count();
			long late = 0;
			for (RealtimeManifest set : state.sets().values()) {
				if (set.files() >= 0) {
					long absorbed = second.files()
						.stream()
						.filter((file) -> file.name().first() > set.start().seqOf(file.name().nodeId())
								&& file.name().last() <= set.absorbed().seqOf(file.name().nodeId()))
						.count();
					late = Math.max(late, absorbed - set.files());
				}
			}
			return new Waiting(late, batchOnly);
		}

		public long total() {
			return this.lateFiles + this.batchOnlyFiles;
		}

	}

}
