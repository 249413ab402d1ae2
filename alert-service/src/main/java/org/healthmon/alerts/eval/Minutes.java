package org.healthmon.alerts.eval;

/** Whole minutes in epoch milliseconds, the resolution of the views and the rules. */
public final class Minutes {

	public static final long MS = 60_000;

	private Minutes() {
	}

	/** The start of the minute {@code epochMs} lies in. */
	public static long floor(long epochMs) {
		return Math.floorDiv(epochMs, MS) * MS;
	}

}
