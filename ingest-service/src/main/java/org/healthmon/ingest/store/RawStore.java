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
	 * Stores one accepted message. Thread-safe; waits while the write buffer is full.
	 */
	public void append(RawRecord record) {
		// Service names and numbers are ASCII, so ISO-8859-1 is the cheapest exact
		// encoding
		byte[] line = RawCsv.append(new StringBuilder(112), record).toString().getBytes(StandardCharsets.ISO_8859_1);
		this.writer.append(record.ingestTimeMs(), line);
	}

}
