package org.healthmon.ui.dashboard;

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

import org.springframework.web.client.ResourceAccessException;

/**
 * Asks the query service for what the pages show (the catalog, the window's analytics, a
 * service's series) and puts it in words for the chosen zone: the dashboard, the list of
 * services and a service's page. When the service cannot be reached or refuses the
 * window, the view says so instead of showing numbers ({@link Failures}).
 */
class Dashboard {

	private final QueryClient client;

	private final UiProperties properties;

	private final Clock clock;

	private final JsonMapper json;

	private final FleetStatus fleet;

	private final Failures failures;

	Dashboard(QueryClient client, UiProperties properties, Clock clock, JsonMapper json) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
		this.fleet = new FleetStatus(properties);
		this.failures = new Failures(properties.queryUrl());
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * The dashboard: the fleet's status, then one page of the window's table.
	 * @param alerts the alerts now, for the alerting count and the attention list
	 */
	DashboardView load(PageWindow window, SortOrder sort, Listing listing, AlertsView alerts) {
		Texts texts = Texts.of(window, now());
		Page page = new Page(window, texts, listing, this.properties.pageSize());
		QueryApi.Services catalog = null;
		try {
			catalog = this.client.services(null);
			page.status = this.fleet.status(catalog, texts, alerts);
		}
		catch (ResourceAccessException ex) {
			if (window.problems().isEmpty()) {
				return page.failed(this.failures.unreachable(ex));
			}
			page.statusFailure = this.failures.unreachable(ex).detail();
		}
		catch (QueryRejectedException ex) {
			page.statusFailure = "The service catalog did not come back: " + Failures.words(ex.problem());
		}
		if (!window.problems().isEmpty()) {
			return page.failed(Failures.input(window));
		}
		QueryApi.Analytics analytics;
		try {
			analytics = this.client.analytics(window.apiFrom(), window.apiTo(), null);
		}
		catch (ResourceAccessException ex) {
			return page.failed(this.failures.unreachable(ex));
		}
		catch (QueryRejectedException ex) {
			return page.failed(Failures.rejected(ex));
		}
		page.analyzed = analytics.services().size();
		page.rows = analytics.services()
			.stream()
			.filter((s) -> listing.matches(s.service()))
			.map(texts::row)
			.sorted(sort.comparator())
			.toList();
		page.freshness = freshness(analytics.sources(), texts);
		page.notes = WindowNotes.of(window, analytics, catalog, texts,
				Duration.ofMinutes(ChartData.stepMinutes(window.minutes(), this.properties.chartPoints())));
		return page.view();
	}

	/** The list of every service: those that need attention first, filtered and paged. */
	CatalogView catalog(PageWindow window, Listing listing, AlertsView alerts) {
		Texts texts = Texts.of(window, now());
		try {
			QueryApi.Services catalog = this.client.services(null);
			DashboardView.StatusBoard status = this.fleet.status(catalog, texts, alerts);
			List<DashboardView.Badge> listed = this.fleet.badges(catalog, texts)
				.stream()
				.filter((b) -> listing.matches(b.service()) && (listing.showStale() || !b.stale()))
				.sorted(Comparator.comparingInt((DashboardView.Badge b) -> FleetStatus.attention(b, alerts)))
				.toList();
			return new CatalogView(window, null, status, Paged.of(listed, listing.page(), this.properties.pageSize()),
					catalog.services().size());
		}
		catch (ResourceAccessException ex) {
			return new CatalogView(window, this.failures.unreachable(ex), null, Paged.of(List.of(), 1, 1), 0);
		}
		catch (QueryRejectedException ex) {
			return new CatalogView(window, Failures.rejected(ex), null, Paged.of(List.of(), 1, 1), 0);
		}
	}

	/**
	 * A service's own page: its catalog entry, its numbers and its chart over the window.
	 */
	ServiceView service(PageWindow window, String name) {
		Texts texts = Texts.of(window, now());
		ServicePage page = new ServicePage(window, texts, name);
		try {
			page.catalog = this.client.services(name)
				.services()
				.stream()
				.filter((s) -> s.service().equals(name))
				.findFirst()
				.map((s) -> this.fleet.badge(s, texts))
				.orElse(null);
			if (page.catalog == null) {
				return page.view(new Failure(Failure.Kind.NOT_FOUND, "No service named " + name,
						"The service catalog knows no service of that name. The list of services shows every name it knows.",
						null, null));
			}
		}
		catch (ResourceAccessException ex) {
			return page.view(this.failures.unreachable(ex));
		}
		catch (QueryRejectedException ex) {
			return page.view(Failures.rejected(ex));
		}
		if (!window.problems().isEmpty()) {
			return page.view(Failures.input(window));
		}
		try {
			QueryApi.Analytics analytics = this.client.analytics(window.apiFrom(), window.apiTo(), name);
			page.row = analytics.services().stream().findFirst().map(texts::row).orElse(null);
			page.freshness = freshness(analytics.sources(), texts);
			QueryApi.Series series = series(window, name, page);
			if (series != null && page.row != null) {
				page.charts = ChartData.json(series, analytics, window, this.json);
			}
		}
		catch (ResourceAccessException ex) {
			return page.view(this.failures.unreachable(ex));
		}
		catch (QueryRejectedException ex) {
			return page.view(Failures.rejected(ex));
		}
		return page.view(null);
	}

	private QueryApi.@Nullable Series series(PageWindow window, String name, ServicePage page) {
		long step = ChartData.stepMinutes(window.minutes(), this.properties.chartPoints());
		page.step = Texts.length(Duration.ofMinutes(step));
		try {
			return this.client.series(window.apiFrom(), window.apiTo(), step + "m", name);
		}
		catch (ResourceAccessException ex) {
			page.chartFailure = "No chart: the query service stopped answering (" + Failures.reason(ex) + ").";
		}
		catch (QueryRejectedException ex) {
			page.chartFailure = "No chart: the query service refused the series: " + Failures.words(ex.problem());
		}
		return null;
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

	/** The dashboard being built. */
	private static final class Page {

		private final PageWindow window;

		private final Texts texts;

		private final Listing listing;

		private final int pageSize;

		private List<DashboardView.Row> rows = List.of();

		private int analyzed;

		private List<DashboardView.Note> notes = List.of();

		private DashboardView.@Nullable Freshness freshness;

		private DashboardView.@Nullable StatusBoard status;

		private @Nullable String statusFailure;

		Page(PageWindow window, Texts texts, Listing listing, int pageSize) {
			this.window = window;
			this.texts = texts;
			this.listing = listing;
			this.pageSize = pageSize;
		}

		DashboardView failed(Failure failure) {
			return view(failure);
		}

		DashboardView view() {
			return view(null);
		}

		private DashboardView view(@Nullable Failure failure) {
			return new DashboardView(this.window, this.texts.window(this.window), this.texts.zoneName(), failure,
					this.rows, Paged.of(this.rows, this.listing.page(), this.pageSize), this.analyzed, this.notes,
					this.freshness, this.status, this.statusFailure);
		}

	}

	/** A service's page being built. */
	private static final class ServicePage {

		private final PageWindow window;

		private final Texts texts;

		private final String service;

		private DashboardView.@Nullable Badge catalog;

		private DashboardView.@Nullable Row row;

		private DashboardView.@Nullable Freshness freshness;

		private @Nullable String charts;

		private @Nullable String chartFailure;

		private String step = "";

		ServicePage(PageWindow window, Texts texts, String service) {
			this.window = window;
			this.texts = texts;
			this.service = service;
		}

		ServiceView view(@Nullable Failure failure) {
			return new ServiceView(this.window, this.texts.window(this.window), this.texts.zoneName(), this.service,
					failure, this.catalog, this.row, this.freshness, this.charts, this.chartFailure, this.step);
		}

	}

}
