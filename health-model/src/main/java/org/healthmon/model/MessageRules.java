package org.healthmon.model;

import java.time.Instant;

/**
 * The validity rules of a health message (docs/architecture.md §3), shared by the JSON
 * decoder and the raw CSV codec so that both accept exactly the same messages. The rule
 * that depends on when a message arrived, not only on the message, is
 * {@link ArrivalWindow}: ingest applies it after these.
 */
public final class MessageRules {

	/** Earliest event time accepted: 2000-01-01T00:00:00Z. */
	public static final long MIN_EVENT_TIME_MS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

	/** Latest event time accepted (exclusive): 2100-01-01T00:00:00Z. */
	public static final long MAX_EVENT_TIME_MS = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

	/**
	 * Largest RAM or disk size accepted, in GB (an exabyte): beyond it a value is a bug.
	 */
	public static final double MAX_SIZE_GB = 1e9;

	/** Longest service name. */
	public static final int MAX_SERVICE_NAME = 64;

	private MessageRules() {
	}

	/** Checks a complete message; returns it accepted, or the first rule it breaks. */
	public static DecodeResult check(HealthMessage m) {
		DecodeResult.Rejected broken = checkServiceName(m.service());
		if (broken == null) {
			broken = checkEventTime(m.eventTimeMs());
		}
		if (broken == null) {
			broken = checkNumber("cpu", "", m.cpuPct(), 100);
		}
		if (broken == null) {
			broken = checkSizes("ram", m.ramTotalGb(), m.ramFreeGb());
		}
		if (broken == null) {
			broken = checkSizes("disk", m.diskTotalGb(), m.diskFreeGb());
		}
		if (broken == null && m.seq() < HealthMessage.NO_SEQ) {
			broken = new DecodeResult.Rejected(RejectReason.OUT_OF_RANGE, "seq must be >= 0, was " + m.seq());
		}
		return (broken != null) ? broken : new DecodeResult.Accepted(m);
	}

	/** The rule a service name breaks, or {@code null} when it is a good name. */
	public static DecodeResult.Rejected checkServiceName(String name) {
		if (name.isEmpty() || name.length() > MAX_SERVICE_NAME) {
			return new DecodeResult.Rejected(RejectReason.BAD_SERVICE_NAME,
					"service name must be 1-" + MAX_SERVICE_NAME + " chars, was " + name.length());
		}
		for (int i = 0; i < name.length(); i++) {
			if (!isServiceNameChar(name.charAt(i))) {
				return new DecodeResult.Rejected(RejectReason.BAD_SERVICE_NAME,
						"service name may hold only [A-Za-z0-9._-], found '" + name.charAt(i) + "' at " + i);
			}
		}
		return null;
	}

	private static boolean isServiceNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

	static DecodeResult.Rejected checkEventTime(long eventTimeMs) {
		if (eventTimeMs < MIN_EVENT_TIME_MS || eventTimeMs >= MAX_EVENT_TIME_MS) {
			return new DecodeResult.Rejected(RejectReason.BAD_TIMESTAMP,
					"timestamp must lie in [2000-01-01, 2100-01-01), was epoch ms " + eventTimeMs);
		}
		return null;
	}

	/**
	 * @param field the field, and {@code part} the part of it, named when the value is
	 * refused (concatenated only then: every valid message passes here five times)
	 */
	private static DecodeResult.Rejected checkNumber(String field, String part, double value, double max) {
		if (!Double.isFinite(value)) {
			return new DecodeResult.Rejected(RejectReason.BAD_NUMBER,
					field + part + " must be a finite number, was " + value);
		}
		if (value < 0 || value > max) {
			return new DecodeResult.Rejected(RejectReason.OUT_OF_RANGE,
					field + part + " must lie in [0, " + max + "], was " + value);
		}
		return null;
	}

	private static DecodeResult.Rejected checkSizes(String field, double total, double free) {
		DecodeResult.Rejected broken = checkNumber(field, ".total", total, MAX_SIZE_GB);
		if (broken == null) {
			broken = checkNumber(field, ".free", free, MAX_SIZE_GB);
		}
		if (broken == null && total == 0) {
			broken = new DecodeResult.Rejected(RejectReason.OUT_OF_RANGE, field + ".total must be > 0");
		}
		if (broken == null && free > total) {
			broken = new DecodeResult.Rejected(RejectReason.FREE_EXCEEDS_TOTAL,
					field + ".free (" + free + ") exceeds " + field + ".total (" + total + ")");
		}
		return broken;
	}

}
