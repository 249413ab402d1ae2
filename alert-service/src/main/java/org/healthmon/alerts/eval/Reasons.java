package org.healthmon.alerts.eval;

import java.util.Locale;

import org.healthmon.alerts.rules.Limits;
import org.healthmon.alerts.rules.Resource;

/** The reason of an alert or its end, in the words an operator reads on the page. */
public final class Reasons {

	private Reasons() {
	}

	/** e.g. "CPU 93 % for 4 min". */
	public static String red(Resource resource, double mean, long forMs) {
		return String.format(Locale.ROOT, "%s %.0f %% for %d min", resource.title(), mean, forMs / Minutes.MS);
	}

	/** e.g. "CPU 85 % for 1 min, fires after 2 min". */
	public static String pending(Resource resource, double mean, long forMs, int forMinutes) {
		return red(resource, mean, forMs) + ", fires after " + forMinutes + " min";
	}

	/** e.g. "RAM predicted to reach 80 % in ~7 min". */
	public static String amber(Resource resource, double threshold, double reachMinutes) {
		if (reachMinutes < 1) {
			return String.format(Locale.ROOT, "%s at %.0f %% and rising", resource.title(), threshold);
		}
		return String.format(Locale.ROOT, "%s predicted to reach %.0f %% in ~%d min", resource.title(), threshold,
				(long) Math.ceil(reachMinutes));
	}

	static String cleared(Resource resource, double mean, Limits limits) {
		return String.format(Locale.ROOT, "%s %.0f %%, below %.0f %% for %d min", resource.title(), mean,
				limits.clearLevel(), limits.clearMinutes());
	}

	static String becameRed(Resource resource) {
		return resource.title() + " reached RED";
	}

	static String noLongerRising(Resource resource, Limits limits) {
		return String.format(Locale.ROOT, "%s no longer predicted to reach %.0f %%", resource.title(),
				limits.threshold());
	}

	/** e.g. "no message for 6 min (down after 1 min)". */
	public static String down(long silentMs, long downAfterMs) {
		return "no message for " + silentMs / Minutes.MS + " min (down after "
				+ Math.max(1, Math.round(downAfterMs / 1000.0)) + " s)";
	}

	public static String back() {
		return "reporting again";
	}

}
