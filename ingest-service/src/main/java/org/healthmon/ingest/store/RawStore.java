package org.healthmon.ingest.store;

import java.nio.charset.StandardCharsets;

import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;

/**
 * The master dataset's writer: every accepted message becomes one raw CSV line in exactly
 * one published file of its arrival hour's partition (docs/architecture.md §4).
 */
public final class RawStore {

	private final RollingFileWriter writer;

	RawStore(RollingFileWriter writer) {
		this.writer = writer;
	}

	/**
	 * Tells a listener (the catalog) of every raw file published from now on, with its
	 * lines per service; call before the store starts.
	 */
	public void listen(RawPublishListener listener) {
		this.writer.target().listen(listener);
	}

	/**
	 * Whether the writer has started and nothing waits for recovery: every file a crash
	 * left behind is published (and its listener told).
	 */
	public boolean settled() {
		return this.writer.target().settled();
	}

	/**
	 * Stores one accepted message. Thread-safe; waits while the write buffer is full.
	 */
	public void append(RawRecord record) {
		// Service names and numbers are ASCII, so ISO-8859-1 is the cheapest exact
		// encoding
		byte[] line = RawCsv.append(new StringBuilder(112), record).toString().getBytes(StandardCharsets.ISO_8859_1);
		this.writer.append(record.ingestTimeMs(), line, record.message().service());
	}

}
