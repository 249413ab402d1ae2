package org.healthmon.ui.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.healthmon.ui.query.QueryApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The step the charts ask for, and the data they are drawn from. */
class ChartDataTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void whenAWindowIsLongerThenTheStepIsTheSmallestRoundOneWithinThePointsAllowed() {
		assertThat(ChartData.stepMinutes(15, 120)).isEqualTo(1);
		assertThat(ChartData.stepMinutes(60, 120)).isEqualTo(1);
		assertThat(ChartData.stepMinutes(121, 120)).isEqualTo(2);
		assertThat(ChartData.stepMinutes(6 * 60, 120)).isEqualTo(5);
		assertThat(ChartData.stepMinutes(24 * 60, 120)).isEqualTo(15);
		assertThat(ChartData.stepMinutes(7 * 24 * 60, 120)).isEqualTo(120);
		assertThat(ChartData.stepMinutes(400 * 24 * 60, 120)).isEqualTo(4 * 1440);
		assertThat(ChartData.stepMinutes(0, 120)).isEqualTo(1);
	}

	@Test
	void whenStepsHaveNoMessagesThenTheLineBreaksThereAndThePeakIsTheWindows() {
		PageWindow window = PageWindow.resolve(new PageRequest("2026-11-22T10:00", "2026-11-22T10:10", null, "UTC",
				null, null, null, null, null, null, null), Instant.parse("2026-11-22T12:00:00Z"));
		QueryApi.Series series = new QueryApi.Series(null, "PT1M", 60, List
			.of(new QueryApi.ServiceSeries("a<b", List.of(point("10:00", 10), point("10:01", 20), point("10:05", 30)))),
				null);
		QueryApi.Resource peak = new QueryApi.Resource(20, 97.5, at("10:05:07.250"));
		QueryApi.Analytics analytics = new QueryApi.Analytics(null,
				List.of(new QueryApi.ServiceAnalytics("a<b", 3, peak, peak, peak)), null);

		String json = ChartData.json(series, analytics, window, JSON);

		assertThat(json).doesNotContain("<");
		JsonNode chart = JSON.readTree(json);
		assertThat(chart.at("/zone").asString()).isEqualTo("UTC");
		assertThat(chart.at("/stepMs").asLong()).isEqualTo(60_000);
		JsonNode cpu = chart.at("/services/0/cpu");
		assertThat(chart.at("/services/0/service").asString()).isEqualTo("a<b");
		assertThat(cpu.at("/means")).hasSize(4);
		assertThat(cpu.at("/means/0/x").asLong()).isEqualTo(ms("10:00:30"));
		assertThat(cpu.at("/means/2/x").asLong()).isEqualTo(ms("10:02:30"));
		assertThat(cpu.at("/means/2/y").isNull()).isTrue();
		assertThat(cpu.at("/means/3/y").asDouble()).isEqualTo(30);
		assertThat(cpu.at("/peak/x").asLong()).isEqualTo(ms("10:05:07.250"));
		assertThat(cpu.at("/peak/y").asDouble()).isEqualTo(97.5);
	}

	private static QueryApi.Point point(String time, double mean) {
		QueryApi.Resource resource = new QueryApi.Resource(mean, mean, at(time));
		return new QueryApi.Point(at(time), 1, resource, resource, resource);
	}

	private static OffsetDateTime at(String time) {
		return OffsetDateTime.parse("2026-11-22T" + (time.length() == 5 ? time + ":00" : time) + "Z")
			.withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static long ms(String time) {
		return at(time).toInstant().toEpochMilli();
	}

}
