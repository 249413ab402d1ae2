package org.healthmon.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * The JSON shapes of a health message (docs/architecture.md §3): decodes the canonical
 * shape and the original assignment's shape (keys in any case, {@code serviceName},
 * trailing commas, epoch timestamps in s/ms/µs/ns), and encodes both. Thread-safe.
 */
public final class HealthMessageJson {

	/** Largest datagram accepted: a legal message is about 200 bytes. */
	public static final int DEFAULT_MAX_BYTES = 4096;

	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	/** Field names seen, lower-cased: senders use a handful, and the decoder is hot. */
	private static final Map<String, String> LOWER_CASE = new ConcurrentHashMap<>();

	private static final int LOWER_CASE_LIMIT = 1024;

	/**
	 * The unit of {@code CPU} in the original assignment's shape (a message naming its
	 * service {@code serviceName}): its mock services send {@code random.random()}, a
	 * fraction of one core's time from 0 to 1, so {@link #FRACTION} is the default; a
	 * sender of that shape that sends percent asks for {@link #PERCENT}. The canonical
	 * shape always carries percent.
	 */
	public enum LegacyCpuUnit {

		FRACTION, PERCENT

	}

	private final int maxBytes;

	private final LegacyCpuUnit legacyCpuUnit;

	public HealthMessageJson() {
		this(DEFAULT_MAX_BYTES);
	}

	public HealthMessageJson(int maxBytes) {
		this(maxBytes, LegacyCpuUnit.FRACTION);
	}

	public HealthMessageJson(int maxBytes, LegacyCpuUnit legacyCpuUnit) {
		this.maxBytes = maxBytes;
		this.legacyCpuUnit = legacyCpuUnit;
	}

	public int maxBytes() {
		return this.maxBytes;
	}

	public DecodeResult decode(byte[] bytes) {
		return decode(bytes, 0, bytes.length);
	}

	/**
	 * Decodes and validates one datagram's payload; never throws on bad input. The
	 * compact canonical shape is read without a general JSON parser
	 * ({@link CanonicalJson}), to the same result.
	 */
	public DecodeResult decode(byte[] bytes, int offset, int length) {
		HealthMessage canonical = (length <= this.maxBytes) ? CanonicalJson.read(bytes, offset, length) : null;
		return (canonical != null) ? MessageRules.check(canonical) : decodeAnyShape(bytes, offset, length);
	}

	/** What {@link #decode} does without its shortcut for the canonical shape. */
	DecodeResult decodeAnyShape(byte[] bytes, int offset, int length) {
		if (length > this.maxBytes) {
			return new DecodeResult.Rejected(RejectReason.OVERSIZED,
					"datagram of " + length + " bytes exceeds the limit of " + this.maxBytes);
		}
		if (!isUtf8(bytes, offset, length)) {
			return new DecodeResult.Rejected(RejectReason.NOT_UTF8, "payload is not valid UTF-8");
		}
		try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
			return new Fields(this.legacyCpuUnit == LegacyCpuUnit.FRACTION).read(parser);
		}
		catch (JsonProcessingException ex) {
			return new DecodeResult.Rejected(RejectReason.NOT_JSON, "not JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			return new DecodeResult.Rejected(RejectReason.NOT_JSON, "not JSON: " + ex.getMessage());
		}
	}

	private static boolean isUtf8(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			if (bytes[i] < 0) {
				try {
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(bytes, offset, length));
					return true;
				}
				catch (CharacterCodingException ex) {
					return false;
				}
			}
		}
		return true;
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

	/** The canonical shape, compact, one line. */
	public byte[] encode(HealthMessage m) {
		StringBuilder json = new StringBuilder(192);
		json.append("{\"service\":\"").append(m.service()).append("\",\"timestamp\":").append(m.eventTimeMs());
		DecimalText.append(json.append(",\"cpu\":"), m.cpuPct());
		DecimalText.append(json.append(",\"ram\":{\"total\":"), m.ramTotalGb());
		DecimalText.append(json.append(",\"free\":"), m.ramFreeGb());
		DecimalText.append(json.append("},\"disk\":{\"total\":"), m.diskTotalGb());
		DecimalText.append(json.append(",\"free\":"), m.diskFreeGb());
		json.append('}');
		if (m.hasSeq()) {
			json.append(",\"seq\":").append(m.seq());
		}
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The original assignment's shape, as its mock services send it: pretty-printed,
	 * capitalised keys, {@code serviceName}, a trailing comma, the timestamp in epoch
	 * nanoseconds, CPU in this decoder's {@link LegacyCpuUnit}.
	 */
	public byte[] encodeLegacy(HealthMessage m) {
		StringBuilder json = new StringBuilder(256);
		json.append("{\n \"serviceName\": \"").append(m.service()).append("\",\n");
		json.append(" \"Timestamp\": ").append(Math.multiplyExact(m.eventTimeMs(), 1_000_000L)).append(",\n");
		json.append(" \"CPU\": ");
		if (this.legacyCpuUnit == LegacyCpuUnit.FRACTION && Double.isFinite(m.cpuPct())) {
			json.append(BigDecimal.valueOf(m.cpuPct()).movePointLeft(2).toPlainString());
		}
		else {
			json.append(m.cpuPct());
		}
		json.append(",\n");
		json.append(" \"RAM\": {\n \"Total\": ").append(m.ramTotalGb()).append(",\n \"Free\": ").append(m.ramFreeGb());
		json.append("\n },\n \"Disk\": {\n \"Total\": ").append(m.diskTotalGb());
		json.append(",\n \"Free\": ").append(m.diskFreeGb()).append("\n },\n");
		if (m.hasSeq()) {
			json.append(" \"Seq\": ").append(m.seq()).append(",\n");
		}
		return json.append("}").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Epoch milliseconds from an epoch number whose unit is told by its magnitude: below
	 * 1e11 seconds, below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds.
	 * (1e11 s is the year 5138; 1e14 ms the year 5138; so no valid time is ambiguous.)
	 */
	public static long epochMillisByMagnitude(BigDecimal epoch) {
		// A short exponent (1e999999999) would make the scaling below build a power of
		// ten of a billion digits: a datagram of 100 bytes would burn minutes of CPU.
		if ((long) epoch.precision() - epoch.scale() > 20 || epoch.scale() > 1_000) {
			throw new ArithmeticException("epoch number out of range: " + epoch);
		}
		BigDecimal abs = epoch.abs();
		int shift;
		if (abs.compareTo(BigDecimal.valueOf(1e11)) < 0) {
			shift = 3;
		}
		else if (abs.compareTo(BigDecimal.valueOf(1e14)) < 0) {
			shift = 0;
		}
		else if (abs.compareTo(BigDecimal.valueOf(1e17)) < 0) {
			shift = -3;
		}
		else {
			shift = -6;
		}
		return epoch.movePointRight(shift).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
	}

	/** Reads one message object field by field, remembering which fields it saw. */
	private static final class Fields {

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

		Fields(boolean legacyFraction) {
			this.legacyFraction = legacyFraction;
		}

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
				return new DecodeResult.Rejected(RejectReason.MISSING_FIELD,
						"required field '" + missing + "' is missing");
			}
			double cpu = (this.legacy && this.legacyFraction) ? percentOf(this.cpuText, this.cpu) : this.cpu;
			return MessageRules.check(new HealthMessage(this.service, this.eventTimeMs, cpu, this.ram[0], this.ram[1],
					this.disk[0], this.disk[1], this.seq));
		}

		/**
		 * The percent of a fraction, exactly in decimal when the number's text allows
		 * (short, with an exponent in range); not-a-number and infinities stay as they
		 * are for the rules to reject.
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
					return OffsetDateTime.parse(parser.getText()).toInstant().toEpochMilli();
				}
				if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
					if (parser.isNaN()) {
						reject(RejectReason.BAD_TIMESTAMP, "timestamp must be finite");
						return 0L;
					}
					return epochMillisByMagnitude(parser.getDecimalValue());
				}
			}
			catch (DateTimeParseException ex) {
				reject(RejectReason.BAD_TIMESTAMP,
						"timestamp must be ISO-8601 with an offset, e.g. 2026-11-22T05:31:02.123Z: " + ex.getMessage());
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

	}

}
