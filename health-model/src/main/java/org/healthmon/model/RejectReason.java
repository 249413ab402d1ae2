package org.healthmon.model;

/**
 * Why a datagram or a raw line was not accepted. Every rejection is counted by reason and
 * kept with it, so the names are part of the contract (metrics tags, rejected store).
 */
public enum RejectReason {

	/** The bytes are not valid UTF-8. */
	NOT_UTF8,
	/** Empty, or not parseable as JSON (or, for a raw line, not 8 CSV fields). */
	NOT_JSON,
	/** Valid JSON, but not an object. */
	NOT_AN_OBJECT,
	/** A required field is absent. */
	MISSING_FIELD,
	/** A field appears twice (keys match case-insensitively, serviceName = service). */
	DUPLICATE_FIELD,
	/** A number field holds something else, or NaN/Infinity. */
	BAD_NUMBER,
	/**
	 * A number outside its range: negative, cpu above 100, total of zero, absurdly large.
	 */
	OUT_OF_RANGE,
	/** More free RAM or disk than there is in total. */
	FREE_EXCEEDS_TOTAL,
	/** The service name is not 1–64 chars of [A-Za-z0-9._-]. */
	BAD_SERVICE_NAME,
	/**
	 * The timestamp is not ISO-8601 with offset nor an epoch number, or is out of range.
	 */
	BAD_TIMESTAMP,
	/** The datagram exceeds the largest accepted size (or the receive buffer). */
	OVERSIZED,
	/**
	 * The event time lies more than the ingest's maximum age before the arrival
	 * ({@link ArrivalWindow}).
	 */
	TOO_OLD,
	/**
	 * The event time lies more than the ingest's maximum lead after the arrival
	 * ({@link ArrivalWindow}).
	 */
	IN_FUTURE,
	/**
	 * A service the catalog does not know yet, while it already holds its maximum of
	 * services.
	 */
	TOO_MANY_SERVICES;

	/** The lower-case tag used in metrics and the rejected store. */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
