package org.healthmon.ui.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * The list of every service the catalog knows ({@code /services}): those that need
 * attention first, then by name; filtered by name and paged. Built by {@link Dashboard},
 * rendered by {@code services.html}.
 *
 * @param window the window the links carry on
 * @param failure why there is no list, if there is none
 * @param status the counts, as the dashboard shows them
 * @param list the page of entries shown
 * @param known how many services the catalog knows, hidden ones included
 */
record CatalogView(PageWindow window, DashboardView.@Nullable Failure failure,
		DashboardView.@Nullable StatusBoard status, Paged<DashboardView.Badge> list, int known) {

}
