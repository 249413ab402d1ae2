package org.healthmon.batch.run;

import java.util.Map;

/**
 * One run of the batch layer, as kept in the run history.
 *
 * @param id the run's id
 * @param trigger what started it: {@code scheduled} or {@code manual}
 * @param mode {@code incremental}, {@code full}, or {@code none} when there was nothing
 * to do
 * @param outcome how it ended
 * @param startedAtMs start, epoch ms
 * @param endedAtMs end, epoch ms
 * @param durationMs run time
 * @param version the version it published (or would have); the current one when nothing
 * was new
 * @param cutoff the raw files covered: highest sequence per ingest node
 * @param files raw files read by the job
 * @param inputRecords raw lines read
 * @param badRecords raw lines that could not be read (quarantined)
 * @param previousRows rows merged from the previous version
 * @param outputRows rows in the new version
 * @param jobId the Hadoop job id, if a job ran
 * @param error why it failed, or null
 */
public record BatchRun(String id, String trigger, String mode, Outcome outcome, long startedAtMs, long endedAtMs,
		long durationMs, long version, Map<String, Long> cutoff, int files, long inputRecords, long badRecords,
		long previousRows, long outputRows, String jobId, String error) {

	/** How a run ended. */
	public enum Outcome {

		/** A new version was published. */
		PUBLISHED,
		/** No new raw file and no full recompute asked for: nothing to publish. */
		NOTHING_NEW,
		/** The run failed; the published view is unchanged. */
		FAILED;

		/** Whether the batch layer was working as it should. */
		public boolean isSuccess() {
			return this != FAILED;
		}

	}

}
