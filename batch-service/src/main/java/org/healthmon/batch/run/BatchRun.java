package org.healthmon.batch.run;

import java.util.Map;

/**
 * One run of the batch layer, as kept in the run history.
 *
 * @param id the run's id
 * @param trigger what started it: {@code scheduled} or {@code manual}
 * @param mode {@code incremental}, {@code full}, {@code migration} (a version written
 * before segments split into them), or {@code none} when there was nothing to do
 * @param outcome how it ended
 * @param startedAtMs start, epoch ms
 * @param endedAtMs end, epoch ms
 * @param durationMs run time
 * @param version the version it published (or would have); the current one when nothing
 * was new
 * @param cutoff the raw files covered: highest sequence per ingest node
 * @param files raw files read by the job
 * @param lateFiles late raw files the run found and adopted (docs/architecture.md §4.5),
 * among {@code files}; 0 in a history line from before they were counted (boxed so that
 * such a line reads)
 * @param inputRecords raw lines read
 * @param badRecords raw lines that could not be read (quarantined)
 * @param previousRows view rows merged: the old segments of the days the new data touched
 * (or a whole version written before segments)
 * @param outputRows rows in the new version
 * @param segmentsWritten day segments the run wrote (the others are shared with the
 * previous version)
 * @param jobId the Hadoop job ids, if a job ran
 * @param error why it failed, or null
 */
public record BatchRun(String id, String trigger, String mode, Outcome outcome, long startedAtMs, long endedAtMs,
		long durationMs, long version, Map<String, Long> cutoff, int files, Integer lateFiles, long inputRecords,
		long badRecords, long previousRows, long outputRows, int segmentsWritten, String jobId, String error) {

	public BatchRun {
		lateFiles = (lateFiles != null) ? lateFiles : 0;
	}

	/** A run that failed after it planned a version (or before, with {@code none}). */
	static BatchRun failed(String id, String trigger, String mode, long startedAtMs, long endedAtMs, long version,
			String error) {
		return new BatchRun(id, trigger, mode, Outcome.FAILED, startedAtMs, endedAtMs, endedAtMs - startedAtMs, version,
				Map.of(), 0, 0, 0, 0, 0, 0, 0, null, error);
	}

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
