package org.healthmon.alerts.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.healthmon.alerts.rules.Limits;
import org.healthmon.alerts.rules.Resource;
import org.healthmon.alerts.rules.RuleBook;
import org.healthmon.alerts.rules.Severity;

/**
 * RED and AMBER, minute by minute, in event time: the alerts after a minute are a
 * function of the alerts after the minute before and the per-minute means, never of when
 * the evaluation runs. So evaluating again from a checkpoint over data that changed (late
 * messages) gives exactly the transitions one pass over the final data gives.
 * <ul>
 * <li>RED: each of the last {@code for} minutes has a mean above the threshold (pending
 * from the first); it resolves after {@code clear-for} minutes in a row each below the
 * threshold minus the clear margin or without messages.</li>
 * <li>AMBER: the least-squares line over the lookback's minutes with messages rises and
 * reaches the threshold within the horizon, and RED is not firing; it resolves when RED
 * fires, or after {@code clear-for} minutes in a row whose line stays below the threshold
 * minus the margin at the horizon.</li>
 * </ul>
 */
public final class Evaluator {

	private final RuleBook rules;

	public Evaluator(RuleBook rules) {
		this.rules = rules;
	}

	/**
	 * Evaluates the minutes after {@code from} through {@code through}.
	 * @param from the state to start from
	 * @param means the means of the minutes evaluated, and of the lookback before them
	 * @param through epoch ms of the last minute to evaluate
	 * @param keep epoch ms of the minute whose state becomes the new checkpoint; at most
	 * {@code through}, and at least {@code from}'s (it stays)
	 */
	public Result evaluate(Checkpoint from, Means means, long through, long keep) {
		Map<AlertKey, Track> tracks = new HashMap<>(from.tracks());
		Checkpoint checkpoint = from;
		List<Transition> settled = new ArrayList<>();
		List<Transition> open = new ArrayList<>();
		Set<String> services = new TreeSet<>(means.services());
		tracks.keySet().forEach((key) -> services.add(key.service()));
		for (long minute = from.minute() + Minutes.MS; minute <= through; minute += Minutes.MS) {
			List<Transition> into = (minute <= keep) ? settled : open;
			for (String service : services) {
				for (Resource resource : Resource.values()) {
					Limits limits = this.rules.limits(service, resource);
					double mean = means.mean(service, minute, resource);
					AlertKey red = new AlertKey(service, resource, Severity.RED);
					AlertKey amber = new AlertKey(service, resource, Severity.AMBER);
					if (!limits.enabled()) {
						disable(tracks, red, minute, into);
						disable(tracks, amber, minute, into);
						continue;
					}
					Track redTrack = red(red, tracks.get(red), limits, mean, minute, into);
					put(tracks, red, redTrack);
					put(tracks, amber, amber(amber, tracks.get(amber), redTrack, limits, means, minute, into));
				}
			}
			if (minute == keep) {
				checkpoint = new Checkpoint(minute, tracks);
			}
		}
		return new Result(checkpoint, settled, open, tracks);
	}

	private static Track red(AlertKey key, Track track, Limits limits, double mean, long minute,
			List<Transition> into) {
		long end = minute + Minutes.MS;
		boolean hot = mean > limits.threshold();
		if (track != null && track.firing()) {
			boolean clear = Double.isNaN(mean) || mean < limits.clearLevel();
			int cool = clear ? track.cool() + 1 : 0;
			double value = Double.isNaN(mean) ? track.value() : mean;
			if (cool >= limits.clearMinutes()) {
				into.add(new Transition(key, Transition.Change.RESOLVED, end, track.since(), value, Double.NaN,
						Reasons.cleared(key.resource(), value, limits)));
				return null;
			}
			return new Track(true, track.run(), cool, track.since(), track.firedAt(), value, Double.NaN, Double.NaN);
		}
		if (!hot) {
			return null;
		}
		int run = (track != null) ? track.run() + 1 : 1;
		long since = (track != null) ? track.since() : minute;
		if (run < limits.forMinutes()) {
			return new Track(false, run, 0, since, 0, mean, Double.NaN, Double.NaN);
		}
		into.add(new Transition(key, Transition.Change.FIRING, end, since, mean, Double.NaN,
				Reasons.red(key.resource(), mean, end - since)));
		return new Track(true, run, 0, since, end, mean, Double.NaN, Double.NaN);
	}

	private static Track amber(AlertKey key, Track track, Track red, Limits limits, Means means, long minute,
			List<Transition> into) {
		long end = minute + Minutes.MS;
		if (red != null && red.firing()) {
			if (track != null) {
				into.add(new Transition(key, Transition.Change.RESOLVED, end, track.since(), red.value(),
						track.prediction(), Reasons.becameRed(key.resource())));
			}
			return null;
		}
		Trend trend = Trend.fit(means, key.service(), key.resource(), minute, limits.lookbackMinutes());
		double prediction = (trend.points() >= limits.minPoints()) ? trend.at(limits.horizonMinutes()) : Double.NaN;
		boolean rising = trend.slope() > 0 && prediction >= limits.threshold();
		double value = trend.at(0);
		double reach = (value >= limits.threshold()) ? 0 : (limits.threshold() - value) / trend.slope();
		if (track != null) {
			boolean clear = !(trend.slope() > 0 && prediction >= limits.clearLevel());
			int cool = clear ? track.cool() + 1 : 0;
			if (cool >= limits.clearMinutes()) {
				into.add(new Transition(key, Transition.Change.RESOLVED, end, track.since(), value, prediction,
						Reasons.noLongerRising(key.resource(), limits)));
				return null;
			}
			return clear
					? new Track(true, 0, cool, track.since(), track.firedAt(), track.value(), track.prediction(),
							track.reachMinutes())
					: new Track(true, 0, 0, track.since(), track.firedAt(), value, prediction, reach);
		}
		if (!rising) {
			return null;
		}
		into.add(new Transition(key, Transition.Change.FIRING, end, end, value, prediction,
				Reasons.amber(key.resource(), limits.threshold(), reach)));
		return new Track(true, 0, 0, end, end, value, prediction, reach);
	}

	private static void disable(Map<AlertKey, Track> tracks, AlertKey key, long minute, List<Transition> into) {
		Track track = tracks.remove(key);
		if (track != null && track.firing()) {
			into.add(new Transition(key, Transition.Change.RESOLVED, minute + Minutes.MS, track.since(), track.value(),
					track.prediction(), "rule disabled"));
		}
	}

	private static void put(Map<AlertKey, Track> tracks, AlertKey key, Track track) {
		if (track == null) {
			tracks.remove(key);
		}
		else {
			tracks.put(key, track);
		}
	}

	/**
	 * What an evaluation found.
	 *
	 * @param checkpoint the state after the kept minute
	 * @param settled transitions up to the kept minute: final
	 * @param open transitions after it: the next evaluation decides them again
	 * @param tracks the active alerts after the last minute
	 */
	public record Result(Checkpoint checkpoint, List<Transition> settled, List<Transition> open,
			Map<AlertKey, Track> tracks) {

	}

}
