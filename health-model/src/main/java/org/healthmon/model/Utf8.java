package org.healthmon.model;

/**
 * A check of UTF-8 that allocates and throws nothing, unlike the JDK's decoder, which
 * reports malformed input by throwing: on the receive path, before the JSON check
 * ({@link JsonSyntax}).
 */
final class Utf8 {

	private Utf8() {
	}

	/**
	 * Whether the bytes are well-formed UTF-8 (RFC 3629: no overlongs, no surrogates).
	 */
	static boolean isValid(byte[] b, int offset, int length) {
		int end = offset + length;
		int i = offset;
		while (i < end) {
			int c = b[i] & 0xFF;
			if (c < 0x80) {
				i++;
				continue;
			}
			int more;
			int min = 0x80;
			int max = 0xBF;
			if (c >= 0xC2 && c <= 0xDF) {
				more = 1;
			}
			else if (c >= 0xE0 && c <= 0xEF) {
				more = 2;
				min = (c == 0xE0) ? 0xA0 : 0x80;
				max = (c == 0xED) ? 0x9F : 0xBF;
			}
			else if (c >= 0xF0 && c <= 0xF4) {
				more = 3;
				min = (c == 0xF0) ? 0x90 : 0x80;
				max = (c == 0xF4) ? 0x8F : 0xBF;
			}
			else {
				return false;
			}
			if (i + more >= end) {
				return false;
			}
			int second = b[i + 1] & 0xFF;
			if (second < min || second > max) {
				return false;
			}
			for (int k = 2; k <= more; k++) {
				if ((b[i + k] & 0xC0) != 0x80) {
					return false;
				}
			}
			i += more + 1;
		}
		return true;
	}

}
