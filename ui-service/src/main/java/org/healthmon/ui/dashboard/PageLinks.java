package org.healthmon.ui.dashboard;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses a page links to, each carrying what the reader chose: the window, the
 * auto-refresh, the sort order and the listing (filter, page, services long gone). Every
 * view is a URL, so each can be bookmarked and shared, and auto-refresh keeps it.
 *
 * @param path the page's own path, e.g. {@code /} or {@code /services}
 * @param window the window's parameters (a preset stays live)
 * @param sort the table's order
 * @param refresh the auto-refresh interval in seconds; 0 is off
 * @param listing the rows shown
 */
record PageLinks(String path, PageWindow window, SortOrder sort, int refresh, Listing listing) {

	/** The window's URL parameters, e.g. for a form's hidden fields. */
	public Map<String, String> windowQuery() {
		return this.window.query();
	}

	/** This page as it is. */
	public String self() {
		return url(this.path, this.window.query(), this.sort, this.refresh, this.listing);
	}

	/** This page sorted by a column: by it the other way when it is the order already. */
	public String sorted(String column) {
		SortOrder next = SortOrder.of(column, null);
		if (next.column() == this.sort.column()) {
			next = new SortOrder(next.column(), !this.sort.descending());
		}
		return url(this.path, this.window.query(), next, this.refresh, this.listing.atPage(1));
	}

	/** Another page of this page's list. */
	public String atPage(int page) {
		return url(this.path, this.window.query(), this.sort, this.refresh, this.listing.atPage(page));
	}

	/** This page without the filter. */
	public String withoutFilter() {
		return url(this.path, this.window.query(), this.sort, this.refresh,
				new Listing("", 1, this.listing.showStale()));
	}

	/** This page with the services long gone shown, or hidden again. */
	public String showingStale(boolean show) {
		return url(this.path, this.window.query(), this.sort, this.refresh, this.listing.showingStale(show));
	}

	/** The download of the whole table: every row the filter matches, in this order. */
	public String csv() {
		return url("/analytics.csv", this.window.fixedQuery(), this.sort, 0, this.listing.atPage(1));
	}

	/** The dashboard with this window. */
	public String dashboard() {
		return url("/", this.window.query(), SortOrder.DEFAULT, this.refresh, Listing.DEFAULT);
	}

	/** A service's own page, with this window. */
	public String service(String name) {
		String path = UriComponentsBuilder.fromPath("/services").pathSegment(name).encode().build().toUriString();
		return url(path, this.window.query(), SortOrder.DEFAULT, this.refresh, Listing.DEFAULT);
	}

	/** The list of every service, with this window. */
	public String services() {
		return url("/services", this.window.query(), SortOrder.DEFAULT, this.refresh, Listing.DEFAULT);
	}

	/** The alert history of this window. */
	public String history() {
		return url("/alerts/history", this.window.query(), SortOrder.DEFAULT, 0, Listing.DEFAULT);
	}

	/** The URL of a page (or download) with this window, order, refresh and listing. */
	static String url(String path, Map<String, String> window, SortOrder sort, int refresh, Listing listing) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		window.forEach(url::queryParam);
		if (refresh > 0) {
			url.queryParam("refresh", refresh);
		}
		if (!sort.isDefault()) {
			url.queryParam("sort", sort.column().key()).queryParam("dir", sort.dir());
		}
		listing.query().forEach(url::queryParam);
		return url.encode().build().toUriString();
	}

}
