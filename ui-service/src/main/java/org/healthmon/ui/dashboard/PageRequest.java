package org.healthmon.ui.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * The page's URL parameters, as written: the window ({@code from} and {@code to} as local
 * date-times in {@code zone}, or a preset {@code last}), the time zone, the zone the
 * pickers were written in ({@code in}, sent by the form only), the auto-refresh interval
 * in seconds, and the table's sort order.
 */
record PageRequest(@Nullable String from, @Nullable String to, @Nullable String last, @Nullable String zone,
		@Nullable String in, @Nullable String refresh, @Nullable String sort, @Nullable String dir) {

	static PageRequest empty() {
		return new PageRequest(null, null, null, null, null, null, null, null);
	}

	/** Whether this came from the form, and so should be redirected to its clean URL. */
	boolean fromForm() {
		return this.in != null;
	}

}
