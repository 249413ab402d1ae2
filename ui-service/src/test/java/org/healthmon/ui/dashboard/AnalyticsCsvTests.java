package org.healthmon.ui.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.healthmon.ui.query.QueryApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The table as CSV: exact numbers, times with their offset. */
class AnalyticsCsvTests {

	@Test
	void whenTheTableIsWrittenAsCsvThenNumbersAreUnroundedAndTimesCarryTheZonesOffset() {
		PageWindow window = PageWindow.resolve(new PageRequest("2026-11-22T10:00", "2026-11-22T11:00", null,
				"Asia/Kolkata", null, null, null, null, null, null, null), Instant.parse("2026-11-22T12:00:00Z"));
		Texts texts = Texts.of(window, Instant.parse("2026-11-22T12:00:00Z"));
		QueryApi.Resource cpu = new QueryApi.Resource(41.734123456, 97.2,
				OffsetDateTime.parse("2026-11-22T04:43:05.123Z"));
		QueryApi.Resource ram = new QueryApi.Resource(50, 0.0001, OffsetDateTime.parse("2026-11-22T04:31:00Z"));
		DashboardView.Row row = texts.row(new QueryApi.ServiceAnalytics("checkout", 3600, cpu, ram, ram));

		assertThat(row.cpu().meanText()).isEqualTo("41.73");
		assertThat(row.cpu().peakAtText()).isEqualTo("10:13:05");
		assertThat(AnalyticsCsv.of(List.of(row))).isEqualTo(AnalyticsCsv.HEADER + "\r\n"
				+ "checkout,3600,41.734123456,97.2,2026-11-22T10:13:05.123+05:30,50,0.0001,2026-11-22T10:01:00.000+05:30,50,0.0001,2026-11-22T10:01:00.000+05:30\r\n");
	}

}
