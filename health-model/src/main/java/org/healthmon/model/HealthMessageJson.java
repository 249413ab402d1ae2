package org.healthmon.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * The JSON shapes of a health message (docs/architecture.md §3): decodes the canonical
 * shape and the original assignment's shape (keys in any case, {@code serviceName},
 * trailing commas, epoch timestamps in s/ms/µs/ns), and encodes both. Thread-safe. The
 * compact canonical shape is read by {@link CanonicalJson}, every other shape by
 * {@link AnyShapeReader}.
 */
public final class HealthMessageJson {

	/** Largest datagram accepted: a legal message is about 200 bytes. */
	public static final int DEFAULT_MAX_BYTES = 4096;

	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

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

	private static final DecodeResult.Rejected UTF16_OR_32 = new DecodeResult.Rejected(RejectReason.NOT_UTF8,
			"payload looks like UTF-16 or UTF-32 (a NUL in its first two bytes)");

	private static final DecodeResult.Rejected NOT_UTF8 = new DecodeResult.Rejected(RejectReason.NOT_UTF8,
			"payload is not valid UTF-8");

	private static final DecodeResult.Rejected EMPTY = new DecodeResult.Rejected(RejectReason.NOT_JSON,
			"not JSON: empty payload");

	private static final DecodeResult.Rejected BROKEN = new DecodeResult.Rejected(RejectReason.NOT_JSON,
			"not JSON: broken syntax");

	private static final DecodeResult.Rejected CONTENT_AFTER = new DecodeResult.Rejected(RejectReason.NOT_JSON,
			"not JSON: content after the JSON value");

	private final int maxBytes;

	private final LegacyCpuUnit legacyCpuUnit;

	private final DecodeResult.Rejected oversized;

	public HealthMessageJson() {
		this(DEFAULT_MAX_BYTES);
	}

	public HealthMessageJson(int maxBytes) {
		this(maxBytes, LegacyCpuUnit.FRACTION);
	}

	public HealthMessageJson(int maxBytes, LegacyCpuUnit legacyCpuUnit) {
		this.maxBytes = maxBytes;
		this.legacyCpuUnit = legacyCpuUnit;
		this.oversized = new DecodeResult.Rejected(RejectReason.OVERSIZED,
				"datagram larger than the limit of " + maxBytes + " bytes");
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

	/**
	 * What {@link #decode} does without its shortcut for the canonical shape. Broken
	 * bytes and broken syntax are found without the parser, which reports them by
	 * throwing (docs/architecture.md §3.3), and get a rejection built once.
	 */
	DecodeResult decodeAnyShape(byte[] bytes, int offset, int length) {
		if (length > this.maxBytes) {
			return this.oversized;
		}
		if (looksLikeUtf16Or32(bytes, offset, length)) {
			return UTF16_OR_32;
		}
		if (!Utf8.isValid(bytes, offset, length)) {
			return NOT_UTF8;
		}
		switch (JsonSyntax.check(bytes, offset, length)) {
			case EMPTY -> {
				return EMPTY;
			}
			case BROKEN -> {
				return BROKEN;
			}
			case CONTENT_AFTER -> {
				return CONTENT_AFTER;
			}
			case JSON -> {
				// parsed below
			}
		}
		try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
			return new AnyShapeReader(this.legacyCpuUnit == LegacyCpuUnit.FRACTION).read(parser);
		}
		catch (JsonProcessingException ex) {
			return new DecodeResult.Rejected(RejectReason.NOT_JSON, "not JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			return new DecodeResult.Rejected(RejectReason.NOT_JSON, "not JSON: " + ex.getMessage());
		}
	}

	/** Whether the bytes are well-formed UTF-8; throws nothing, allocates nothing. */
	public static boolean isUtf8(byte[] bytes, int offset, int length) {
		return Utf8.isValid(bytes, offset, length);
	}

	/**
	 * Whether the payload starts like JSON in UTF-16 or UTF-32 without a byte order mark
	 * ({@code {\0"\0}, {@code \0{\0"}, ...): NUL bytes are valid UTF-8, so the UTF-8
	 * check lets them pass, and Jackson would detect such an encoding from the first
	 * bytes and decode it. No JSON text in UTF-8 holds a NUL byte (control characters
	 * must be escaped), so a NUL in the first two bytes is always another encoding. With
	 * a byte order mark ({@code FE FF}, {@code FF FE}) the UTF-8 check refuses it
	 * already.
	 */
	private static boolean looksLikeUtf16Or32(byte[] bytes, int offset, int length) {
		return length >= 2 && (bytes[offset] == 0 || bytes[offset + 1] == 0);
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

}
