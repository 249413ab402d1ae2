package org.healthmon.emitter.send;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Paces sending to a rate on a fixed schedule: message {@code k} is due at
 * {@code start + k / rate}. Callers ask for permits and get every message that is due, in
 * bursts of at most about a millisecond's worth, so high rates need no wait per message
 * and low rates stay exact on average. A sender that fell behind (a GC pause, a slow
 * machine) catches up, but by at most one second's worth of messages, so a long stall
 * does not turn into one huge burst. Time comes from an injected clock so the schedule
 * can be tested without waiting.
 */
final class PacedSchedule {

	/**
	 * Longest single wait, so that callers see stop requests and log progress on time.
	 */
	static final long MAX_PARK_NANOS = 50_000_000;

	/** Burst size when there is no rate limit. */
	static final int UNLIMITED_BURST = 256;

	private static final double NANOS_PER_SECOND = 1e9;

	private final double nanosPerMessage;

	private final int maxBurst;

	private final long maxBacklog;

	private final LongSupplier nanoTime;

	private final LongConsumer park;

	private long start;

	private long granted;

	/**
	 * @param ratePerSecond messages per second; 0 means no limit
	 * @param nanoTime the clock, e.g. {@code System::nanoTime}
	 * @param park waits the given nanoseconds, e.g. {@code LockSupport::parkNanos}
	 */
	PacedSchedule(double ratePerSecond, LongSupplier nanoTime, LongConsumer park) {
		if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
			throw new IllegalArgumentException("rate must be a finite number >= 0, was " + ratePerSecond);
		}
		boolean unlimited = ratePerSecond == 0;
		this.nanosPerMessage = unlimited ? 0 : NANOS_PER_SECOND / ratePerSecond;
		this.maxBurst = unlimited ? UNLIMITED_BURST
				: (int) Math.max(1, Math.min(UNLIMITED_BURST, Math.ceil(ratePerSecond / 1000)));
		this.maxBacklog = unlimited ? 0 : Math.max(this.maxBurst, (long) Math.ceil(ratePerSecond));
		this.nanoTime = nanoTime;
		this.park = park;
	}

	boolean unlimited() {
		return this.nanosPerMessage == 0;
	}

	String describeRate() {
		return unlimited() ? "full speed" : String.format("%.1f msg/s", NANOS_PER_SECOND / this.nanosPerMessage);
	}

	int maxBurst() {
		return this.maxBurst;
	}

	/** Starts the schedule now: the first message is due at once. */
	void start() {
		this.start = this.nanoTime.getAsLong();
		this.granted = 0;
	}

	/**
	 * Permits to send now. When nothing is due, waits until the next message is due (at
	 * most {@link #MAX_PARK_NANOS}) and returns what is due then, possibly 0.
	 * @return how many messages may be sent now, at most {@link #maxBurst()}
	 */
	int acquire() {
		if (unlimited()) {
			return this.maxBurst;
		}
		int permits = grant(this.nanoTime.getAsLong());
		if (permits > 0) {
			return permits;
		}
		long nextDue = this.start + (long) Math.ceil(this.granted * this.nanosPerMessage);
		this.park.accept(Math.min(MAX_PARK_NANOS, Math.max(1, nextDue - this.nanoTime.getAsLong())));
		return grant(this.nanoTime.getAsLong());
	}

	private int grant(long now) {
		long due = (long) ((now - this.start) / this.nanosPerMessage) + 1;
		if (due - this.granted > this.maxBacklog) {
			this.granted = due - this.maxBacklog;
		}
		int permits = (int) Math.min(due - this.granted, this.maxBurst);
		if (permits <= 0) {
			return 0;
		}
		this.granted += permits;
		return permits;
	}

}
