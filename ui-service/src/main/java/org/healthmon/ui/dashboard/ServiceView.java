package org.healthmon.ui.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * A service's own page ({@code /services/{name}}): its catalog entry, its numbers over
 * the window and its charts; built by {@link Dashboard}, rendered by {@code service.html}
 * with the service's alerts beside.
 *
 * @param window the window shown
 * @param windowText the window in words
 * @param zoneText the zone with its offset
 * @param service the service's name
 * @param failure why there is nothing to show, if there is nothing
 * @param catalog its catalog entry, or {@code null} when the catalog did not come back
 * @param row its numbers over the window, or {@code null} when it sent nothing in it
 * @param freshness how fresh the data is
 * @param charts the chart's data (JSON), when the series came back with points
 * @param chartFailure why there is no chart, if there is none
 * @param step the step of the chart's series, e.g. {@code 1 min}
 */
record ServiceView(PageWindow window, String windowText, String zoneText, String service,
		DashboardView.@Nullable Failure failure, DashboardView.@Nullable Badge catalog, DashboardView.@Nullable Row row,
		DashboardView.@Nullable Freshness freshness, @Nullable String charts, @Nullable String chartFailure,
		String step) {

}
