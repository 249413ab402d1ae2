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
 * A number more than {@code maxJump} above the highest is a restart too: a counter that
 * leaps ahead that far (a sender that reseeded it, a bug, or a hostile sender) would
 * otherwise add billions to {@code lost} in one datagram. Counters near
 * {@code Long.MAX_VALUE} are safe: every difference here is of two non-negative numbers,
 * and {@code lost} saturates instead of overflowing.
 *
 * <p>
 * Across a restart of ingest the tracker {@link #resume resumes} from the highest number
 * the persisted catalog knows, so a gap over the outage counts as lost.
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

	private final long maxJump;

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
		this(window, Long.MAX_VALUE);
	}

	SequenceTracker(int window, long maxJump) {
		if (window < 1 || maxJump < 1) {
			throw new IllegalArgumentException("window and max jump must be positive: " + window + ", " + maxJump);
		}
		this.window = window;
		this.maxJump = maxJump;
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
			// both non-negative: the difference cannot overflow
			if (seq - this.highest - 1 > this.maxJump) {
				this.restarts++;
				restartAt(seq, eventTimeMs);
				return Verdict.RESTART;
			}
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

	/** Whether a number was seen since the start (or the resume). */
	boolean started() {
		return this.started;
	}

	/** The highest number of the current numbering. */
	long highest() {
		return this.highest;
	}

	/** The event time of the highest number. */
	long highestEventTimeMs() {
		return this.highestEventTimeMs;
	}

	/**
	 * Continues a numbering persisted before ingest restarted: {@code highest} is the
	 * highest number that arrived before. When this tracker has already seen numbers
	 * (they arrived before the persisted catalog was loaded), the numbers between
	 * {@code highest} and the first of them are counted as lost, unless it is more than
	 * {@code maxJump} above, or below it (then the sender restarted meanwhile, and the
	 * tracker goes on as it is).
	 */
	void resume(long highest, long eventTimeMs) {
		if (!this.started) {
			this.started = true;
			restartAt(highest, eventTimeMs);
			return;
		}
		if (this.first > highest && this.first - highest - 1 <= this.maxJump) {
			addLost(this.first - highest - 1);
		}
	}

	long duplicates() {
		return this.duplicates;
	}

	long restarts() {
		return this.restarts;
	}

	private void advanceTo(long seq, long eventTimeMs) {
		long gap = seq - this.highest - 1;
		addLost(gap);
		// the numbers between the old and the new highest have not arrived (yet)
		long toClear = Math.min(gap, this.capacity);
		for (long s = this.highest + 1; s < this.highest + 1 + toClear; s++) {
			clear(s);
		}
		mark(seq);
		this.highest = seq;
		this.highestEventTimeMs = eventTimeMs;
	}

	private void addLost(long gap) {
		this.lost = (this.lost > Long.MAX_VALUE - gap) ? Long.MAX_VALUE : this.lost + gap;
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
