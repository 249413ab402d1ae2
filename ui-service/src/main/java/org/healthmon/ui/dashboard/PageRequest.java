package org.healthmon.ui.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * The page's URL parameters, as written: the window ({@code from} and {@code to} as local
 * date-times in {@code zone}, or a preset {@code last}), the time zone, the zone the
 * pickers were written in ({@code in}, sent by the form only), the auto-refresh interval
 * in seconds, the table's sort order, and which of its rows are shown: a name filter
 * ({@code q}), the page ({@code page}, from 1) and whether services long gone are shown
 * ({@code stale=show}).
 */
record PageRequest(@Nullable String from, @Nullable String to, @Nullable String last, @Nullable String zone,
		@Nullable String in, @Nullable String refresh, @Nullable String sort, @Nullable String dir, @Nullable String q,
		@Nullable String page, @Nullable String stale) {

	static PageRequest empty() {
		return new PageRequest(null, null, null, null, null, null, null, null, null, null, null);
	}

	/** Whether this came from the form, and so should be redirected to its clean URL. */
	boolean fromForm() {
		return this.in != null;
	}

}
