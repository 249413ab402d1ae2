package org.healthmon.ui.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The query service's JSON, as its OpenAPI document ({@code query-service/openapi.json},
 * {@code components.schemas}) describes it: the UI's own copy, so that the two apps share
 * only the document, never classes.
 */
public final class QueryApi {

	private QueryApi() {
	}

	/** The window as the service interpreted it: {@code [from, to)}, whole minutes. */
	public record Window(OffsetDateTime from, OffsetDateTime to, long minutes) {
	}

	/** One resource over the messages counted: mean and peak, in percent. */
	public record Resource(double mean, double peak, OffsetDateTime peakAt) {
	}

	/** One service's health over the window. */
	public record ServiceAnalytics(String service, long messages, Resource cpu, Resource ram, Resource disk) {
	}

	/** Per-service analytics of a window ({@code GET /api/v1/analytics}). */
	public record Analytics(Window window, List<ServiceAnalytics> services, Sources sources) {

		public Analytics {
			services = (services != null) ? List.copyOf(services) : List.of();
		}

	}

	/** One step of a service's series. */
	public record Point(OffsetDateTime start, long messages, Resource cpu, Resource ram, Resource disk) {
	}

	/** A service's series; steps without messages are left out. */
	public record ServiceSeries(String service, List<Point> points) {

		public ServiceSeries {
			points = (points != null) ? List.copyOf(points) : List.of();
		}

	}

	/** Per-service series of a window at a step ({@code GET /api/v1/series}). */
	public record Series(Window window, String step, long stepSeconds, List<ServiceSeries> services, Sources sources) {

		public Series {
			services = (services != null) ? List.copyOf(services) : List.of();
		}

	}

	/** The batch view an answer used. */
	public record BatchSource(long version, Map<String, Long> cutoff, OffsetDateTime publishedAt, long rows) {
	}

	/** The realtime view set an answer used. */
	public record RealtimeSource(String set, long version, Map<String, Long> absorbed, OffsetDateTime updatedAt,
			long rows) {
	}

	/**
	 * Which views answered and how fresh they are.
	 *
	 * @param batch absent before the first batch view
	 * @param realtime absent while no realtime set pairs with the batch view
	 * @param covered every raw file counted: highest file sequence per ingest node
	 * @param dataAsOf when the newest view used was published; absent when there is none
	 * @param ageSeconds seconds from {@code dataAsOf} to the answer
	 */
	public record Sources(@Nullable BatchSource batch, @Nullable RealtimeSource realtime,
			@Nullable Map<String, Long> covered, @Nullable OffsetDateTime dataAsOf, @Nullable Double ageSeconds) {
	}

	/** A service of the catalog. */
	public record ServiceStatus(String service, String status, OffsetDateTime firstSeen, OffsetDateTime lastSeen,
			long messages, long lost, long duplicates) {

		public boolean up() {
			return "UP".equals(this.status);
		}

	}

	/** The service catalog ({@code GET /api/v1/services}). */
	public record Services(List<ServiceStatus> services, long downAfterSeconds, @Nullable OffsetDateTime updatedAt) {

		public Services {
			services = (services != null) ? List.copyOf(services) : List.of();
		}

	}

	/**
	 * An RFC 9457 problem detail, as the service writes it: the document's
	 * {@code ProblemDetail} with its extension members ({@code parameter}, {@code value})
	 * at the top level, where RFC 9457 puts them.
	 *
	 * @param title a short summary, e.g. {@code Bad parameter 'to'}
	 * @param status the HTTP status
	 * @param detail what exactly is wrong and why
	 * @param parameter the query parameter at fault, if any
	 * @param value the value it had, if any
	 */
	public record Problem(@Nullable String title, int status, @Nullable String detail, @Nullable String parameter,
			@Nullable String value) {
	}

}
