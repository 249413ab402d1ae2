package org.healthmon.importer;

import java.util.function.Supplier;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;

/** Where a reader hands each record of an input: valid by the message rules, or not. */
interface RecordSink {

	/**
	 * A record that passes {@code MessageRules}.
	 * @param line its line (text formats) or record number (Parquet), from 1
	 */
	void accept(HealthMessage message, long line);

	/**
	 * A record that does not.
	 * @param shown the record as text, asked for only when it is kept as an example
	 */
	void reject(DecodeResult.Rejected rejected, long line, Supplier<String> shown);

}
