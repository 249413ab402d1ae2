package org.healthmon.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a health message in any of its JSON shapes (docs/architecture.md §3) from a
 * general JSON parser: keys in any case, {@code service} or {@code serviceName}, unknown
 * fields skipped, the timestamp as ISO-8601 text or an epoch number in any unit. One
 * reader per message: it reads field by field, remembers which fields it saw, and stops
 * at the first reason to reject. {@link HealthMessageJson#decode} falls back to it when
 * the compact canonical shape's fast path ({@link CanonicalJson}) does not apply.
 */
final class AnyShapeReader {

	/** Field names seen, lower-cased: senders use a handful, and the decoder is hot. */
	private static final Map<String, String> LOWER_CASE = new ConcurrentHashMap<>();

	private static final int LOWER_CASE_LIMIT = 1024;

	/** Whether the original assignment's shape gives CPU as a 0–1 fraction. */
	private final boolean legacyFraction;

	/** Whether the service was named {@code serviceName}: the assignment's shape. */
	private boolean legacy;

	private String service;

	private Long eventTimeMs;

	private Double cpu;

	/**
	 * CPU as written, for the exact percent of a fraction: 0.53 is 53, not
	 * 53.00000000000001.
	 */
	private String cpuText;

	private double[] ram;

	private double[] disk;

	private long seq = HealthMessage.NO_SEQ;

	private boolean seqSeen;

	private DecodeResult.Rejected rejected;

	/**
	 * @param legacyFraction whether the original assignment's shape gives CPU as a 0–1
	 * fraction
	 */
	AnyShapeReader(boolean legacyFraction) {
		this.legacyFraction = legacyFraction;
	}

	/** Reads and validates the message the parser is at; bad JSON throws. */
	DecodeResult read(JsonParser parser) throws IOException {
		JsonToken first = parser.nextToken();
		if (first == null) {
			return new DecodeResult.Rejected(RejectReason.NOT_JSON, "empty payload");
		}
		if (first != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return new DecodeResult.Rejected(RejectReason.NOT_AN_OBJECT, "expected a JSON object, found " + first);
		}
		while (this.rejected == null && parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = lowerCase(parser.currentName());
			parser.nextToken();
			field(name, parser);
		}
		if (this.rejected != null) {
			return this.rejected;
		}
		if (parser.nextToken() != null) {
			return new DecodeResult.Rejected(RejectReason.NOT_JSON, "content after the JSON object");
		}
		return complete();
	}

	private void field(String name, JsonParser parser) throws IOException {
		switch (name) {
			case "service", "servicename" -> {
				this.legacy = name.equals("servicename");
				if (once(this.service, "service")) {
					this.service = text(parser, "service", RejectReason.BAD_SERVICE_NAME);
				}
			}
			case "timestamp" -> {
				if (once(this.eventTimeMs, "timestamp")) {
					this.eventTimeMs = timestamp(parser);
				}
			}
			case "cpu" -> {
				if (once(this.cpu, "cpu")) {
					this.cpu = number(parser, "cpu");
					if (this.rejected == null) {
						this.cpuText = parser.getText();
					}
				}
			}
			case "ram" -> {
				if (once(this.ram, "ram")) {
					this.ram = totalAndFree(parser, "ram");
				}
			}
			case "disk" -> {
				if (once(this.disk, "disk")) {
					this.disk = totalAndFree(parser, "disk");
				}
			}
			case "seq" -> {
				if (once(this.seqSeen ? Boolean.TRUE : null, "seq")) {
					this.seqSeen = true;
					this.seq = sequence(parser);
				}
			}
			// Unknown fields are ignored, so senders may add fields before ingest
			// knows them
			default -> parser.skipChildren();
		}
	}

	private boolean once(Object previous, String field) {
		if (previous != null) {
			reject(RejectReason.DUPLICATE_FIELD, "field '" + field + "' appears more than once");
			return false;
		}
		return true;
	}

	private DecodeResult complete() {
		String missing = (this.service == null) ? "service" : (this.eventTimeMs == null) ? "timestamp"
				: (this.cpu == null) ? "cpu" : (this.ram == null) ? "ram" : (this.disk == null) ? "disk" : null;
		if (missing != null) {
			return new DecodeResult.Rejected(RejectReason.MISSING_FIELD, "required field '" + missing + "' is missing");
		}
		double cpu = (this.legacy && this.legacyFraction) ? percentOf(this.cpuText, this.cpu) : this.cpu;
		return MessageRules.check(new HealthMessage(this.service, this.eventTimeMs, cpu, this.ram[0], this.ram[1],
				this.disk[0], this.disk[1], this.seq));
	}

	/**
	 * The percent of a fraction, exactly in decimal when the number's text allows (short,
	 * with an exponent in range); not-a-number and infinities stay as they are for the
	 * rules to reject.
	 */
	private static double percentOf(String text, double fraction) {
		if (Double.isFinite(fraction) && text != null && text.length() <= 32) {
			try {
				return new BigDecimal(text).movePointRight(2).doubleValue();
			}
			catch (NumberFormatException ex) {
				// an exponent beyond int: the double is 0 or huge, and times 100 is
				// as good
			}
		}
		return fraction * 100;
	}

	private double[] totalAndFree(JsonParser parser, String field) throws IOException {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			parser.skipChildren();
			reject(RejectReason.BAD_NUMBER, field + " must be an object with total and free");
			return new double[2];
		}
		Double total = null;
		Double free = null;
		while (this.rejected == null && parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = lowerCase(parser.currentName());
			parser.nextToken();
			if (name.equals("total") && once(total, field + ".total")) {
				total = number(parser, field + ".total");
			}
			else if (name.equals("free") && once(free, field + ".free")) {
				free = number(parser, field + ".free");
			}
			else {
				parser.skipChildren();
			}
		}
		if (this.rejected == null && (total == null || free == null)) {
			reject(RejectReason.MISSING_FIELD,
					"required field '" + field + ((total == null) ? ".total" : ".free") + "' is missing");
		}
		return (this.rejected == null) ? new double[] { total, free } : new double[2];
	}

	private Double number(JsonParser parser, String field) throws IOException {
		JsonToken token = parser.currentToken();
		if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
			parser.skipChildren();
			reject(RejectReason.BAD_NUMBER, field + " must be a number, found " + describe(parser, token));
			return 0.0;
		}
		return parser.getDoubleValue();
	}

	private long sequence(JsonParser parser) throws IOException {
		if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
				|| parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
			parser.skipChildren();
			reject(RejectReason.BAD_NUMBER, "seq must be an integer");
			return HealthMessage.NO_SEQ;
		}
		long value = parser.getLongValue();
		if (value < 0) {
			reject(RejectReason.OUT_OF_RANGE, "seq must be >= 0, was " + value);
		}
		return value;
	}

	private String text(JsonParser parser, String field, RejectReason reason) throws IOException {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			parser.skipChildren();
			reject(reason, field + " must be a string");
			return "";
		}
		return parser.getText();
	}

	private Long timestamp(JsonParser parser) throws IOException {
		JsonToken token = parser.currentToken();
		try {
			if (token == JsonToken.VALUE_STRING) {
				String text = parser.getText();
				if (!IsoTimestamp.startsLikeADate(text)) {
					// without the parser's exception, which costs more than the message
					reject(RejectReason.BAD_TIMESTAMP, IsoTimestamp.NOT_ISO);
					return 0L;
				}
				return OffsetDateTime.parse(text).toInstant().toEpochMilli();
			}
			if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
				if (parser.isNaN()) {
					reject(RejectReason.BAD_TIMESTAMP, "timestamp must be finite");
					return 0L;
				}
				return HealthMessageJson.epochMillisByMagnitude(parser.getDecimalValue());
			}
		}
		catch (DateTimeParseException ex) {
			reject(RejectReason.BAD_TIMESTAMP, IsoTimestamp.NOT_ISO + ": " + ex.getMessage());
			return 0L;
		}
		catch (ArithmeticException | NumberFormatException ex) {
			// NumberFormatException: an exponent of too many digits
			reject(RejectReason.BAD_TIMESTAMP, "timestamp out of range: " + abbreviate(parser.getText()));
			return 0L;
		}
		parser.skipChildren();
		reject(RejectReason.BAD_TIMESTAMP,
				"timestamp must be an ISO-8601 string or an epoch number, found " + describe(parser, token));
		return 0L;
	}

	private static String describe(JsonParser parser, JsonToken token) throws IOException {
		return switch (token) {
			case VALUE_STRING -> "the string \"" + abbreviate(parser.getText()) + "\"";
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_NULL -> "null";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			default -> token.toString();
		};
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "...";
	}

	private void reject(RejectReason reason, String detail) {
		if (this.rejected == null) {
			this.rejected = new DecodeResult.Rejected(reason, detail);
		}
	}

	private static String lowerCase(String name) {
		String lower = LOWER_CASE.get(name);
		if (lower == null) {
			lower = name.toLowerCase(Locale.ROOT);
			if (LOWER_CASE.size() < LOWER_CASE_LIMIT) {
				LOWER_CASE.put(name, lower);
			}
		}
		return lower;
	}

}
