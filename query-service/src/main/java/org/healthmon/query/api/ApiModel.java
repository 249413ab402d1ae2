package org.healthmon.query.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON the API answers with; documented in the OpenAPI document. */
public final class ApiModel {

	private ApiModel() {
	}

	@Schema(description = "The window as interpreted: [from, to) at minute precision, from rounded down and to rounded up")
	public record Window(@Schema(example = "2026-11-22T10:00:00Z") OffsetDateTime from,
			@Schema(example = "2026-11-22T11:00:00Z") OffsetDateTime to,
			@Schema(description = "whole minutes in the window", example = "60") long minutes) {
	}

	@Schema(description = "One resource over the messages counted: mean and peak, in percent")
	public record Resource(@Schema(description = "mean over the messages, percent", example = "41.734") double mean,
			@Schema(description = "highest value, percent", example = "97.2") double peak,
			@Schema(description = "event time of the peak; of equal peaks the earliest",
					example = "2026-11-22T10:13:05.123Z") OffsetDateTime peakAt) {
	}

	@Schema(description = "One service's health over the window")
	public record ServiceAnalytics(@Schema(example = "checkout") String service,
			@Schema(description = "messages received with an event time in the window", example = "3600") long messages,
			Resource cpu, @Schema(description = "RAM in use, percent of total") Resource ram,
			@Schema(description = "disk in use, percent of total") Resource disk) {
	}

	@Schema(description = "Per-service analytics of a window")
	public record Analytics(Window window, List<ServiceAnalytics> services, Sources sources) {
	}

	@Schema(description = "One step of a service's series")
	public record Point(
			@Schema(description = "start of the step", example = "2026-11-22T10:05:00Z") OffsetDateTime start,
			@Schema(example = "300") long messages, Resource cpu, Resource ram, Resource disk) {
	}

	@Schema(description = "A service's series; steps without messages are left out")
	public record ServiceSeries(@Schema(example = "checkout") String service, List<Point> points) {
	}

	@Schema(description = "Per-service series of a window at a step")
	public record Series(Window window, @Schema(description = "the step, ISO-8601", example = "PT5M") String step,
			@Schema(example = "300") long stepSeconds, List<ServiceSeries> services, Sources sources) {
	}

	@Schema(description = "The batch view an answer used")
	public record BatchSource(@Schema(example = "12") long version,
			@Schema(description = "the raw files it covers: highest file sequence per ingest node",
					example = "{\"ingest-1\": 1763805600123}") Map<String, Long> cutoff,
			OffsetDateTime publishedAt, @Schema(example = "172800") long rows) {
	}

	@Schema(description = "The realtime view set an answer used: it starts exactly at the batch view's cutoff")
	public record RealtimeSource(@Schema(example = "a") String set, @Schema(example = "57") long version,
			@Schema(description = "the raw files it covers: highest file sequence per ingest node",
					example = "{\"ingest-1\": 1763805913456}") Map<String, Long> absorbed,
			OffsetDateTime updatedAt, @Schema(example = "1200") long rows) {
	}

	@Schema(description = "Which views answered and how fresh they are")
	public record Sources(@Schema(description = "absent before the first batch view") BatchSource batch,
			@Schema(description = "absent while no realtime set pairs with the batch view") RealtimeSource realtime,
			@Schema(description = "every raw file counted: highest file sequence per ingest node",
					example = "{\"ingest-1\": 1763805913456}") Map<String, Long> covered,
			@Schema(description = "when the newest view used was published; absent when there is none") OffsetDateTime dataAsOf,
			@Schema(description = "seconds from dataAsOf to this answer", example = "1.8") Double ageSeconds) {
	}

	@Schema(description = "A service of the catalog")
	public record ServiceStatus(@Schema(example = "checkout") String service,
			@Schema(description = "UP when a message arrived within the service timeout", example = "UP",
					allowableValues = {
							"UP", "DOWN" }) String status,
			OffsetDateTime firstSeen, OffsetDateTime lastSeen,
			@Schema(description = "messages accepted", example = "86400") long messages,
			@Schema(description = "datagrams missing from the service's numbering (lost in the network)",
					example = "3") long lost,
			@Schema(description = "repeated datagrams dropped", example = "0") long duplicates){
	}

	@Schema(description = "The service catalog, merged over every ingest node")
	public record Services(List<ServiceStatus> services,
			@Schema(description = "a service is DOWN after this many seconds without a message",
					example = "60") long downAfterSeconds,
			@Schema(description = "when the newest catalog was written; absent before any") OffsetDateTime updatedAt) {
	}

}
