package org.healthmon.ui.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.healthmon.ui.query.QueryApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The charts' data as the page's script reads it: per service, the mean of each resource
 * per step (at the middle of the step; a gap where steps have no messages) and the
 * window's peak with its exact time. Epoch ms on the x axis; the script writes them in
 * the chosen zone.
 */
final class ChartData {

	/** Minutes per step the charts may use: round numbers a person reads at a glance. */
	private static final long[] STEPS = { 1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440 };

	private ChartData() {
	}

	/**
	 * The step for a window: the smallest round one giving at most {@code points} points.
	 * @return the step in minutes
	 */
	static long stepMinutes(long windowMinutes, int points) {
		long least = Math.max(1, -Math.floorDiv(-windowMinutes, points));
		for (long step : STEPS) {
			if (step >= least) {
				return step;
			}
		}
		long day = STEPS[STEPS.length - 1];
		return -Math.floorDiv(-least, day) * day;
	}

	/** The JSON, safe inside {@code <script type="application/json">}. */
	static String json(QueryApi.Series series, QueryApi.Analytics analytics, PageWindow window, JsonMapper json) {
		Map<String, QueryApi.ServiceAnalytics> peaks = new HashMap<>();
		analytics.services().forEach((s) -> peaks.put(s.service(), s));
		long stepMs = series.stepSeconds() * 1000;
		List<ServiceChart> services = new ArrayList<>();
		for (QueryApi.ServiceSeries service : series.services()) {
			QueryApi.ServiceAnalytics total = peaks.get(service.service());
			services.add(new ServiceChart(service.service(),
					line(service.points(), stepMs, QueryApi.Point::cpu, (total != null) ? total.cpu() : null),
					line(service.points(), stepMs, QueryApi.Point::ram, (total != null) ? total.ram() : null),
					line(service.points(), stepMs, QueryApi.Point::disk, (total != null) ? total.disk() : null)));
		}
		Chart chart = new Chart(window.zone().getId(), window.from().toInstant().toEpochMilli(),
				window.to().toInstant().toEpochMilli(), stepMs, services);
		// '<' escaped: a JSON string can never close the script element it sits in
		return json.writeValueAsString(chart).replace("<", "\\u003c");
	}

	private static Line line(List<QueryApi.Point> points, long stepMs,
			Function<QueryApi.Point, QueryApi.Resource> resource, QueryApi.@Nullable Resource total) {
		List<XY> means = new ArrayList<>();
		long previous = Long.MIN_VALUE;
		for (QueryApi.Point point : points) {
			long start = point.start().toInstant().toEpochMilli();
			if (previous != Long.MIN_VALUE && start - previous > stepMs) {
				// steps without messages are left out of the series: break the line there
				means.add(new XY(previous + stepMs + stepMs / 2, null));
			}
			means.add(new XY(start + stepMs / 2, resource.apply(point).mean()));
			previous = start;
		}
		XY peak = (total != null) ? new XY(total.peakAt().toInstant().toEpochMilli(), total.peak()) : null;
		return new Line(means, peak);
	}

	record Chart(String zone, long from, long to, long stepMs, List<ServiceChart> services) {
	}

	record ServiceChart(String service, Line cpu, Line ram, Line disk) {
	}

	/** Means per step, and the window's peak. */
	record Line(List<XY> means, @Nullable XY peak) {
	}

	/** A point as Chart.js takes it; {@code y} null is a gap. */
	record XY(long x, @Nullable Double y) {
	}

}
