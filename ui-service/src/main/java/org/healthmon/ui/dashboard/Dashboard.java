package org.healthmon.ui.dashboard;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.healthmon.ui.UiProperties;
import org.healthmon.ui.dashboard.DashboardView.Failure;
import org.healthmon.ui.query.QueryApi;
import org.healthmon.ui.query.QueryClient;
import org.healthmon.ui.query.QueryRejectedException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.client.ResourceAccessException;

/**
 * Asks the query service for what the page shows (the catalog, the window's analytics and
 * its series) and puts it in words for the chosen zone. When the service cannot be
 * reached or refuses the window, the view says so instead of showing numbers.
 */
class Dashboard {

	private final QueryClient client;

	private final UiProperties properties;

	private final Clock clock;

	private final JsonMapper json;

	Dashboard(QueryClient client, UiProperties properties, Clock clock, JsonMapper json) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
	}

	Instant now() {
		return this.clock.instant();
	}

	DashboardView load(PageWindow window, SortOrder sort) {
		Texts texts = Texts.of(window, now());
		Page page = new Page(window, texts);
		QueryApi.Services catalog = null;
		try {
			catalog = this.client.services(null);
			page.status = status(catalog, texts);
		}
		catch (ResourceAccessException ex) {
			if (window.problems().isEmpty()) {
				return page.failed(unreachable(ex));
			}
			page.statusFailure = unreachable(ex).detail();
		}
		catch (QueryRejectedException ex) {
			page.statusFailure = "The service catalog did not come back: " + words(ex.problem());
		}
		if (!window.problems().isEmpty()) {
			return page.failed(new Failure(Failure.Kind.INPUT, "This page's address has a mistake",
					String.join("; ", window.problems()) + ". Showing nothing until the window is fixed.", null, null));
		}
		QueryApi.Analytics analytics;
		try {
			analytics = this.client.analytics(window.apiFrom(), window.apiTo(), null);
		}
		catch (ResourceAccessException ex) {
			return page.failed(unreachable(ex));
		}
		catch (QueryRejectedException ex) {
			return page.failed(rejected(ex));
		}
		page.rows = analytics.services().stream().map(texts::row).sorted(sort.comparator()).toList();
		page.freshness = freshness(analytics.sources(), texts);
		QueryApi.Series series = series(window, page);
		if (series != null) {
			page.charts = ChartData.json(series, analytics, window, this.json);
		}
		page.notes = WindowNotes.of(window, analytics, series, catalog, texts);
		return page.view();
	}

	private QueryApi.@Nullable Series series(PageWindow window, Page page) {
		long step = ChartData.stepMinutes(window.minutes(), this.properties.chartPoints());
		page.step = Texts.length(Duration.ofMinutes(step));
		try {
			return this.client.series(window.apiFrom(), window.apiTo(), step + "m", null);
		}
		catch (ResourceAccessException ex) {
			page.chartFailure = "No charts: the query service stopped answering (" + reason(ex) + ").";
		}
		catch (QueryRejectedException ex) {
			page.chartFailure = "No charts: the query service refused the series: " + words(ex.problem());
		}
		return null;
	}

	private Failure unreachable(ResourceAccessException ex) {
		return new Failure(Failure.Kind.UNREACHABLE, "The query service is not answering",
				"The query service at " + this.properties.queryUrl() + " could not be reached (" + reason(ex)
						+ "). Nothing can be shown until it answers again; this page works again as soon as it does.",
				null, null);
	}

	/** Why a call got no answer, in words: the JDK's exceptions often have no message. */
	static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return "no answer in time";
			}
			if (cause instanceof UnknownHostException) {
				return "unknown host " + cause.getMessage();
			}
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return (root.getMessage() != null) ? root.getClass().getSimpleName() + ": " + root.getMessage()
				: root.getClass().getSimpleName();
	}

	private static Failure rejected(QueryRejectedException ex) {
		QueryApi.Problem problem = ex.problem();
		if (ex.rejectedRequest()) {
			return new Failure(Failure.Kind.REJECTED, "The query service refused this window", sentence(words(problem)),
					problem.parameter(), problem.value());
		}
		return new Failure(Failure.Kind.FAILED, "The query service failed to answer",
				sentence(words(problem)) + " Try again; if it persists, see the query service's log.", null, null);
	}

	/** A problem detail as a sentence: its title, then its detail. */
	static String words(QueryApi.Problem problem) {
		String title = (problem.title() != null) ? problem.title() : "HTTP " + problem.status();
		return (problem.detail() != null) ? title + ": " + problem.detail()
				: title + " (HTTP " + problem.status() + ")";
	}

	/** A sentence ends with one full stop. */
	private static String sentence(String text) {
		return (text.endsWith(".") || text.endsWith("!") || text.endsWith("?")) ? text : text + ".";
	}

	private DashboardView.Freshness freshness(QueryApi.@Nullable Sources sources, Texts texts) {
		if (sources == null || (sources.batch() == null && sources.realtime() == null)) {
			return new DashboardView.Freshness(
					"No views yet: the batch and speed layers have not published anything, so every window is empty for now.",
					true);
		}
		List<String> views = new ArrayList<>();
		if (sources.batch() != null) {
			QueryApi.BatchSource batch = sources.batch();
			views.add("batch view v" + batch.version() + " (published " + texts.time(batch.publishedAt()) + ", "
					+ Texts.count(batch.rows()) + " rows)");
		}
		else {
			views.add("no batch view yet (only the realtime set answers)");
		}
		if (sources.realtime() != null) {
			QueryApi.RealtimeSource realtime = sources.realtime();
			views.add("realtime set " + realtime.set() + " v" + realtime.version() + " (updated "
					+ texts.time(realtime.updatedAt()) + ", " + Texts.count(realtime.rows()) + " rows)");
		}
		else {
			views.add("no realtime set (messages after the batch view's cutoff wait for the speed layer)");
		}
		boolean stale = sources.ageSeconds() != null
				&& sources.ageSeconds() * 1000 > this.properties.staleAfter().toMillis();
		String asOf = (sources.dataAsOf() != null)
				? "Data as of " + texts.time(sources.dataAsOf()) + " (" + Texts.seconds(sources.ageSeconds()) + " old)"
				: "Data of unknown age";
		String warning = stale ? " — older than " + Texts.length(this.properties.staleAfter())
				+ ": are the batch and speed services running?" : "";
		return new DashboardView.Freshness(asOf + ", from " + String.join(" and ", views) + "." + warning, stale);
	}

	private static DashboardView.StatusBoard status(QueryApi.Services catalog, Texts texts) {
		List<DashboardView.Badge> badges = catalog.services()
			.stream()
			.sorted(Comparator.comparing(QueryApi.ServiceStatus::service))
			.map((s) -> new DashboardView.Badge(s.service(), s.up(), texts.time(s.lastSeen()),
					texts.iso(s.lastSeen().toInstant()), texts.ago(s.lastSeen().toInstant()), Texts.count(s.messages()),
					s.lost(), s.duplicates()))
			.toList();
		if (badges.isEmpty()) {
			return new DashboardView.StatusBoard("No service has reported yet.", badges);
		}
		long up = badges.stream().filter(DashboardView.Badge::up).count();
		String updated = (catalog.updatedAt() != null) ? "; catalog updated " + texts.time(catalog.updatedAt()) : "";
		return new DashboardView.StatusBoard(up + " of " + badges.size() + " services UP (DOWN after "
				+ Texts.length(Duration.ofSeconds(catalog.downAfterSeconds())) + " without a message)" + updated + ".",
				badges);
	}

	/** The view being built. */
	private static final class Page {

		private final PageWindow window;

		private final Texts texts;

		private List<DashboardView.Row> rows = List.of();

		private List<String> notes = List.of();

		private DashboardView.@Nullable Freshness freshness;

		private DashboardView.@Nullable StatusBoard status;

		private @Nullable String statusFailure;

		private @Nullable String charts;

		private @Nullable String chartFailure;

		private String step = "";

		Page(PageWindow window, Texts texts) {
			this.window = window;
			this.texts = texts;
		}

		DashboardView failed(Failure failure) {
			return view(failure);
		}

		DashboardView view() {
			return view(null);
		}

		private DashboardView view(@Nullable Failure failure) {
			return new DashboardView(this.window, this.texts.window(this.window), this.texts.zoneName(), failure,
					this.rows, this.notes, this.freshness, this.status, this.statusFailure, this.charts,
					this.chartFailure, this.step);
		}

	}

}
