package org.healthmon.alerts.api;

import org.jspecify.annotations.Nullable;

/** A request parameter that cannot be used: a 400 problem detail naming it. */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	private final @Nullable String value;

	public BadParameterException(String parameter, @Nullable String value, String message) {
		super(message);
		this.parameter = parameter;
		this.value = value;
	}

	public String parameter() {
		return this.parameter;
	}

	public @Nullable String value() {
		return this.value;
	}

}
