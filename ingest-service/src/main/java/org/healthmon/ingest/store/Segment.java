package org.healthmon.ingest.store;

import java.io.IOException;

import org.healthmon.model.SequencedFileName;

/**
 * The file a store writes right now: an HDFS file, or a local spool segment while HDFS is
 * unavailable. Both hold the lines of one bucket and roll by the same rules.
 */
sealed interface Segment permits HdfsSegment, SpoolSegment {

	SequencedFileName name();

	long bucket();

	long openedAtMs();

	long bytes();

	long lines();

	void write(byte[] line) throws IOException;

	/** Makes everything written so far durable (hflush, or fsync for the spool). */
	void flush() throws IOException;

	/**
	 * Flushes, closes, and makes the file visible to readers (HDFS) or replayable
	 * (spool).
	 */
	void publish() throws IOException;

}
