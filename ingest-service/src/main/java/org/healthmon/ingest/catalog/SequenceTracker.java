package org.healthmon.ingest.catalog;

import java.util.Arrays;

/**
 * Follows one sender's {@code seq} numbers: counts the numbers that never arrived as
 * lost, un-counts a loss when the datagram turns up late, tells true duplicates apart so
 * they can be dropped, and notices when the sender restarted its counter.
 *
 * <p>
 * It remembers which of the last {@code window} numbers below the highest seen have
 * arrived. A number at or below the highest is:
 * <ul>
 * <li>a <b>restart</b> when its event time is later than that of the highest (the
 * sender's clock moved on while its counter went back), or when it lies below the window
 * (too old to tell, and far more likely a new counter than a datagram delayed by
 * thousands of others);</li>
 * <li>a <b>duplicate</b> when it already arrived;</li>
 * <li>a <b>late</b> datagram filling an earlier gap otherwise (or one sent before the
 * first number seen, which was never counted as lost).</li>
 * </ul>
 * A restart starts afresh from the new number: losses counted before stay counted, and no
 * duplicates are counted for the old numbers.
 *
 * <p>
 * Not thread-safe: the catalog calls it under the service's lock.
 */
final class SequenceTracker {

	/** What one {@code seq} turned out to be. */
	enum Verdict {

		/** The next number, or a later one after a gap (the gap counted as lost). */
		IN_ORDER(true),
		/** An earlier number that had been counted as lost. */
		LATE(true),
		/** A number that already arrived: drop it. */
		DUPLICATE(false),
		/** The sender started counting again. */
		RESTART(true);

		private final boolean accepted;

		Verdict(boolean accepted) {
			this.accepted = accepted;
		}

		boolean accepted() {
			return this.accepted;
		}

	}

	private final int window;

	/** Ring of arrival bits, indexed by seq modulo its capacity (≥ window). */
	private final long[] arrived;

	private final int capacity;

	private boolean started;

	/** The first number seen since the start or the last restart. */
	private long first;

	private long highest;

	private long highestEventTimeMs;

	private long lost;

	private long duplicates;

	private long restarts;

	SequenceTracker(int window) {
		if (window < 1) {
			throw new IllegalArgumentException("window must be positive: " + window);
		}
		this.window = window;
		this.arrived = new long[(window + 63) / 64];
		this.capacity = this.arrived.length * 64;
	}

	Verdict offer(long seq, long eventTimeMs) {
		if (!this.started) {
			this.started = true;
			restartAt(seq, eventTimeMs);
			return Verdict.IN_ORDER;
		}
		if (seq > this.highest) {
			advanceTo(seq, eventTimeMs);
			return Verdict.IN_ORDER;
		}
		if (eventTimeMs > this.highestEventTimeMs || this.highest - seq >= this.window) {
			this.restarts++;
			restartAt(seq, eventTimeMs);
			return Verdict.RESTART;
		}
		if (hasArrived(seq)) {
			this.duplicates++;
			return Verdict.DUPLICATE;
		}
		mark(seq);
		// below the first number of this run nothing was counted as lost
		if (seq > this.first) {
			this.lost--;
		}
		return Verdict.LATE;
	}

	long lost() {
		return this.lost;
	}

	long duplicates() {
		return this.duplicates;
	}

	long restarts() {
		return this.restarts;
	}

	private void advanceTo(long seq, long eventTimeMs) {
		long gap = seq - this.highest - 1;
		this.lost += gap;
		// the numbers between the old and the new highest have not arrived (yet)
		long toClear = Math.min(gap, this.capacity);
		for (long s = this.highest + 1; s < this.highest + 1 + toClear; s++) {
			clear(s);
		}
		mark(seq);
		this.highest = seq;
		this.highestEventTimeMs = eventTimeMs;
	}

	private void restartAt(long seq, long eventTimeMs) {
		Arrays.fill(this.arrived, 0L);
		mark(seq);
		this.first = seq;
		this.highest = seq;
		this.highestEventTimeMs = eventTimeMs;
	}

	private boolean hasArrived(long seq) {
		int bit = slot(seq);
		return (this.arrived[bit >>> 6] & (1L << bit)) != 0;
	}

	private void mark(long seq) {
		int bit = slot(seq);
		this.arrived[bit >>> 6] |= 1L << bit;
	}

	private void clear(long seq) {
		int bit = slot(seq);
		this.arrived[bit >>> 6] &= ~(1L << bit);
	}

	private int slot(long seq) {
		return (int) Math.floorMod(seq, (long) this.capacity);
	}

}
