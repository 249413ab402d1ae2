package org.healthmon.importer;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How an input file is read. {@link #AUTO} chooses by the file's extension ({@code .gz}
 * after it for the text formats), and for {@code .csv} by its first line: a line of the
 * raw store's layout ({@code RawCsv}) makes it {@link #RAW_CSV}, anything else is taken
 * as the header of a {@link #CSV}.
 */
public enum InputFormat {

	/** By extension, and for {@code .csv} by the first line. */
	AUTO,
	/**
	 * Lines of the raw store ({@code RawCsv}), no header; their ingest time is dropped.
	 */
	RAW_CSV,
	/** A header line naming the columns (any case), then one record a line. */
	CSV,
	/** One JSON message a line, in either shape ({@code HealthMessageJson}). */
	JSONL,
	/** Parquet files of messages, one flat column a field. */
	PARQUET;

	/** Whether a file of this name is gzip-compressed (text formats only). */
	static boolean isGzip(Path file) {
		return lowerCaseName(file).endsWith(".gz");
	}

	/**
	 * The format of an input.
	 * @param file the input
	 * @param choice the format asked for, or {@link #AUTO}
	 * @param firstLine the file's first non-blank line, read only for a {@code .csv}
	 * under {@link #AUTO} (may return {@code null} for an empty file)
	 * @throws BadInputException when the extension tells no format
	 */
	static InputFormat detect(Path file, InputFormat choice, FirstLine firstLine) throws java.io.IOException {
		String name = lowerCaseName(file);
		boolean gzip = name.endsWith(".gz");
		String base = gzip ? name.substring(0, name.length() - 3) : name;
		if (choice == PARQUET || (choice == AUTO && base.endsWith(".parquet"))) {
			if (gzip) {
				throw new BadInputException(file + ": a Parquet file compresses its columns itself; gunzip it");
			}
			return PARQUET;
		}
		if (choice != AUTO) {
			return choice;
		}
		if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")) {
			return JSONL;
		}
		if (base.endsWith(".csv")) {
			String line = firstLine.read();
			return (line != null && RawCsvReader.looksLikeRawLine(line)) ? RAW_CSV : CSV;
		}
		throw new BadInputException(file + ": unknown format; name it .csv, .jsonl, .ndjson, .json or .parquet"
				+ " (text formats may end in .gz), or set healthmon.import.format");
	}

	private static String lowerCaseName(Path file) {
		Path name = file.getFileName();
		return (name != null) ? name.toString().toLowerCase(Locale.ROOT) : "";
	}

	/** Reads a file's first non-blank line when the format depends on it. */
	@FunctionalInterface
	interface FirstLine {

		String read() throws java.io.IOException;

	}

}
