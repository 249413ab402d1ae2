package org.healthmon.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Percentages as fixed-point longs in units of 1e-9 percentage points.
 *
 * <p>
 * Why: floating-point sums depend on the order of addition, so a MapReduce combiner, an
 * incremental update and a full recompute would disagree in the last bits. Integer sums
 * do not: with every per-message percentage rounded once, here, to nine decimals, every
 * split and order of the same messages gives identical sums (docs/architecture.md §6). A
 * long holds the sum of over 90 million messages at 100 % per (service, minute).
 */
public final class FixedPercent {

	/** Units per percentage point. */
	public static final long SCALE = 1_000_000_000L;

	/** The largest count whose count × {@link #SCALE} is an exact double. */
	private static final long MAX_EXACT_COUNT = (1L << 53) / SCALE;

	private FixedPercent() {
	}

	/** The fixed-point value of a percentage (rounded half up to nine decimals). */
	public static long of(double percent) {
		return Math.round(percent * SCALE);
	}

	/** The percentage a fixed-point value stands for. */
	public static double toPercent(long fixed) {
		return (double) fixed / SCALE;
	}

	/** The mean percentage of a fixed-point sum over {@code count} messages. */
	public static double mean(long fixedSum, long count) {
		return (double) fixedSum / count / SCALE;
	}

	/**
	 * The mean percentage of a fixed-point sum that may be too large for a long (a long
	 * window over many messages), correctly rounded. The query service takes hundreds of
	 * means per answer: when the sum and the divisor are exact doubles (below
	 * 2<sup>53</sup>: a window of up to 9 million messages of a service), one division of
	 * doubles is the correctly rounded quotient; larger sums divide in decimal.
	 */
	public static double mean(BigInteger fixedSum, long count) {
		if (fixedSum.bitLength() <= 53 && count > 0 && count <= MAX_EXACT_COUNT) {
			return (double) fixedSum.longValue() / (double) (count * SCALE);
		}
		return new BigDecimal(fixedSum)
			.divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(SCALE)), MathContext.DECIMAL128)
			.doubleValue();
	}

}
