package org.healthmon.model;

/**
 * A timestamp given as text: what it must look like. The JDK's parser reports text that
 * is no date by throwing, which costs more than decoding a whole message, so text that
 * cannot be a date in the accepted years is told apart first.
 */
final class IsoTimestamp {

	static final String NOT_ISO = "timestamp must be ISO-8601 with an offset, e.g. 2026-11-22T05:31:02.123Z";

	private IsoTimestamp() {
	}

	/**
	 * Whether a text starts like an ISO-8601 date of years 0000-9999, {@code YYYY-}:
	 * every accepted time does ([2000, 2100)).
	 */
	static boolean startsLikeADate(String text) {
		if (text.length() < 16 || text.charAt(4) != '-') {
			return false;
		}
		for (int i = 0; i < 4; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
