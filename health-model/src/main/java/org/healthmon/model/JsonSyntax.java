package org.healthmon.model;

/**
 * A check of JSON syntax (after {@link Utf8}'s) that allocates and throws nothing, run
 * before the JSON parser: the parser reports a syntax error by throwing, and an exception
 * costs more than decoding a whole valid message, so a flood of broken datagrams would
 * cost ingest several times what valid ones cost (docs/architecture.md §3.3).
 *
 * <p>
 * It accepts what the decoder's parser accepts (RFC 8259 with trailing commas and
 * {@code NaN}/{@code Infinity}) and may accept a little more (no limit on number length;
 * nesting deeper than {@value #MAX_DEPTH} is left to the parser), never less: where it
 * says "not JSON" the parser would have thrown, so no message changes its outcome.
 */
final class JsonSyntax {

	/** Nesting the scanner follows itself (a bit each); deeper is left to the parser. */
	static final int MAX_DEPTH = 64;

	private JsonSyntax() {
	}

	/** What {@link #check} found. */
	enum Verdict {

		/** One JSON value, as far as the scanner can tell. */
		JSON,
		/** Nothing but whitespace. */
		EMPTY,
		/** Broken: the parser would throw. */
		BROKEN,
		/** A whole value, then more than whitespace. */
		CONTENT_AFTER

	}

	/**
	 * Whether the bytes hold exactly one JSON value, with optional whitespace around it.
	 * The bytes must be valid UTF-8 ({@link Utf8#isValid}).
	 */
	static Verdict check(byte[] b, int offset, int length) {
		return new Scanner(b, offset, offset + length).document();
	}

	/**
	 * One pass over the bytes with a stack of open containers in the bits of a long (1
	 * for an object), innermost lowest.
	 */
	private static final class Scanner {

		private final byte[] b;

		private final int end;

		private int pos;

		private long open;

		private int depth;

		/** Whether the nesting went past {@link #MAX_DEPTH}: the parser decides then. */
		private boolean tooDeep;

		Scanner(byte[] b, int offset, int end) {
			this.b = b;
			this.pos = offset;
			this.end = end;
		}

		Verdict document() {
			skipWhitespace();
			if (this.pos == this.end) {
				return Verdict.EMPTY;
			}
			if (!value()) {
				return this.tooDeep ? Verdict.JSON : Verdict.BROKEN;
			}
			while (this.depth > 0) {
				if (!afterValue()) {
					return this.tooDeep ? Verdict.JSON : Verdict.BROKEN;
				}
			}
			skipWhitespace();
			return (this.pos == this.end) ? Verdict.JSON : Verdict.CONTENT_AFTER;
		}

		/**
		 * After a value inside a container: a comma and the next member, or the close.
		 * Ends having read a whole value or closed a container.
		 */
		private boolean afterValue() {
			skipWhitespace();
			if (this.pos == this.end) {
				return false;
			}
			byte container = ((this.open & 1) != 0) ? (byte) '{' : (byte) '[';
			byte c = this.b[this.pos];
			if (c == ',') {
				this.pos++;
				skipWhitespace();
				if (this.pos < this.end && this.b[this.pos] == closing(container)) {
					// a trailing comma, which the decoder allows
					close();
					return true;
				}
				return member(container);
			}
			if (c == closing(container)) {
				close();
				return true;
			}
			return false;
		}

		/**
		 * A member of a container: a value, or for an object a name, a colon and a value.
		 */
		private boolean member(byte container) {
			if (container == '{') {
				if (this.pos == this.end || this.b[this.pos] != '"' || !string()) {
					return false;
				}
				skipWhitespace();
				if (this.pos == this.end || this.b[this.pos] != ':') {
					return false;
				}
				this.pos++;
			}
			return value();
		}

		/**
		 * One value; a container is opened and its first member read (or it is closed
		 * right away), the rest is left to {@link #afterValue}.
		 */
		private boolean value() {
			skipWhitespace();
			if (this.pos == this.end) {
				return false;
			}
			byte c = this.b[this.pos];
			switch (c) {
				case '{', '[' -> {
					this.pos++;
					skipWhitespace();
					if (this.pos < this.end && this.b[this.pos] == closing(c)) {
						this.pos++;
						return true;
					}
					if (this.depth == MAX_DEPTH) {
						this.tooDeep = true;
						return false;
					}
					this.open = (this.open << 1) | ((c == '{') ? 1 : 0);
					this.depth++;
					return member(c);
				}
				case '"' -> {
					return string();
				}
				case 't' -> {
					return word("true");
				}
				case 'f' -> {
					return word("false");
				}
				case 'n' -> {
					return word("null");
				}
				case 'N' -> {
					return word("NaN");
				}
				case 'I' -> {
					return word("Infinity");
				}
				case '+' -> {
					this.pos++;
					return word("Infinity") || word("INF");
				}
				default -> {
					return number();
				}
			}
		}

		private boolean string() {
			this.pos++;
			while (this.pos < this.end) {
				int c = this.b[this.pos++] & 0xFF;
				if (c == '"') {
					return true;
				}
				if (c < 0x20) {
					return false;
				}
				if (c == '\\') {
					if (this.pos == this.end) {
						return false;
					}
					byte escaped = this.b[this.pos++];
					if (escaped == 'u') {
						for (int k = 0; k < 4; k++) {
							if (this.pos == this.end || !isHex(this.b[this.pos++])) {
								return false;
							}
						}
					}
					else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
						return false;
					}
				}
			}
			return false;
		}

		/**
		 * {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, or -Infinity.
		 */
		private boolean number() {
			if (this.b[this.pos] == '-') {
				this.pos++;
				if (this.pos < this.end && (this.b[this.pos] == 'I')) {
					return word("Infinity") || word("INF");
				}
			}
			if (this.pos == this.end || !isDigit(this.b[this.pos])) {
				return false;
			}
			if (this.b[this.pos++] != '0') {
				digits();
			}
			if (this.pos < this.end && this.b[this.pos] == '.') {
				this.pos++;
				if (digits() == 0) {
					return false;
				}
			}
			if (this.pos < this.end && (this.b[this.pos] == 'e' || this.b[this.pos] == 'E')) {
				this.pos++;
				if (this.pos < this.end && (this.b[this.pos] == '+' || this.b[this.pos] == '-')) {
					this.pos++;
				}
				return digits() > 0;
			}
			return true;
		}

		private void close() {
			this.pos++;
			this.open >>>= 1;
			this.depth--;
		}

		private int digits() {
			int start = this.pos;
			while (this.pos < this.end && isDigit(this.b[this.pos])) {
				this.pos++;
			}
			return this.pos - start;
		}

		private boolean word(String word) {
			int n = word.length();
			if (this.end - this.pos < n) {
				return false;
			}
			for (int k = 0; k < n; k++) {
				if (this.b[this.pos + k] != word.charAt(k)) {
					return false;
				}
			}
			this.pos += n;
			return true;
		}

		private void skipWhitespace() {
			while (this.pos < this.end) {
				byte c = this.b[this.pos];
				if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
					return;
				}
				this.pos++;
			}
		}

		private static byte closing(byte open) {
			return (byte) ((open == '{') ? '}' : ']');
		}

		private static boolean isDigit(byte c) {
			return c >= '0' && c <= '9';
		}

		private static boolean isHex(byte c) {
			return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
		}

	}

}
