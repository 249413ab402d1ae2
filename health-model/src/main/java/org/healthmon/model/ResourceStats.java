package org.healthmon.model;

/**
 * The aggregate of one resource (CPU, RAM or disk) over some messages: the sum of their
 * percentages and the peak with the time it happened, all in {@link FixedPercent} units.
 *
 * @param sum sum of the fixed-point percentages
 * @param max the largest fixed-point percentage
 * @param maxAt event time (epoch ms) of the peak; the earliest one on a tie
 */
public record ResourceStats(long sum, long max, long maxAt) {

	/** The stats of a single message. */
	public static ResourceStats of(double percent, long eventTimeMs) {
		long fixed = FixedPercent.of(percent);
		return new ResourceStats(fixed, fixed, eventTimeMs);
	}

	/**
	 * Associative and commutative: sums add (exactly, failing loudly on overflow), the
	 * larger peak wins, and on equal peaks the earlier time.
	 */
	public ResourceStats merge(ResourceStats other) {
		long mergedSum = Math.addExact(this.sum, other.sum);
		boolean otherWins = other.max > this.max || (other.max == this.max && other.maxAt < this.maxAt);
		return otherWins ? new ResourceStats(mergedSum, other.max, other.maxAt)
				: new ResourceStats(mergedSum, this.max, this.maxAt);
	}

}
