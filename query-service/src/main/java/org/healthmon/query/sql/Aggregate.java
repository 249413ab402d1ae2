package org.healthmon.query.sql;

import java.math.BigInteger;

/**
 * The merged stats of one service over a window or one step of it: the view rows of its
 * minutes merged by the health-model rule (sums added, the larger peak kept, the earlier
 * time on a tie). Sums are fixed-point percentages and may outgrow a long.
 *
 * @param service the service
 * @param start the first minute of the step (epoch ms), or of the window
 * @param count messages
 * @param cpu CPU stats
 * @param ram RAM stats
 * @param disk disk stats
 */
public record Aggregate(String service, long start, long count, Resource cpu, Resource ram, Resource disk) {

	/**
	 * One resource's merged stats.
	 *
	 * @param sum the sum of the messages' fixed-point percentages
	 * @param max the highest fixed-point percentage
	 * @param maxAt the event time of the earliest message with that percentage (epoch ms)
	 */
	public record Resource(BigInteger sum, long max, long maxAt) {
	}

}
