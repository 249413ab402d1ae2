package org.healthmon.ui.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page ({@code GET /}), the download of its table ({@code GET /analytics.csv}) and
 * the alert history of its window ({@code GET /alerts/history}). The window lives in the
 * URL, so any view can be bookmarked and shared; the form sends the zone its pickers were
 * written in ({@code in}) and is redirected to the clean URL of what it asked for.
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
		SortOrder sort = SortOrder.of(request.sort(), request.dir());
		int refresh = refresh(request.refresh());
		if (request.fromForm() && window.problems().isEmpty()) {
			return "redirect:" + url("/", window.query(), sort, refresh);
		}
		DashboardView view = this.dashboard.load(window, sort);
		response.setStatus(status(view.failure()).value());
		model.addAttribute("view", view);
		model.addAttribute("alerts", this.alerting.now(Texts.of(window, this.dashboard.now())));
		model.addAttribute("historyUrl", url("/alerts/history", window.query(), SortOrder.DEFAULT, 0));
		model.addAttribute("presets", presets(window));
		model.addAttribute("zones", zoneOptions(window.zone(), this.dashboard.now()));
		model.addAttribute("refreshOptions", refreshOptions(refresh));
		model.addAttribute("refresh", refresh);
		model.addAttribute("sort", sort);
		model.addAttribute("columns", columns(sort));
		model.addAttribute("csvUrl", url("/analytics.csv", window.fixedQuery(), sort, 0));
		model.addAttribute("queryUrl", this.properties.queryUrl());
		model.addAttribute("alertsUrl", this.properties.alertsUrl());
		return "dashboard";
	}

	/**
	 * The alerts fired and resolved in the window ({@code GET /alerts/history}), with the
	 * page's window parameters; a link leads back to the page with the same window.
	 */
	@GetMapping("/alerts/history")
	String history(PageRequest request, Model model, HttpServletResponse response) {
		PageWindow window = PageWindow.resolve(request, this.dashboard.now());
		HistoryView view = this.alerting.history(window, Texts.of(window, this.dashboard.now()));
		response.setStatus(status(view.kind()).value());
		model.addAttribute("view", view);
		model.addAttribute("backUrl", url("/", window.query(), SortOrder.DEFAULT, 0));
		model.addAttribute("alertsUrl", this.properties.alertsUrl());
		return "alert-history";
	}

	@GetMapping("/analytics.csv")
	ResponseEntity<String> csv(PageRequest request) {
		PageWindow window = PageWindow.resolve(request, this.dashboard.now());
		DashboardView view = this.dashboard.load(window, SortOrder.of(request.sort(), request.dir()));
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

	static HttpStatus status(DashboardView.@Nullable Failure failure) {
		return status((failure != null) ? failure.kind() : null);
	}

	static HttpStatus status(DashboardView.Failure.@Nullable Kind kind) {
		if (kind == null) {
			return HttpStatus.OK;
		}
		return switch (kind) {
			case INPUT, REJECTED -> HttpStatus.BAD_REQUEST;
			case UNREACHABLE, FAILED -> HttpStatus.BAD_GATEWAY;
		};
	}

	/** The URL of a page (or download) with this window, order and refresh. */
	static String url(String path, Map<String, String> window, SortOrder sort, int refresh) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		window.forEach(url::queryParam);
		if (refresh > 0) {
			url.queryParam("refresh", refresh);
		}
		if (!sort.isDefault()) {
			url.queryParam("sort", sort.column().key()).queryParam("dir", sort.dir());
		}
		return url.encode().build().toUriString();
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
