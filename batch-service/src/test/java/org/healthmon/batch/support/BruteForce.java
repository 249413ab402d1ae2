package org.healthmon.batch.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;

/**
 * The expected view, computed the slow and obvious way, independently of the job and of
 * health-model's parser and merge: group the good lines by (service, minute), count, sum
 * the fixed-point percentages, and find each peak and its earliest time by scanning.
 */
public final class BruteForce {

	private BruteForce() {
	}

	/** The rows of the given good raw lines, sorted by service then minute. */
	public static List<MinuteStats> aggregate(Collection<String> goodLines) {
		Map<String, Map<Long, List<long[]>>> byServiceAndMinute = new TreeMap<>();
		for (String line : goodLines) {
			String[] f = line.split(",");
			long time = Long.parseLong(f[1]);
			long minute = Math.floorDiv(time, 60_000L) * 60_000L;
			long cpu = fixed(Double.parseDouble(f[3]));
			long ram = fixed(used(Double.parseDouble(f[4]), Double.parseDouble(f[5])));
			long disk = fixed(used(Double.parseDouble(f[6]), Double.parseDouble(f[7])));
			byServiceAndMinute.computeIfAbsent(f[0], (s) -> new TreeMap<>())
				.computeIfAbsent(minute, (m) -> new ArrayList<>())
				.add(new long[] { time, cpu, ram, disk });
		}
		List<MinuteStats> rows = new ArrayList<>();
		byServiceAndMinute
			.forEach((service, minutes) -> minutes.forEach((minute, messages) -> rows.add(new MinuteStats(service,
					minute, messages.size(), resource(messages, 1), resource(messages, 2), resource(messages, 3)))));
		return rows;
	}

	private static ResourceStats resource(List<long[]> messages, int column) {
		long sum = 0;
		long max = Long.MIN_VALUE;
		for (long[] m : messages) {
			sum += m[column];
			max = Math.max(max, m[column]);
		}
		long maxAt = Long.MAX_VALUE;
		for (long[] m : messages) {
			if (m[column] == max) {
				maxAt = Math.min(maxAt, m[0]);
			}
		}
		return new ResourceStats(sum, max, maxAt);
	}

	private static double used(double total, double free) {
		return (total - free) / total * 100.0;
	}

	private static long fixed(double percent) {
		return Math.round(percent * 1_000_000_000L);
	}

}
