package org.healthmon.importer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.MessageRules;
import org.healthmon.model.RejectReason;

/**
 * Makes a message from column values, as a header CSV (text) or a Parquet file (numbers,
 * text, or null) holds them, and checks it with the message rules. Timestamps are read as
 * in JSON: ISO-8601 with an offset, or an epoch number in any unit
 * ({@link HealthMessageJson#epochMillisByMagnitude}). An empty or null value is a missing
 * field. Values are looked up through {@link Columns}.
 */
final class FieldValues {

	private static final String NOT_ISO = "timestamp must be ISO-8601 with an offset, e.g. 2026-11-22T05:31:02.123Z";

	private FieldValues() {
	}

	/** Reads column values to a message, by index. */
	@FunctionalInterface
	interface Row {

		Object get(int column);

	}

	/** The message a row holds, accepted, or the first rule it breaks. */
	static DecodeResult message(Columns columns, Row row) {
		try {
			String service = text(row, columns, Columns.Field.SERVICE);
			long eventTimeMs = timestamp(value(row, columns, Columns.Field.TIMESTAMP));
			double cpu = number(row, columns, Columns.Field.CPU);
			double ramTotal = number(row, columns, Columns.Field.RAM_TOTAL);
			double ramFree = number(row, columns, Columns.Field.RAM_FREE);
			double diskTotal = number(row, columns, Columns.Field.DISK_TOTAL);
			double diskFree = number(row, columns, Columns.Field.DISK_FREE);
			long seq = seq(row, columns);
			return MessageRules
				.check(new HealthMessage(service, eventTimeMs, cpu, ramTotal, ramFree, diskTotal, diskFree, seq));
		}
		catch (Bad ex) {
			return ex.rejected;
		}
	}

	private static Object value(Row row, Columns columns, Columns.Field field) {
		int column = columns.of(field);
		Object value = (column >= 0) ? row.get(column) : null;
		if (value == null || (value instanceof CharSequence text && text.isEmpty())) {
			throw new Bad(RejectReason.MISSING_FIELD, "no " + field.name().toLowerCase(java.util.Locale.ROOT));
		}
		return value;
	}

	private static String text(Row row, Columns columns, Columns.Field field) {
		return value(row, columns, field).toString();
	}

	private static double number(Row row, Columns columns, Columns.Field field) {
		Object value = value(row, columns, field);
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		try {
			return Double.parseDouble(value.toString());
		}
		catch (NumberFormatException ex) {
			throw new Bad(RejectReason.BAD_NUMBER, field.name().toLowerCase(java.util.Locale.ROOT)
					+ " must be a number, was '" + abbreviate(value.toString()) + "'");
		}
	}

	private static long seq(Row row, Columns columns) {
		int column = columns.of(Columns.Field.SEQ);
		Object value = (column >= 0) ? row.get(column) : null;
		if (value == null || (value instanceof CharSequence text && text.isEmpty())) {
			return HealthMessage.NO_SEQ;
		}
		if (value instanceof Long || value instanceof Integer) {
			return ((Number) value).longValue();
		}
		try {
			return Long.parseLong(value.toString());
		}
		catch (NumberFormatException ex) {
			throw new Bad(RejectReason.BAD_NUMBER,
					"seq must be an integer, was '" + abbreviate(value.toString()) + "'");
		}
	}

	/** Epoch ms of a timestamp value: ISO-8601 text, or an epoch number in any unit. */
	static long timestamp(Object value) {
		try {
			if (value instanceof Long || value instanceof Integer) {
				return HealthMessageJson.epochMillisByMagnitude(BigDecimal.valueOf(((Number) value).longValue()));
			}
			if (value instanceof Number number) {
				double d = number.doubleValue();
				if (!Double.isFinite(d)) {
					throw new Bad(RejectReason.BAD_TIMESTAMP, "timestamp must be finite");
				}
				return HealthMessageJson.epochMillisByMagnitude(BigDecimal.valueOf(d));
			}
			String text = value.toString().trim();
			if (text.length() >= 16 && text.charAt(4) == '-') {
				return OffsetDateTime.parse(text).toInstant().toEpochMilli();
			}
			return HealthMessageJson.epochMillisByMagnitude(new BigDecimal(text));
		}
		catch (DateTimeParseException ex) {
			throw new Bad(RejectReason.BAD_TIMESTAMP, NOT_ISO + ": " + ex.getMessage());
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw new Bad(RejectReason.BAD_TIMESTAMP,
					"timestamp must be ISO-8601 or an epoch number, was '" + abbreviate(value.toString()) + "'");
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "...";
	}

	/** A value that breaks a rule: ends the row's reading (no stack trace). */
	private static final class Bad extends RuntimeException {

		private final DecodeResult.Rejected rejected;

		Bad(RejectReason reason, String detail) {
			super(detail, null, false, false);
			this.rejected = new DecodeResult.Rejected(reason, detail);
		}

	}

}
