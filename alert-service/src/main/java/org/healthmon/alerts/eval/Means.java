package org.healthmon.alerts.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.healthmon.alerts.rules.Resource;

/**
 * Per-minute means of each service's resources over a span of minutes, as the query
 * service's exact series answer them. A minute without messages has none.
 */
public final class Means {

	private final long firstMinute;

	private final int minutes;

	private final Map<String, double[]> byService = new HashMap<>();

	/**
	 * @param firstMinute epoch ms of the first minute held
	 * @param minutes how many minutes are held
	 */
	public Means(long firstMinute, int minutes) {
		this.firstMinute = firstMinute;
		this.minutes = minutes;
	}

	/** Records the means of one minute; minutes outside the span are ignored. */
	public void put(String service, long minute, double cpu, double ram, double disk) {
		long index = (minute - this.firstMinute) / Minutes.MS;
		if (index < 0 || index >= this.minutes) {
			return;
		}
		double[] values = this.byService.computeIfAbsent(service, (s) -> empty(this.minutes));
		int at = (int) index * 3;
		values[at] = cpu;
		values[at + 1] = ram;
		values[at + 2] = disk;
	}

	/**
	 * The mean of a minute, or NaN when the service sent nothing in it (or it is not
	 * held).
	 */
	public double mean(String service, long minute, Resource resource) {
		double[] values = this.byService.get(service);
		long index = (minute - this.firstMinute) / Minutes.MS;
		if (values == null || minute < this.firstMinute || index >= this.minutes) {
			return Double.NaN;
		}
		return values[(int) index * 3 + resource.ordinal()];
	}

	public Set<String> services() {
		return this.byService.keySet();
	}

	public long firstMinute() {
		return this.firstMinute;
	}

	private static double[] empty(int minutes) {
		double[] values = new double[minutes * 3];
		Arrays.fill(values, Double.NaN);
		return values;
	}

}
