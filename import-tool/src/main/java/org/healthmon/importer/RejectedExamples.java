package org.healthmon.importer;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.TsvText;

/**
 * The first rejected records of an import, kept for people to read
 * ({@code imports/<node>/rejected.tsv}): file, line, reason, detail and the record, one
 * TSV line each. The rest are only counted. Thread-safe.
 */
final class RejectedExamples {

	private final long limit;

	private final StringBuilder lines = new StringBuilder("file\tline\treason\tdetail\trecord\n");

	private long kept;

	RejectedExamples(long limit) {
		this.limit = limit;
	}

	/**
	 * Keeps a rejected record, unless the limit is reached; the record shown on demand.
	 */
	synchronized void add(String file, long line, DecodeResult.Rejected why, Supplier<String> shown) {
		if (this.kept < this.limit) {
			this.kept++;
			this.lines.append(TsvText.escape(file))
				.append('\t')
				.append(line)
				.append('\t')
				.append(why.reason().tag())
				.append('\t')
				.append(TsvText.escape(why.detail()))
				.append('\t')
				.append(TsvText.escape(shown.get()))
				.append('\n');
		}
	}

	/** The report, UTF-8. */
	synchronized byte[] report() {
		return this.lines.toString().getBytes(StandardCharsets.UTF_8);
	}

}
