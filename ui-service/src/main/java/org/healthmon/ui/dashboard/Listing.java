package org.healthmon.ui.dashboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which rows of a long list a page shows: those whose service name contains the filter
 * (any case), on one page of them, and whether services long gone are shown too. In the
 * URL as {@code q}, {@code page} and {@code stale=show}; what the URL gets wrong falls
 * back to the default (no filter, the first page), as a bad sort order does.
 *
 * @param filter the text a name must contain; empty for every name
 * @param page the page, from 1
 * @param showStale whether services not seen for longer than
 * {@code healthmon.ui.hide-after} are listed
 */
record Listing(String filter, int page, boolean showStale) {

	/** Longer filters are cut: a service name has at most 64 characters. */
	private static final int MAX_FILTER = 64;

	static final Listing DEFAULT = new Listing("", 1, false);

	static Listing of(PageRequest request) {
		String filter = (request.q() != null) ? request.q().strip() : "";
		if (filter.length() > MAX_FILTER) {
			filter = filter.substring(0, MAX_FILTER);
		}
		return new Listing(filter, page(request.page()), "show".equalsIgnoreCase(request.stale()));
	}

	private static int page(@Nullable String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			return Math.max(1, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	boolean matches(String service) {
		return this.filter.isEmpty() || service.toLowerCase(Locale.ROOT).contains(this.filter.toLowerCase(Locale.ROOT));
	}

	Listing atPage(int page) {
		return new Listing(this.filter, page, this.showStale);
	}

	Listing showingStale(boolean show) {
		return new Listing(this.filter, 1, show);
	}

	/** The URL parameters of this listing; none for the default. */
	Map<String, String> query() {
		Map<String, String> query = new LinkedHashMap<>();
		if (!this.filter.isEmpty()) {
			query.put("q", this.filter);
		}
		if (this.page > 1) {
			query.put("page", String.valueOf(this.page));
		}
		if (this.showStale) {
			query.put("stale", "show");
		}
		return query;
	}

}
