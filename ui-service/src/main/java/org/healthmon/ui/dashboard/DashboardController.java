package org.healthmon.ui.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.healthmon.ui.UiProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard ({@code GET /}), the download of its table ({@code GET /analytics.csv}),
 * the list of every service ({@code GET /services}), a service's own page ({@code GET
 * /services/{name}}) and the alert history of a window ({@code GET /alerts/history}).
 * What the reader chose lives in the URL, so any view can be bookmarked and shared; the
 * forms send the zone their pickers were written in ({@code in}) and are redirected to
 * the clean URL of what they asked for.
 */
@Controller
class DashboardController {

	/** The auto-refresh intervals offered, in seconds; 0 is off (the default). */
	private static final List<Integer> REFRESH = List.of(0, 15, 30, 60, 300);

	private static final Set<String> ZONE_AREAS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia",
			"Atlantic", "Australia", "Europe", "Indian", "Pacific");

	/** Every zone the picker offers: UTC, then the IANA region zones by name. */
	private static final List<String> ZONES = zones();

	private final Dashboard dashboard;

	private final Alerting alerting;

	private final UiProperties properties;

	DashboardController(Dashboard dashboard, Alerting alerting, UiProperties properties) {
		this.dashboard = dashboard;
		this.alerting = alerting;
		this.properties = properties;
	}

	@GetMapping("/")
	String page(PageRequest request, Model model, HttpServletResponse response) {
		PageWindow window = PageWindow.resolve(request, this.dashboard.now());
		PageLinks links = links("/", request, window);
		if (request.fromForm() && window.problems().isEmpty()) {
			return "redirect:" + links.self();
		}
		AlertsView alerts = this.alerting.now(Texts.of(window, this.dashboard.now()));
		DashboardView view = this.dashboard.load(window, links.sort(), links.listing(), alerts);
		response.setStatus(status(view.failure()).value());
		model.addAttribute("view", view);
		model.addAttribute("alerts", alerts.limited(this.properties.pageSize()));
		model.addAttribute("columns", columns(links.sort()));
		return form(model, window, links);
	}

	/** Every service the catalog knows: those that need attention first, then by name. */
	@GetMapping("/services")
	String services(PageRequest request, Model model, HttpServletResponse response) {
		PageWindow window = PageWindow.resolve(request, this.dashboard.now());
		PageLinks links = links("/services", request, window);
		AlertsView alerts = this.alerting.now(Texts.of(window, this.dashboard.now()));
		CatalogView view = this.dashboard.catalog(window, links.listing(), alerts);
		response.setStatus(status(view.failure()).value());
		model.addAttribute("view", view);
		model.addAttribute("alerts", alerts);
		model.addAttribute("links", links);
		model.addAttribute("queryUrl", this.properties.queryUrl());
		return "services";
	}

	/**
	 * A service's own page: its catalog entry, numbers and chart over the window, its
	 * alerts now and their history in the window.
	 */
	@GetMapping("/services/{name}")
	String service(@PathVariable String name, PageRequest request, Model model, HttpServletResponse response) {
		PageWindow window = PageWindow.resolve(request, this.dashboard.now());
		PageLinks links = links("/services/" + name, request, window);
		if (request.fromForm() && window.problems().isEmpty()) {
			return "redirect:" + links.service(name);
		}
		Texts texts = Texts.of(window, this.dashboard.now());
		ServiceView view = this.dashboard.service(window, name);
		response.setStatus(status(view.failure()).value());
		model.addAttribute("view", view);
		model.addAttribute("alerts", this.alerting.now(texts).of(name));
		if (view.failure() == null) {
			model.addAttribute("history", this.alerting.history(window, texts, name));
		}
		return form(model, window, links);
	}

	/**
	 * The alerts fired and resolved in the window ({@code GET /alerts/history}), with the
	 * page's window parameters; a link leads back to the page with the same window.
	 */
	@GetMapping("/alerts/history")
	String history(PageRequest request, Model model, HttpServletResponse response) {
		PageWindow window = PageWindow.resolve(request, this.dashboard.now());
		HistoryView view = this.alerting.history(window, Texts.of(window, this.dashboard.now()), null);
		response.setStatus(status(view.kind()).value());
		model.addAttribute("view", view);
		model.addAttribute("links", links("/alerts/history", request, window));
		model.addAttribute("alertsUrl", this.properties.alertsUrl());
		return "alert-history";
	}

	/** The whole table of the window: every service the filter matches, not one page. */
	@GetMapping("/analytics.csv")
	ResponseEntity<String> csv(PageRequest request) {
		PageWindow window = PageWindow.resolve(request, this.dashboard.now());
		PageLinks links = links("/analytics.csv", request, window);
		DashboardView view = this.dashboard.load(window, links.sort(), links.listing(),
				AlertsView.unavailable("not asked"));
		if (view.failure() != null) {
			return ResponseEntity.status(status(view.failure()))
				.contentType(MediaType.TEXT_PLAIN)
				.body(view.failure().title() + ": " + view.failure().detail() + "\n");
		}
		String name = "healthmon-" + window.fromPicker().replace(":", "") + "-" + window.toPicker().replace(":", "")
				+ ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(AnalyticsCsv.of(view.rows()));
	}

	private PageLinks links(String path, PageRequest request, PageWindow window) {
		return new PageLinks(path, window, SortOrder.of(request.sort(), request.dir()), refresh(request.refresh()),
				Listing.of(request));
	}

	/** What every page with the window form needs, and the template of the page. */
	private String form(Model model, PageWindow window, PageLinks links) {
		model.addAttribute("links", links);
		model.addAttribute("presets", presets(window));
		model.addAttribute("zones", zoneOptions(window.zone(), this.dashboard.now()));
		model.addAttribute("refreshOptions", refreshOptions(links.refresh()));
		model.addAttribute("queryUrl", this.properties.queryUrl());
		model.addAttribute("alertsUrl", this.properties.alertsUrl());
		return links.path().equals("/") ? "dashboard" : "service";
	}

	static HttpStatus status(DashboardView.@Nullable Failure failure) {
		return status((failure != null) ? failure.kind() : null);
	}

	static HttpStatus status(DashboardView.Failure.@Nullable Kind kind) {
		if (kind == null) {
			return HttpStatus.OK;
		}
		return switch (kind) {
			case INPUT, REJECTED -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case UNREACHABLE, FAILED -> HttpStatus.BAD_GATEWAY;
		};
	}

	private static int refresh(@Nullable String refresh) {
		if (refresh == null || refresh.isBlank()) {
			return 0;
		}
		try {
			int seconds = Integer.parseInt(refresh.strip());
			return (seconds >= 5 && seconds <= 86_400) ? seconds : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static List<PresetButton> presets(PageWindow window) {
		return Arrays.stream(Preset.values())
			.map((p) -> new PresetButton(p.key(), p.label(), p == window.preset()))
			.toList();
	}

	private static List<Option> zoneOptions(ZoneId current, Instant now) {
		List<String> ids = new ArrayList<>(ZONES);
		if (!ids.contains(current.getId())) {
			ids.add(1, current.getId());
		}
		return ids.stream()
			.map((id) -> new Option(id, Texts.zoneName(ZoneId.of(id), now), id.equals(current.getId())))
			.toList();
	}

	private static List<Option> refreshOptions(int refresh) {
		List<Integer> seconds = new ArrayList<>(REFRESH);
		if (!seconds.contains(refresh)) {
			seconds.add(refresh);
			seconds.sort(Integer::compare);
		}
		return seconds.stream()
			.map((s) -> new Option(String.valueOf(s), (s == 0) ? "Off" : "Every " + Texts.length(Duration.ofSeconds(s)),
					s == refresh))
			.toList();
	}

	private static List<ColumnHeader> columns(SortOrder sort) {
		List<ColumnHeader> columns = new ArrayList<>();
		for (SortOrder.Column column : SortOrder.Column.values()) {
			String ariaSort = (column != sort.column()) ? "none" : sort.descending() ? "descending" : "ascending";
			columns.add(new ColumnHeader(column.key(), column.label(), ariaSort, column != SortOrder.Column.SERVICE));
		}
		return columns;
	}

	private static List<String> zones() {
		Set<String> regions = new TreeSet<>();
		for (String id : ZoneId.getAvailableZoneIds()) {
			int slash = id.indexOf('/');
			if (slash > 0 && ZONE_AREAS.contains(id.substring(0, slash))) {
				regions.add(id);
			}
		}
		List<String> zones = new ArrayList<>();
		zones.add("UTC");
		zones.addAll(regions);
		return List.copyOf(zones);
	}

	/** A preset button; {@code current} when the page shows that preset. */
	record PresetButton(String key, String label, boolean current) {
	}

	/** An option of a select. */
	record Option(String value, String label, boolean selected) {
	}

	/** A header of the results table and how it sorts. */
	record ColumnHeader(String key, String label, String ariaSort, boolean numeric) {
	}

}
