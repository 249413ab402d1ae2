package org.healthmon.model;

/**
 * The raw store's line format (docs/architecture.md §4), one accepted message per line,
 * no header:
 * {@code service,event_time_ms,ingest_time_ms,cpu_pct,ram_total_gb,ram_free_gb,disk_total_gb,disk_free_gb}.
 *
 * <p>
 * Numbers are written with {@link Double#toString}, the shortest text that reads back as
 * the same double, so a line round-trips exactly. Service names cannot hold commas.
 */
public final class RawCsv {

	private static final int FIELDS = 8;

	private RawCsv() {
	}

	/** Appends the line of a record, with its trailing newline. */
	public static StringBuilder append(StringBuilder line, RawRecord record) {
		HealthMessage m = record.message();
		line.append(m.service()).append(',').append(m.eventTimeMs()).append(',').append(record.ingestTimeMs());
		DecimalText.append(line.append(','), m.cpuPct());
		DecimalText.append(line.append(','), m.ramTotalGb());
		DecimalText.append(line.append(','), m.ramFreeGb());
		DecimalText.append(line.append(','), m.diskTotalGb());
		DecimalText.append(line.append(','), m.diskFreeGb());
		return line.append('\n');
	}

	/** The line of a record, without a newline. */
	public static String format(RawRecord record) {
		StringBuilder line = append(new StringBuilder(96), record);
		return line.substring(0, line.length() - 1);
	}

	/**
	 * Parses one line (without its newline) and checks it against the same rules as the
	 * decoder.
	 * @throws BadLineException when the line is malformed or breaks a rule
	 */
	public static RawRecord parse(String line) {
		int[] commas = new int[FIELDS - 1];
		int found = 0;
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) == ',') {
				if (found == commas.length) {
					throw new BadLineException(RejectReason.NOT_JSON, "more than " + FIELDS + " fields");
				}
				commas[found++] = i;
			}
		}
		if (found != commas.length) {
			throw new BadLineException(RejectReason.NOT_JSON, (found + 1) + " fields, expected " + FIELDS);
		}
		try {
			HealthMessage m = new HealthMessage(line.substring(0, commas[0]), longField(line, commas, 1),
					doubleField(line, commas, 3), doubleField(line, commas, 4), doubleField(line, commas, 5),
					doubleField(line, commas, 6), doubleField(line, commas, 7), HealthMessage.NO_SEQ);
			if (MessageRules.check(m) instanceof DecodeResult.Rejected rejected) {
				throw new BadLineException(rejected.reason(), rejected.detail());
			}
			return new RawRecord(m, longField(line, commas, 2));
		}
		catch (NumberFormatException ex) {
			throw new BadLineException(RejectReason.BAD_NUMBER, ex.getMessage());
		}
	}

	private static String field(String line, int[] commas, int index) {
		int end = (index < commas.length) ? commas[index] : line.length();
		return line.substring(commas[index - 1] + 1, end);
	}

	private static long longField(String line, int[] commas, int index) {
		return Long.parseLong(field(line, commas, index));
	}

	private static double doubleField(String line, int[] commas, int index) {
		return Double.parseDouble(field(line, commas, index));
	}

	/** A raw line that cannot be read, with the reason. */
	public static final class BadLineException extends IllegalArgumentException {

		private final RejectReason reason;

		public BadLineException(RejectReason reason, String detail) {
			super(reason.tag() + ": " + detail);
			this.reason = reason;
		}

		public RejectReason reason() {
			return this.reason;
		}

	}

}
