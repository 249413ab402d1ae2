package org.healthmon.model;

/**
 * The text of a double in the message and raw-line formats: {@link Double#toString}'s.
 */
final class DecimalText {

	private DecimalText() {
	}

	/**
	 * Appends exactly what {@link Double#toString} would, faster for the common case of a
	 * value with at most four decimals: ingest formats five numbers per message, and the
	 * JDK's general algorithm was a tenth of its CPU. Such a value's four-decimal text is
	 * its shortest round-tripping text (a shorter one would lie 1e-4 away), and in [1e-3,
	 * 1e7) {@code Double.toString} writes it plainly, with at least one decimal.
	 */
	static StringBuilder append(StringBuilder line, double value) {
		if (value >= 1e-3 && value < 1e7) {
			long scaled = Math.round(value * 10_000);
			if ((double) scaled / 10_000 == value) {
				line.append(scaled / 10_000).append('.');
				int fraction = (int) (scaled % 10_000);
				if (fraction == 0) {
					return line.append('0');
				}
				int digits = 4;
				while (fraction % 10 == 0) {
					fraction /= 10;
					digits--;
				}
				String text = Integer.toString(fraction);
				for (int pad = text.length(); pad < digits; pad++) {
					line.append('0');
				}
				return line.append(text);
			}
		}
		return line.append(value);
	}

}
