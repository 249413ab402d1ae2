package org.healthmon.alerts.eval;

import org.healthmon.alerts.rules.Resource;

/**
 * The least-squares line through a resource's per-minute means over a lookback, the idea
 * of Prometheus' {@code predict_linear}: x in minutes from the last minute (0), so that
 * {@link #at(double)} of the horizon is the prediction.
 *
 * @param points the minutes with messages the line was fitted over
 * @param slope percentage points per minute; 0 when there are fewer than two points
 * @param intercept the line's value at the last minute
 */
public record Trend(int points, double slope, double intercept) {

	/** The line's value {@code minutes} after the last minute. */
	public double at(double minutes) {
		return this.intercept + this.slope * minutes;
	}

	/** Fits the means of {@code [last - lookback + 1, last]} that have messages. */
	static Trend fit(Means means, String service, Resource resource, long last, int lookbackMinutes) {
		int n = 0;
		double sumX = 0;
		double sumY = 0;
		double sumXx = 0;
		double sumXy = 0;
		for (int back = lookbackMinutes - 1; back >= 0; back--) {
			double y = means.mean(service, last - back * Minutes.MS, resource);
			if (!Double.isNaN(y)) {
				double x = -back;
				n++;
				sumX += x;
				sumY += y;
				sumXx += x * x;
				sumXy += x * y;
			}
		}
		if (n == 0) {
			return new Trend(0, 0, Double.NaN);
		}
		double denominator = n * sumXx - sumX * sumX;
		if (n < 2 || denominator == 0) {
			return new Trend(n, 0, sumY / n);
		}
		double slope = (n * sumXy - sumX * sumY) / denominator;
		return new Trend(n, slope, (sumY - slope * sumX) / n);
	}

}
