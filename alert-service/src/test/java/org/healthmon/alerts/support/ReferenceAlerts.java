package org.healthmon.alerts.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.healthmon.alerts.eval.AlertKey;
import org.healthmon.alerts.eval.Transition;
import org.healthmon.alerts.rules.Limits;
import org.healthmon.alerts.rules.Resource;
import org.healthmon.alerts.rules.Severity;
import org.healthmon.model.HealthMessage;
import org.healthmon.query.support.Brute;

/**
 * The transitions the alert rules give, computed by brute force from the raw messages,
 * straight from the rules' definitions: a minute's mean is the plain mean of its
 * messages; RED fires at the end of the first minute whose last {@code for} minutes are
 * all above the threshold, and resolves at the end of the first minute whose last
 * {@code clear-for} minutes are all clear; AMBER likewise from its trend line, fitted
 * afresh each minute; DOWN from the arrivals each evaluation saw. No checkpoint, no
 * views, no evaluation cycle.
 */
public final class ReferenceAlerts {

	private static final long MINUTE = 60_000;

	private ReferenceAlerts() {
	}

	/** A message and when it reached the store. */
	public record Arrival(HealthMessage message, long arrivedAt) {
	}

	/**
	 * @param arrivals every message, late ones included
	 * @param firstMinute the first minute evaluated (epoch ms)
	 * @param lastMinute the last minute evaluated
	 * @param limits the rule of every service and resource
	 * @param evaluations when the evaluator ran (epoch ms), for DOWN
	 * @param downAfterMs the catalog's timeout
	 */
	public static List<String> transitions(Collection<Arrival> arrivals, long firstMinute, long lastMinute,
			Limits limits, List<Long> evaluations, long downAfterMs) {
		List<HealthMessage> messages = arrivals.stream().map(Arrival::message).toList();
		Map<String, Map<Long, double[]>> means = means(messages);
		List<Transition> out = new ArrayList<>();
		for (String service : means.keySet()) {
			for (Resource resource : Resource.values()) {
				resourceTransitions(service, resource, means.get(service), firstMinute, lastMinute, limits, out);
			}
		}
		downTransitions(arrivals, evaluations, downAfterMs, out);
		return render(out);
	}

	/** Transitions as comparable lines: by time, then alert. */
	public static List<String> render(Collection<Transition> transitions) {
		return transitions.stream()
			.sorted(Comparator.comparingLong(Transition::at)
				.thenComparing(Transition::key, AlertKey.ORDER)
				.thenComparing(Transition::change))
			.map((t) -> String.format(Locale.ROOT, "%s %s %s %s at=%d since=%d value=%.4f", t.key().service(),
					(t.key().resource() != null) ? t.key().resource().label() : "-", t.key().severity().label(),
					t.change(), t.at(), t.since(), t.value()))
			.toList();
	}

	private static Map<String, Map<Long, double[]>> means(List<HealthMessage> messages) {
		Map<String, Map<Long, double[]>> means = new TreeMap<>();
		TreeSet<Long> minutes = new TreeSet<>();
		messages.forEach((m) -> minutes.add(Math.floorDiv(m.eventTimeMs(), MINUTE) * MINUTE));
		for (long minute : minutes) {
			Brute.analytics(messages, minute, minute + MINUTE)
				.forEach((service, expected) -> means.computeIfAbsent(service, (s) -> new TreeMap<>())
					.put(minute, new double[] { expected.cpu.mean(expected.count), expected.ram.mean(expected.count),
							expected.disk.mean(expected.count) }));
		}
		return means;
	}

	private static double mean(Map<Long, double[]> means, long minute, Resource resource) {
		double[] values = means.get(minute);
		return (values != null) ? values[resource.ordinal()] : Double.NaN;
	}

	private static void resourceTransitions(String service, Resource resource, Map<Long, double[]> means,
			long firstMinute, long lastMinute, Limits limits, List<Transition> out) {
		AlertKey red = new AlertKey(service, resource, Severity.RED);
		AlertKey amber = new AlertKey(service, resource, Severity.AMBER);
		boolean redFiring = false;
		long redSince = 0;
		boolean amberFiring = false;
		long amberSince = 0;
		for (long m = firstMinute; m <= lastMinute; m += MINUTE) {
			long end = m + MINUTE;
			double mean = mean(means, m, resource);
			if (!redFiring && all(means, m, limits.forMinutes(), resource, (v) -> v > limits.threshold())) {
				redFiring = true;
				redSince = m;
				while (mean(means, redSince - MINUTE, resource) > limits.threshold()) {
					redSince -= MINUTE;
				}
				out.add(new Transition(red, Transition.Change.FIRING, end, redSince, mean, Double.NaN, ""));
			}
			else if (redFiring && all(means, m, limits.clearMinutes(), resource,
					(v) -> Double.isNaN(v) || v < limits.clearLevel())) {
				redFiring = false;
				out.add(new Transition(red, Transition.Change.RESOLVED, end, redSince, lastValue(means, m, resource),
						Double.NaN, ""));
			}
			double[] line = fit(means, m, limits.lookbackMinutes(), resource);
			boolean enough = line[0] >= limits.minPoints();
			double prediction = line[2] + line[1] * limits.horizonMinutes();
			if (redFiring) {
				if (amberFiring) {
					out.add(new Transition(amber, Transition.Change.RESOLVED, end, amberSince, mean, Double.NaN, ""));
					amberFiring = false;
				}
			}
			else if (!amberFiring && enough && line[1] > 0 && prediction >= limits.threshold()) {
				amberFiring = true;
				amberSince = end;
				out.add(new Transition(amber, Transition.Change.FIRING, end, end, line[2], Double.NaN, ""));
			}
			else if (amberFiring && amberClearFor(means, m, limits, resource)) {
				amberFiring = false;
				out.add(new Transition(amber, Transition.Change.RESOLVED, end, amberSince, line[2], Double.NaN, ""));
			}
		}
	}

	/**
	 * The last minute with messages at or before {@code m}: what RED shows when it
	 * clears.
	 */
	private static double lastValue(Map<Long, double[]> means, long m, Resource resource) {
		for (long at = m;; at -= MINUTE) {
			double v = mean(means, at, resource);
			if (!Double.isNaN(v)) {
				return v;
			}
		}
	}

	private static boolean amberClearFor(Map<Long, double[]> means, long m, Limits limits, Resource resource) {
		for (int back = 0; back < limits.clearMinutes(); back++) {
			double[] line = fit(means, m - back * MINUTE, limits.lookbackMinutes(), resource);
			boolean holds = line[0] >= limits.minPoints() && line[1] > 0
					&& line[2] + line[1] * limits.horizonMinutes() >= limits.clearLevel();
			if (holds) {
				return false;
			}
		}
		return true;
	}

	private static boolean all(Map<Long, double[]> means, long m, int minutes, Resource resource,
			java.util.function.DoublePredicate test) {
		for (int back = 0; back < minutes; back++) {
			if (!test.test(mean(means, m - back * MINUTE, resource))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {points, slope, value at m} of the least-squares line over the lookback ending at
	 * m.
	 */
	private static double[] fit(Map<Long, double[]> means, long m, int lookback, Resource resource) {
		List<double[]> points = new ArrayList<>();
		for (int back = lookback - 1; back >= 0; back--) {
			double v = mean(means, m - back * MINUTE, resource);
			if (!Double.isNaN(v)) {
				points.add(new double[] { -back, v });
			}
		}
		int n = points.size();
		if (n == 0) {
			return new double[] { 0, 0, Double.NaN };
		}
		double sx = 0;
		double sy = 0;
		double sxx = 0;
		double sxy = 0;
		for (double[] p : points) {
			sx += p[0];
			sy += p[1];
			sxx += p[0] * p[0];
			sxy += p[0] * p[1];
		}
		double d = n * sxx - sx * sx;
		if (n < 2 || d == 0) {
			return new double[] { n, 0, sy / n };
		}
		double slope = (n * sxy - sx * sy) / d;
		return new double[] { n, slope, (sy - slope * sx) / n };
	}

	private static void downTransitions(Collection<Arrival> arrivals, List<Long> evaluations, long downAfterMs,
			List<Transition> out) {
		Map<String, Long> since = new TreeMap<>();
		for (long t : evaluations) {
			Map<String, Long> lastSeen = new TreeMap<>();
			arrivals.stream()
				.filter((a) -> a.arrivedAt() <= t)
				.forEach((a) -> lastSeen.merge(a.message().service(), a.arrivedAt(), Math::max));
			lastSeen.forEach((service, seen) -> {
				AlertKey key = AlertKey.down(service);
				boolean down = t - seen > downAfterMs;
				if (down && !since.containsKey(service)) {
					since.put(service, seen + downAfterMs);
					out.add(new Transition(key, Transition.Change.FIRING, seen + downAfterMs, seen + downAfterMs, seen,
							Double.NaN, ""));
				}
				else if (!down && since.containsKey(service)) {
					out.add(new Transition(key, Transition.Change.RESOLVED, t, since.remove(service), seen, Double.NaN,
							""));
				}
			});
		}
	}

}
