package org.healthmon.query;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.healthmon.query.support.FixtureStore;
import org.healthmon.query.support.QueryApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad request gets 400 with an RFC 9457 problem detail that names the parameter,
 * echoes the value and says what would be right.
 */
class BadParameterTests {

	@TempDir
	static Path dir;

	private static QueryApp app;

	@BeforeAll
	static void start() {
		app = new QueryApp(new FixtureStore(dir.resolve("store")), dir.resolve("cache"));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					from missing          | /api/v1/analytics?to=2026-11-22T11:00Z                                | from      | 'from' is required
					to missing            | /api/v1/analytics?from=2026-11-22T10:00Z                              | to        | 'to' is required
					from blank            | /api/v1/analytics?from=%20&to=2026-11-22T11:00Z                       | from      | 'from' is required
					from not a time       | /api/v1/analytics?from=yesterday&to=2026-11-22T11:00Z                 | from      | 'from' is not an ISO-8601 time: 'yesterday'
					to not a time         | /api/v1/analytics?from=2026-11-22T10:00Z&to=2026-13-01T00:00Z         | to        | 'to' is not an ISO-8601 time
					bad offset            | /api/v1/analytics?from=2026-11-22T10:00%2B25:00&to=2026-11-22T11:00Z  | from      | 'from' is not an ISO-8601 time
					from equals to        | /api/v1/analytics?from=2026-11-22T10:00Z&to=2026-11-22T10:00Z         | to        | must be later than 'from'
					window reversed       | /api/v1/analytics?from=2026-11-22T11:00Z&to=2026-11-22T10:00Z         | to        | would be empty or reversed
					reversed by offset    | /api/v1/analytics?from=2026-11-22T11:30%2B01:00&to=2026-11-22T10:00Z  | to        | must be later than 'from'
					before 1970           | /api/v1/analytics?from=1969-12-31T00:00Z&to=2026-11-22T10:00Z         | from      | 'from' must lie between 1970-01-01T00:00:00Z and
					bad service name      | /api/v1/analytics?from=2026-11-22T10:00Z&to=2026-11-22T11:00Z&service=a%20b | service | 'service' is not a service name
					service too long      | /api/v1/services?service=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | service | service name must be 1-64 chars
					series step missing   | /api/v1/series?from=2026-11-22T10:00Z&to=2026-11-22T11:00Z            | step      | 'step' is required
					series step unknown   | /api/v1/series?from=2026-11-22T10:00Z&to=2026-11-22T11:00Z&step=5x    | step      | 'step' must be a number of minutes, hours or days
					series step seconds   | /api/v1/series?from=2026-11-22T10:00Z&to=2026-11-22T11:00Z&step=PT30S | step      | 'step' must be a whole number of minutes, at least 1m
					series step fraction  | /api/v1/series?from=2026-11-22T10:00Z&to=2026-11-22T11:00Z&step=PT90S | step      | 'step' must be a whole number of minutes
					series step overflow  | /api/v1/series?from=2026-11-22T10:00Z&to=2026-11-22T11:00Z&step=PT9999999999999999S | step | 'step' must be a number of minutes, hours or days
					series step zero      | /api/v1/series?from=2026-11-22T10:00Z&to=2026-11-22T11:00Z&step=0m    | step      | at least 1m
					series too many points| /api/v1/series?from=2026-01-01T00:00Z&to=2026-02-01T00:00Z&step=1m    | step      | gives 44640 points per service, at most 20000 are allowed: use a step of at least 3m
					series bad window     | /api/v1/series?from=2026-11-22T11:00Z&to=2026-11-22T10:00Z&step=5m    | to        | must be later than 'from'
					""")
	void whenAParameterIsBadThenTheAnswerIs400WithAProblemDetailSayingWhatIsWrong(String name, String query,
			String parameter, String detail) throws Exception {
		HttpResponse<String> response = app.get(query);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = QueryApp.parse(response.body());
		assertThat(problem.at("/status").asInt()).isEqualTo(400);
		assertThat(problem.at("/title").asString()).isEqualTo("Bad parameter '" + parameter + "'");
		assertThat(problem.at("/parameter").asString()).isEqualTo(parameter);
		assertThat(problem.at("/detail").asString()).contains(detail);
		assertThat(problem.at("/instance").asString()).isEqualTo(query.substring(0, query.indexOf('?')));
	}

}
