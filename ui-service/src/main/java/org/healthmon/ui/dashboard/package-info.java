/**
 * The page: the window read from the URL, the query service's answers put in words for
 * the chosen time zone (table, notes on empty and partial windows, freshness, status,
 * chart data), the alert service's (the alerts panel, each service's alert badge, the
 * alert history of the window), the CSV download, and the controller that serves them.
 */
package org.healthmon.ui.dashboard;
