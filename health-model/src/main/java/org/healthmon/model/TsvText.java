package org.healthmon.model;

/**
 * Text as one field of a tab-separated line, the form of the rejected records kept for
 * people to read (ingest's rejected store, an import's rejected report): backslash, tab
 * and line breaks escaped with a backslash ({@code \\ \t \n \r}), all else as it is.
 */
public final class TsvText {

	private TsvText() {
	}

	/** The value, escaped as one field. */
	public static String escape(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
