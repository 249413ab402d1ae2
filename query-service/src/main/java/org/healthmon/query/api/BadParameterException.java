package org.healthmon.query.api;

/**
 * A request parameter that cannot be answered: answered with 400 and a problem detail
 * naming the parameter, what was sent and what would be right.
 */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	private final String value;

	public BadParameterException(String parameter, String value, String detail) {
		super(detail);
		this.parameter = parameter;
		this.value = value;
	}

	public String parameter() {
		return this.parameter;
	}

	public String value() {
		return this.value;
	}

}
