package org.healthmon.ingest.store;

import java.io.IOException;

import org.healthmon.model.SequencedFileName;

/**
 * The file a store writes right now: an HDFS file, or a local spool segment while HDFS is
 * unavailable. Both hold the lines of one bucket and roll by the same rules, so what they
 * count lives here.
 */
abstract sealed class Segment permits HdfsSegment, SpoolSegment {

	private final SequencedFileName name;

	private final long bucket;

	private final long openedAtMs;

	private long bytes;

	private long lines;

	Segment(SequencedFileName name, long bucket, long openedAtMs) {
		this.name = name;
		this.bucket = bucket;
		this.openedAtMs = openedAtMs;
	}

	final SequencedFileName name() {
		return this.name;
	}

	final long bucket() {
		return this.bucket;
	}

	final long openedAtMs() {
		return this.openedAtMs;
	}

	final long bytes() {
		return this.bytes;
	}

	final long lines() {
		return this.lines;
	}

	/** Appends one line (with its newline). */
	final void write(byte[] line) throws IOException {
		append(line);
		this.bytes += line.length;
		this.lines++;
	}

	abstract void append(byte[] line) throws IOException;

	/** Makes everything written so far durable (hflush, or fsync for the spool). */
	abstract void flush() throws IOException;

	/**
	 * Flushes, closes, and makes the file visible to readers (HDFS) or replayable
	 * (spool).
	 */
	abstract void publish() throws IOException;

}
