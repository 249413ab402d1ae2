package org.healthmon.alerts.rules;

/**
 * The rule of one resource of one service, in whole minutes (the views' resolution).
 *
 * @param enabled whether the resource is watched at all
 * @param threshold percent: RED when each of the last {@code forMinutes} minutes has a
 * mean above it, AMBER when the trend reaches it within {@code horizonMinutes}
 * @param forMinutes how many minutes in a row a mean must be above the threshold to fire
 * @param clearMargin percentage points below the threshold a minute must be to count as
 * clear (hysteresis: a value hovering at the threshold neither fires nor flaps)
 * @param clearMinutes how many clear minutes in a row resolve a firing alert
 * @param lookbackMinutes the minutes the AMBER trend line is fitted over
 * @param horizonMinutes how far ahead the AMBER trend line looks
 * @param minPoints the fewest minutes with data in the lookback for a trend at all
 */
public record Limits(boolean enabled, double threshold, int forMinutes, double clearMargin, int clearMinutes,
		int lookbackMinutes, int horizonMinutes, int minPoints) {

	public Limits {
		require(threshold > 0 && threshold <= 100, "threshold must be in (0, 100], was " + threshold);
		require(forMinutes >= 1, "for must be at least one minute, was " + forMinutes + " min");
		require(clearMargin >= 0 && clearMargin < threshold,
				"clear-margin must be in [0, threshold), was " + clearMargin + " with threshold " + threshold);
		require(clearMinutes >= 1, "clear-for must be at least one minute, was " + clearMinutes + " min");
		require(lookbackMinutes >= 3, "amber lookback must be at least 3 minutes, was " + lookbackMinutes + " min");
		require(horizonMinutes >= 1, "amber horizon must be at least one minute, was " + horizonMinutes + " min");
		require(minPoints >= 2 && minPoints <= lookbackMinutes,
				"amber min-points must be in [2, lookback minutes], was " + minPoints);
	}

	/** The level a mean or prediction must fall below to count as clear. */
	public double clearLevel() {
		return this.threshold - this.clearMargin;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
