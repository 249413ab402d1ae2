package org.healthmon.ingest.store;

import java.io.IOException;
import java.util.List;

import org.healthmon.model.SequencedFileName;

/**
 * The file a store writes right now: an HDFS file, or a local spool segment while HDFS is
 * unavailable. Both hold the lines of one bucket and roll by the same rules, so what they
 * count lives here; what differs (what a failure, a publish or HDFS's return means for
 * them) each kind does itself, so the writer never asks which kind it holds.
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

	/**
	 * Appends one line (with its newline).
	 * @param service the line's service when it is to be tallied, else {@code null}
	 * @param arrivalTimeMs its arrival, for the tally
	 */
	final void write(byte[] line, String service, long arrivalTimeMs) throws IOException {
		append(line, service, arrivalTimeMs);
		this.bytes += line.length;
		this.lines++;
	}

	abstract void append(byte[] line, String service, long arrivalTimeMs) throws IOException;

	/** Makes everything written so far durable (hflush, or fsync for the spool). */
	abstract void flush() throws IOException;

	/**
	 * Flushes, closes, and makes the file visible to readers (HDFS) or replayable
	 * (spool).
	 */
	abstract void publish() throws IOException;

	/**
	 * The storage under this segment failed. An HDFS segment becomes an orphan that keeps
	 * its hflushed bytes and hands back the lines written since, for the spool; a spool
	 * segment has nowhere to go and rethrows.
	 * @param cause the failure
	 * @return the lines that must be written elsewhere, in order
	 */
	abstract List<byte[]> failOver(IOException cause) throws IOException;

	/**
	 * HDFS is back, and the spool is about to be replayed: a spool segment publishes
	 * itself to be replayed with the rest; an HDFS segment stays open.
	 * @return the segment to go on writing, or {@code null}
	 */
	abstract Segment closeForReplay() throws IOException;

}
