package org.healthmon.ingest.store;

import java.util.Arrays;
import java.util.function.LongSupplier;

import org.healthmon.model.RejectReason;

/**
 * The rejected store's byte budget: a token bucket filled at {@code bytesPerSecond} up to
 * a second's worth. A datagram is admitted while the bucket holds any bytes, and the
 * first of each reason in each minute always is; what a kept line costs is taken after
 * (the bucket may go into debt by a line and those examples), so over any time {@code t}
 * the store writes at most {@code bytesPerSecond × (t + 1)} bytes plus a line per reason
 * per minute. Thread-safe.
 */
final class RejectedBudget {

	private static final long MINUTE_MS = 60_000;

	private final long bytesPerSecond;

	private final LongSupplier clockMs;

	private final long[] lastAdmittedMinute = new long[RejectReason.values().length];

	private long bytes;

	private long refilledAtMs;

	/**
	 * @param clockMs the current time, epoch ms
	 */
	RejectedBudget(long bytesPerSecond, LongSupplier clockMs) {
		this.bytesPerSecond = bytesPerSecond;
		this.clockMs = clockMs;
		this.bytes = bytesPerSecond;
		this.refilledAtMs = clockMs.getAsLong();
		Arrays.fill(this.lastAdmittedMinute, Long.MIN_VALUE);
	}

	/** Whether a datagram rejected for this reason may be kept now. */
	synchronized boolean admit(RejectReason reason) {
		long now = this.clockMs.getAsLong();
		if (now > this.refilledAtMs) {
			this.bytes = Math.min(this.bytesPerSecond,
					this.bytes + (now - this.refilledAtMs) * this.bytesPerSecond / 1000);
			this.refilledAtMs = now;
		}
		long minute = Math.floorDiv(now, MINUTE_MS);
		if (this.bytes > 0 || this.lastAdmittedMinute[reason.ordinal()] != minute) {
			this.lastAdmittedMinute[reason.ordinal()] = minute;
			return true;
		}
		return false;
	}

	/** Takes what a kept line cost. */
	synchronized void charge(int lineBytes) {
		this.bytes -= lineBytes;
	}

}
