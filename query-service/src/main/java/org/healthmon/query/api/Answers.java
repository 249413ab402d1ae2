package org.healthmon.query.api;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.healthmon.model.FixedPercent;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.ServingViews;
import org.healthmon.query.api.ApiModel.Analytics;
import org.healthmon.query.api.ApiModel.BatchSource;
import org.healthmon.query.api.ApiModel.Point;
import org.healthmon.query.api.ApiModel.RealtimeSource;
import org.healthmon.query.api.ApiModel.Resource;
import org.healthmon.query.api.ApiModel.ServiceAnalytics;
import org.healthmon.query.api.ApiModel.ServiceSeries;
import org.healthmon.query.api.ApiModel.ServiceStatus;
import org.healthmon.query.api.ApiModel.Services;
import org.healthmon.query.api.ApiModel.Sources;
import org.healthmon.query.sql.Aggregate;
import org.healthmon.query.views.ViewQueries;
import org.healthmon.query.views.ViewFollower;
import org.healthmon.query.views.ViewSnapshot;
import org.healthmon.query.views.ViewStore;

/**
 * Turns requests into answers: leases the current views, runs the query over them and
 * writes the result in the window's offset, with the views it came from.
 */
public class Answers {

	private final ViewFollower follower;

	private final ViewQueries queries;

	private final ViewStore store;

	private final Duration serviceTimeout;

	private final Clock clock;

	public Answers(ViewFollower follower, ViewQueries queries, ViewStore store, Duration serviceTimeout, Clock clock) {
		this.follower = follower;
		this.queries = queries;
		this.store = store;
		this.serviceTimeout = serviceTimeout;
		this.clock = clock;
	}

	public Analytics analytics(QueryWindow window, Optional<String> service) throws SQLException {
		try (ViewFollower.Lease lease = this.follower.lease()) {
			ViewSnapshot snapshot = lease.snapshot();
			List<ServiceAnalytics> services = new ArrayList<>();
			for (Aggregate row : this.queries.analytics(snapshot, window.fromMs(), window.toMs(), service)) {
				services.add(new ServiceAnalytics(row.service(), row.count(), resource(window, row.cpu(), row.count()),
						resource(window, row.ram(), row.count()), resource(window, row.disk(), row.count())));
			}
			return new Analytics(window(window), services, sources(window, snapshot.views()));
		}
	}

	public ApiModel.Series series(QueryWindow window, long stepMs, Optional<String> service) throws SQLException {
		try (ViewFollower.Lease lease = this.follower.lease()) {
			ViewSnapshot snapshot = lease.snapshot();
			Map<String, List<Point>> byService = new TreeMap<>();
			for (Aggregate row : this.queries.series(snapshot, window.fromMs(), window.toMs(), stepMs, service)) {
				byService.computeIfAbsent(row.service(), (s) -> new ArrayList<>())
					.add(new Point(window.at(row.start()), row.count(), resource(window, row.cpu(), row.count()),
							resource(window, row.ram(), row.count()), resource(window, row.disk(), row.count())));
			}
			List<ServiceSeries> services = byService.entrySet()
				.stream()
				.map((e) -> new ServiceSeries(e.getKey(), e.getValue()))
				.toList();
			Duration step = Duration.ofMillis(stepMs);
			return new ApiModel.Series(window(window), step.toString(), step.toSeconds(), services,
					sources(window, snapshot.views()));
		}
	}

	/**
	 * The catalogs of all ingest nodes merged, each service UP or DOWN by its last
	 * message.
	 */
	public Services services(Optional<String> service) throws IOException {
		Map<String, ServiceCatalog.Entry> merged = new TreeMap<>();
		long updatedAt = -1;
		for (ServiceCatalog catalog : this.store.catalogs()) {
			updatedAt = Math.max(updatedAt, catalog.updatedAtMs());
			for (ServiceCatalog.Entry entry : catalog.services()) {
				merged.merge(entry.service(), entry,
						(a, b) -> new ServiceCatalog.Entry(a.service(), Math.min(a.firstSeenMs(), b.firstSeenMs()),
								Math.max(a.lastSeenMs(), b.lastSeenMs()), a.messages() + b.messages(),
								a.lost() + b.lost(), a.duplicates() + b.duplicates()));
			}
		}
		long now = this.clock.millis();
		List<ServiceStatus> services = new ArrayList<>();
		for (ServiceCatalog.Entry e : merged.values()) {
			if (service.isEmpty() || service.get().equals(e.service())) {
				String status = (now - e.lastSeenMs() <= this.serviceTimeout.toMillis()) ? "UP" : "DOWN";
				services.add(new ServiceStatus(e.service(), status, utc(e.firstSeenMs()), utc(e.lastSeenMs()),
						e.messages(), e.lost(), e.duplicates()));
			}
		}
		return new Services(services, this.serviceTimeout.toSeconds(), (updatedAt < 0) ? null : utc(updatedAt));
	}

	private static ApiModel.Window window(QueryWindow window) {
		return new ApiModel.Window(window.at(window.fromMs()), window.at(window.toMs()), window.minutes());
	}

	private static Resource resource(QueryWindow window, Aggregate.Resource stats, long count) {
		return new Resource(FixedPercent.mean(stats.sum(), count), FixedPercent.toPercent(stats.max()),
				window.at(stats.maxAt()));
	}

	private Sources sources(QueryWindow window, ServingViews views) {
		BatchSource batch = views.batch()
			.map((b) -> new BatchSource(b.version(), b.cutoff().seqByNode(), window.at(b.createdAtMs()), b.rows()))
			.orElse(null);
		RealtimeSource realtime = views.realtime()
			.map((r) -> new RealtimeSource(r.set(), r.version(), r.absorbed().seqByNode(), window.at(r.updatedAtMs()),
					r.rows()))
			.orElse(null);
		long asOf = Math.max(views.batch().map((b) -> b.createdAtMs()).orElse(-1L),
				views.realtime().map((r) -> r.updatedAtMs()).orElse(-1L));
		OffsetDateTime dataAsOf = (asOf < 0) ? null : window.at(asOf);
		Double age = (asOf < 0) ? null : Math.max(0, this.clock.millis() - asOf) / 1000.0;
		return new Sources(batch, realtime, views.covered().seqByNode(), dataAsOf, age);
	}

	private static OffsetDateTime utc(long epochMs) {
		return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
	}

}
