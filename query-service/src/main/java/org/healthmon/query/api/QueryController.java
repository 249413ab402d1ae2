package org.healthmon.query.api;

import java.io.IOException;
import java.sql.SQLException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.healthmon.query.QueryProperties;
import org.healthmon.query.api.ApiModel.Analytics;
import org.healthmon.query.api.ApiModel.Series;
import org.healthmon.query.api.ApiModel.Services;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The query API, version 1. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "health", description = "Health of the services over time windows")
@ApiResponse(responseCode = "400", description = "A parameter is missing or wrong; the detail says which and why",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class)))
public class QueryController {

	private static final String TIME = "ISO-8601 time; UTC when no offset is given (write '+' as %2B in a URL)";

	private final Answers answers;

	private final QueryProperties properties;

	public QueryController(Answers answers, QueryProperties properties) {
		this.answers = answers;
		this.properties = properties;
	}

	@GetMapping("/analytics")
	@Operation(summary = "Per-service analytics of a window", description = """
			For each service with messages in [from, to): the number of messages, mean CPU, RAM and disk \
			use, and for each resource the peak and the event time of the peak (the earliest of equal \
			peaks). The window has minute precision: from is rounded down, to up; times in the answer \
			use the offset of 'from'. The answer merges the batch view with the realtime set that starts \
			at its cutoff, so every message counts exactly once; 'sources' says which views answered and \
			how fresh they are.""")
	@ApiResponse(responseCode = "200", description = "The analytics")
	public Analytics analytics(
			@Parameter(description = "start of the window (inclusive); " + TIME,
					example = "2026-11-22T10:00:00Z") @RequestParam(required = false) String from,
			@Parameter(description = "end of the window (exclusive); " + TIME,
					example = "2026-11-22T11:00:00Z") @RequestParam(required = false) String to,
			@Parameter(description = "only this service",
					example = "checkout") @RequestParam(required = false) String service)
			throws SQLException {
		QueryWindow window = QueryWindow.of(from, to);
		return this.answers.analytics(window, QueryWindow.service(service));
	}

	@GetMapping("/series")
	@Operation(summary = "Per-service series of a window, for charts", description = """
			The measures of /analytics per service per step, steps starting at 'from'. Steps without \
			messages are left out. A window and step giving more points per service than the \
			service allows (healthmon.query.max-points) is refused with 400, and so is an answer of \
			more points in all (services × steps) than healthmon.query.max-answer-points.""")
	@ApiResponse(responseCode = "200", description = "The series")
	public Series series(
			@Parameter(description = "start of the window (inclusive); " + TIME,
					example = "2026-11-22T10:00:00Z") @RequestParam(required = false) String from,
			@Parameter(description = "end of the window (exclusive); " + TIME,
					example = "2026-11-22T11:00:00Z") @RequestParam(required = false) String to,
			@Parameter(description = "length of a step: 1m, 5m, 1h, 1d … or ISO-8601 (PT15M); whole minutes",
					example = "5m") @RequestParam(required = false) String step,
			@Parameter(description = "only this service",
					example = "checkout") @RequestParam(required = false) String service)
			throws SQLException {
		QueryWindow window = QueryWindow.of(from, to);
		long stepMs = window.step(step, this.properties.maxPoints());
		return this.answers.series(window, stepMs, QueryWindow.service(service));
	}

	@GetMapping("/services")
	@Operation(summary = "The service catalog", description = """
			Every service ingest has seen, merged over all ingest nodes: first and last seen (arrival \
			times, UTC), messages accepted, datagrams lost and duplicates dropped, and UP or DOWN by \
			whether a message arrived within the service timeout.""")
	@ApiResponse(responseCode = "200", description = "The catalog")
	public Services services(@Parameter(description = "only this service",
			example = "checkout") @RequestParam(required = false) String service) throws IOException {
		return this.answers.services(QueryWindow.service(service));
	}

}
