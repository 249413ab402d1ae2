package org.healthmon.model;

import java.time.Duration;

/**
 * The rule that ties a message's event time to its arrival (docs/architecture.md §3.3):
 * an event time more than {@code maxAge} before the arrival is {@code too_old}, more than
 * {@code maxAhead} after it is {@code in_future}. It keeps a sender with a broken clock,
 * or a hostile one, from spreading data over decades of partitions and views; the static
 * [2000, 2100) bound of {@link MessageRules} still applies on its own. Raw lines are read
 * long after they arrived, so only ingest applies this rule, with the datagram's receive
 * time.
 *
 * <p>
 * Cheap on the hot path: a subtraction and two comparisons, and a rejection is one of two
 * results built once, with a fixed detail. Immutable and thread-safe.
 */
public final class ArrivalWindow {

	private final Duration maxAge;

	private final Duration maxAhead;

	private final long maxAgeMs;

	private final long maxAheadMs;

	private final DecodeResult.Rejected tooOld;

	private final DecodeResult.Rejected inFuture;

	/**
	 * @param maxAge how far the event time may lie before the arrival
	 * @param maxAhead how far it may lie after the arrival
	 */
	public ArrivalWindow(Duration maxAge, Duration maxAhead) {
		if (!isPositive(maxAge) || !isPositive(maxAhead)) {
			throw new IllegalArgumentException(
					"max-age and max-ahead must be positive durations, were " + maxAge + " and " + maxAhead);
		}
		this.maxAge = maxAge;
		this.maxAhead = maxAhead;
		this.maxAgeMs = saturatedMillis(maxAge);
		this.maxAheadMs = saturatedMillis(maxAhead);
		this.tooOld = new DecodeResult.Rejected(RejectReason.TOO_OLD,
				"event time more than " + maxAge + " before arrival");
		this.inFuture = new DecodeResult.Rejected(RejectReason.IN_FUTURE,
				"event time more than " + maxAhead + " after arrival");
	}

	/** Whether a duration is above zero: what the window's limits must be. */
	public static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	public Duration maxAge() {
		return this.maxAge;
	}

	public Duration maxAhead() {
		return this.maxAhead;
	}

	/**
	 * Checks one message's event time against its arrival.
	 * @param eventTimeMs the event time, epoch ms, within [2000, 2100) (checked by
	 * {@link MessageRules} before)
	 * @param arrivalTimeMs when the datagram arrived, epoch ms
	 * @return {@code null} when it lies in the window, else the rejection
	 */
	public DecodeResult.Rejected check(long eventTimeMs, long arrivalTimeMs) {
		// both are epoch ms of this era: the difference cannot overflow
		long lead = eventTimeMs - arrivalTimeMs;
		if (lead < -this.maxAgeMs) {
			return this.tooOld;
		}
		if (lead > this.maxAheadMs) {
			return this.inFuture;
		}
		return null;
	}

	/** A duration in ms, saturated: a window of millions of years is no window. */
	private static long saturatedMillis(Duration duration) {
		return (duration.getSeconds() >= Long.MAX_VALUE / 1000 - 1) ? Long.MAX_VALUE : duration.toMillis();
	}

}
