package org.healthmon.speed.run;

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

		public long total() {
			return this.lateFiles + this.batchOnlyFiles;
		}

	}

}
