package org.healthmon.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of a header CSV or a Parquet file: which column holds each field of a
 * message, found by name in any case. Unknown columns are skipped; a missing required one
 * refuses the file.
 */
final class Columns {

	/** A field of a message and the column names that hold it. */
	enum Field {

		SERVICE(true, "service", "servicename", "service_name"),
		TIMESTAMP(true, "timestamp", "event_time_ms", "event_time", "time", "timestamp_ms"),
		CPU(true, "cpu", "cpu_pct"), RAM_TOTAL(true, "ram_total", "ram_total_gb"),
		RAM_FREE(true, "ram_free", "ram_free_gb"), DISK_TOTAL(true, "disk_total", "disk_total_gb"),
		DISK_FREE(true, "disk_free", "disk_free_gb"), SEQ(false, "seq");

		private final boolean required;

		private final List<String> names;

		Field(boolean required, String... names) {
			this.required = required;
			this.names = List.of(names);
		}

	}

	private static final Map<String, Field> BY_NAME = Arrays.stream(Field.values())
		.flatMap((f) -> f.names.stream().map((name) -> Map.entry(name, f)))
		.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

	private final int[] index;

	private Columns(int[] index) {
		this.index = index;
	}

	/**
	 * Resolves column names (a header line's, a Parquet schema's) to fields.
	 * @param file the input, for the message
	 * @throws BadInputException when a required field has no column, or two columns hold
	 * one field
	 */
	static Columns resolve(List<String> names, String file) {
		int[] index = new int[Field.values().length];
		Arrays.fill(index, -1);
		for (int i = 0; i < names.size(); i++) {
			Field field = BY_NAME.get(names.get(i).trim().toLowerCase(Locale.ROOT));
			if (field == null) {
				continue;
			}
			if (index[field.ordinal()] >= 0) {
				throw new BadInputException(file + ": two columns hold " + field.names.get(0) + ": "
						+ names.get(index[field.ordinal()]) + " and " + names.get(i));
			}
			index[field.ordinal()] = i;
		}
		for (Field field : Field.values()) {
			if (field.required && index[field.ordinal()] < 0) {
				throw new BadInputException(file + ": no column for " + field.names.get(0) + " (any of " + field.names
						+ ", in any case); columns are " + names
						+ ". A file of raw lines without a header: set healthmon.import.format=raw-csv");
			}
		}
		return new Columns(index);
	}

	/** The column of a field, or -1 (only for optional fields). */
	int of(Field field) {
		return this.index[field.ordinal()];
	}

}
