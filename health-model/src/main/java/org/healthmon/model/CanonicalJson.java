package org.healthmon.model;

import java.nio.charset.StandardCharsets;

/**
 * A reader for exactly the compact canonical shape that {@link HealthMessageJson#encode}
 * writes, keys in its order, with an epoch-millisecond timestamp: <pre>
 * {"service":"orders","timestamp":1763789462123,"cpu":37.5,"ram":{"total":16.0,"free":5.2},"disk":{"total":512.0,"free":200.1},"seq":42}
 * </pre> It is ingest's hot path: a general JSON parser was a quarter of ingest's CPU at
 * 100,000 messages a second. Anything else, including everything invalid, is left to the
 * general decoder: this reader answers only where it reads exactly the values the general
 * decoder would, so the two never disagree (HealthMessageJsonTests compares them on
 * millions of messages, valid, mutated and cut). Numbers: plain decimals with at most 15
 * significant digits, each read as one division of two exact doubles, which is the
 * correctly rounded value, as the general parser reads it.
 */
final class CanonicalJson {

	private static final byte[] SERVICE = ascii("{\"service\":\"");

	private static final byte[] TIMESTAMP = ascii("\",\"timestamp\":");

	private static final byte[] CPU = ascii(",\"cpu\":");

	private static final byte[] RAM_TOTAL = ascii(",\"ram\":{\"total\":");

	private static final byte[] FREE = ascii(",\"free\":");

	private static final byte[] DISK_TOTAL = ascii("},\"disk\":{\"total\":");

	/** What precedes each number: cpu, ram total and free, disk total and free. */
	private static final byte[][] NUMBERS = { CPU, RAM_TOTAL, FREE, DISK_TOTAL, FREE };

	private static final byte[] SEQ = ascii("},\"seq\":");

	private static final byte[] END = ascii("}}");

	/** Exact powers of ten as doubles: 10^22 is the largest. */
	private static final double[] POWERS_OF_TEN = new double[23];

	/** Most digits of a number read here: its value is below 2^53, an exact double. */
	private static final int MAX_DIGITS = 15;

	/** Most digits of an integer (timestamp, seq) read here: below 10^18, a long. */
	private static final int MAX_INTEGER_DIGITS = 18;

	/** Characters of a valid service name ({@link MessageRules}). */
	private static final boolean[] NAME_CHARS = new boolean[128];

	static {
		double power = 1;
		for (int i = 0; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = power;
			power *= 10;
		}
		for (char c : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".toCharArray()) {
			NAME_CHARS[c] = true;
		}
	}

	private final byte[] bytes;

	private final int end;

	private int position;

	private CanonicalJson(byte[] bytes, int offset, int length) {
		this.bytes = bytes;
		this.position = offset;
		this.end = offset + length;
	}

	/**
	 * The message, when the bytes are exactly the canonical shape with plain numbers;
	 * {@code null} for anything else (the general decoder's case). The message is not
	 * checked against {@link MessageRules} yet.
	 */
	static HealthMessage read(byte[] bytes, int offset, int length) {
		return new CanonicalJson(bytes, offset, length).message();
	}

	private HealthMessage message() {
		if (!literal(SERVICE)) {
			return null;
		}
		String service = name();
		if (service == null || !literal(TIMESTAMP)) {
			return null;
		}
		long timestamp = integer();
		if (timestamp < 0) {
			return null;
		}
		double[] numbers = new double[NUMBERS.length];
		for (int i = 0; i < NUMBERS.length; i++) {
			if (!literal(NUMBERS[i]) || Double.isNaN(numbers[i] = number())) {
				return null;
			}
		}
		long seq = HealthMessage.NO_SEQ;
		if (literal(SEQ)) {
			seq = integer();
			if (seq < 0 || !literal(END, 1)) {
				return null;
			}
		}
		else if (!literal(END)) {
			return null;
		}
		if (this.position != this.end) {
			return null;
		}
		return new HealthMessage(service, epochMillis(timestamp), numbers[0], numbers[1], numbers[2], numbers[3],
				numbers[4], seq);
	}

	/** Skips the literal when the bytes at the position are it. */
	private boolean literal(byte[] literal) {
		return literal(literal, literal.length);
	}

	private boolean literal(byte[] literal, int length) {
		if (this.end - this.position < length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (this.bytes[this.position + i] != literal[i]) {
				return false;
			}
		}
		this.position += length;
		return true;
	}

	/** A string of name characters up to its closing quote, or {@code null}. */
	private String name() {
		int start = this.position;
		while (this.position < this.end) {
			int b = this.bytes[this.position];
			if (b == '"') {
				return new String(this.bytes, start, this.position - start, StandardCharsets.ISO_8859_1);
			}
			if (b < 0 || !NAME_CHARS[b]) {
				return null;
			}
			this.position++;
		}
		return null;
	}

	/**
	 * A JSON integer without sign, fraction or exponent, of at most 18 digits; -1 when
	 * the number is anything else.
	 */
	private long integer() {
		int start = this.position;
		long value = 0;
		while (this.position < this.end && isDigit(this.bytes[this.position])) {
			value = value * 10 + (this.bytes[this.position++] - '0');
		}
		int digits = this.position - start;
		if (digits == 0 || digits > MAX_INTEGER_DIGITS || (digits > 1 && this.bytes[start] == '0')
				|| fractionOrExponent()) {
			return -1;
		}
		return value;
	}

	/**
	 * A plain JSON decimal without sign or exponent, of at most 15 significant digits;
	 * NaN when the number is anything else.
	 */
	private double number() {
		int start = this.position;
		long mantissa = 0;
		int digits = 0;
		while (this.position < this.end && isDigit(this.bytes[this.position])) {
			mantissa = mantissa * 10 + (this.bytes[this.position++] - '0');
			digits++;
		}
		if (digits == 0 || (digits > 1 && this.bytes[start] == '0')) {
			return Double.NaN;
		}
		int decimals = 0;
		if (this.position < this.end && this.bytes[this.position] == '.') {
			this.position++;
			while (this.position < this.end && isDigit(this.bytes[this.position])) {
				mantissa = mantissa * 10 + (this.bytes[this.position++] - '0');
				decimals++;
			}
			if (decimals == 0) {
				return Double.NaN;
			}
		}
		if (digits + decimals > MAX_DIGITS || fractionOrExponent()) {
			return Double.NaN;
		}
		// both exact, so the quotient is correctly rounded: what the general parser reads
		return (double) mantissa / POWERS_OF_TEN[decimals];
	}

	/** Whether a number goes on where this reader stops reading it. */
	private boolean fractionOrExponent() {
		if (this.position >= this.end) {
			return false;
		}
		byte b = this.bytes[this.position];
		return b == '.' || b == 'e' || b == 'E' || isDigit(b);
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

	/** The same unit rule as {@link HealthMessageJson#epochMillisByMagnitude}. */
	private static long epochMillis(long epoch) {
		if (epoch < 100_000_000_000L) {
			return epoch * 1000;
		}
		if (epoch < 100_000_000_000_000L) {
			return epoch;
		}
		if (epoch < 100_000_000_000_000_000L) {
			return epoch / 1000;
		}
		return epoch / 1_000_000;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
