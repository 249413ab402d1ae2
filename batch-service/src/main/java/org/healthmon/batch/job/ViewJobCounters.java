package org.healthmon.batch.job;

/**
 * What a view job counts; bad lines are also counted per reason in
 * {@link #BAD_LINES_GROUP}.
 */
public enum ViewJobCounters {

	/** Raw CSV lines read. */
	RAW_LINES,
	/** Raw lines that could not be read (copied to the quarantine). */
	BAD_LINES,
	/** View rows read back: the day segments a run merges, or a whole older version. */
	VIEW_ROWS,
	/** Rows written to the new version. */
	OUTPUT_ROWS;

	/** The counter group of bad lines by {@code RejectReason} tag. */
	public static final String BAD_LINES_GROUP = "healthmon.bad-lines";

}
