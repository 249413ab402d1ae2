package org.healthmon.ui.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * The results table as CSV, for a spreadsheet: one header line, one line per service in
 * the table's order, the numbers as the query service gave them (not rounded), the peak
 * times ISO-8601 in the chosen zone.
 */
final class AnalyticsCsv {

	static final String HEADER = "service,messages,cpu_mean_pct,cpu_peak_pct,cpu_peak_at,"
			+ "ram_mean_pct,ram_peak_pct,ram_peak_at,disk_mean_pct,disk_peak_pct,disk_peak_at";

	private AnalyticsCsv() {
	}

	static String of(List<DashboardView.Row> rows) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (DashboardView.Row row : rows) {
			// service names are [A-Za-z0-9._-]: nothing to quote
			csv.append(row.service()).append(',').append(row.messages());
			for (DashboardView.Measure measure : List.of(row.cpu(), row.ram(), row.disk())) {
				csv.append(',')
					.append(number(measure.mean()))
					.append(',')
					.append(number(measure.peak()))
					.append(',')
					.append(measure.peakAtIso());
			}
			csv.append("\r\n");
		}
		return csv.toString();
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
