package org.healthmon.alerts.query;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The parts of the query service's JSON the alerts read, as its OpenAPI document
 * ({@code query-service/openapi.json}) describes them: the alert service's own copy, so
 * that the two apps share only the document, never classes.
 */
public final class QueryApi {

	private QueryApi() {
	}

	/** One resource over a step: its mean, in percent. */
	public record Resource(double mean) {
	}

	/** One step (here one minute) of a service's series. */
	public record Point(OffsetDateTime start, long messages, Resource cpu, Resource ram, Resource disk) {
	}

	/** A service's series; steps without messages are left out. */
	public record ServiceSeries(String service, List<Point> points) {

		public ServiceSeries {
			points = (points != null) ? List.copyOf(points) : List.of();
		}

	}

	/** Per-service series of a window at a step ({@code GET /api/v1/series}). */
	public record Series(List<ServiceSeries> services) {

		public Series {
			services = (services != null) ? List.copyOf(services) : List.of();
		}

	}

	/** A service of the catalog. */
	public record ServiceStatus(String service, OffsetDateTime lastSeen) {
	}

	/** The service catalog ({@code GET /api/v1/services}). */
	public record Services(List<ServiceStatus> services, long downAfterSeconds) {

		public Services {
			services = (services != null) ? List.copyOf(services) : List.of();
		}

	}

}
