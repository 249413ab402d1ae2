package org.healthmon.alerts.rules;

import java.util.Locale;

/**
 * What an alert says: {@link #RED} a resource stays above its threshold, {@link #AMBER}
 * it is heading there, {@link #DOWN} the service went silent.
 */
public enum Severity {

	RED, AMBER, DOWN;

	/** The name in labels and the API: {@code red}, {@code amber}, {@code down}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The severity a label names, in any case.
	 * @throws IllegalArgumentException naming the allowed values
	 */
	public static Severity of(String label) {
		for (Severity severity : values()) {
			if (severity.name().equalsIgnoreCase(label)) {
				return severity;
			}
		}
		throw new IllegalArgumentException("'" + label + "' is not a severity: red, amber or down");
	}

}
