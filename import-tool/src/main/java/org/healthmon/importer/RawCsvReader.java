package org.healthmon.importer;

import java.io.IOException;
import java.nio.file.Path;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.RawCsv;

/**
 * Lines of the raw store's layout ({@link RawCsv}), checked by its codec with the message
 * rules; the ingest time they carry is dropped (the import's start replaces it).
 */
final class RawCsvReader extends TextReader {

	private static final int FIELDS = 8;

	RawCsvReader(Path file) throws IOException {
		super(file);
	}

	/**
	 * Whether a line has the raw layout's shape: eight fields, all but the service
	 * numbers. A header line (names, not numbers) has not.
	 */
	static boolean looksLikeRawLine(String line) {
		String[] fields = line.split(",", -1);
		if (fields.length != FIELDS) {
			return false;
		}
		try {
			for (int i = 1; i < FIELDS; i++) {
				Double.parseDouble(fields[i]);
			}
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	@Override
	protected void line(RecordSink sink) {
		try {
			sink.accept(RawCsv.parse(this.lines.text()).message(), this.lines.number());
		}
		catch (RawCsv.BadLineException ex) {
			String detail = ex.getMessage().substring(ex.reason().tag().length() + 2);
			sink.reject(new DecodeResult.Rejected(ex.reason(), detail), this.lines.number(), this.lines::shown);
		}
	}

}
