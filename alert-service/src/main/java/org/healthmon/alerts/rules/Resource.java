package org.healthmon.alerts.rules;

import java.util.Locale;

/**
 * A resource a service reports and the alerts watch, with its name in labels and URLs.
 */
public enum Resource {

	CPU("CPU"), RAM("RAM"), DISK("disk");

	private final String title;

	Resource(String title) {
		this.title = title;
	}

	/**
	 * The name in labels, properties and the API: {@code cpu}, {@code ram}, {@code disk}.
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The name in sentences, e.g. "CPU 93 % for 4 min". */
	public String title() {
		return this.title;
	}

}
