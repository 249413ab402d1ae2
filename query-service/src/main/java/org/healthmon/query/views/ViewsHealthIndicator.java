package org.healthmon.query.views;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the views: UP while the manifests were read within {@code staleAfter}; the
 * details say which views answer, how old they are, and the last error.
 */
public class ViewsHealthIndicator extends AbstractHealthIndicator {

	private final ViewFollower follower;

	private final ViewCache cache;

	private final Duration staleAfter;

	private final Clock clock;

	public ViewsHealthIndicator(ViewFollower follower, ViewCache cache, Duration staleAfter, Clock clock) {
		super("views health check failed");
		this.follower = follower;
		this.cache = cache;
		this.staleAfter = staleAfter;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws IOException {
		long now = this.clock.millis();
		ViewFollower.Status status = this.follower.status();
		ViewSnapshot snapshot = this.follower.snapshot();
		boolean following = status.lastSuccessMs() > 0 && now - status.lastSuccessMs() <= this.staleAfter.toMillis();
		builder.status(following ? "UP" : "DOWN");
		builder.withDetail("answering", ViewFollower.describe(snapshot.views()));
		snapshot.views()
			.batch()
			.ifPresent((b) -> builder.withDetail("batch", details(b.version(), b.createdAtMs(), b.rows(), now)));
		snapshot.views().realtime().ifPresent((r) -> {
			Map<String, Object> details = details(r.version(), r.updatedAtMs(), r.rows(), now);
			details.put("set", r.set());
			builder.withDetail("realtime", details);
		});
		builder.withDetail("lastRead",
				(status.lastSuccessMs() > 0) ? Instant.ofEpochMilli(status.lastSuccessMs()).toString() : "never");
		builder.withDetail("switches", status.switches());
		builder.withDetail("cached", this.cache.keys());
		builder.withDetail("cacheBytes", this.cache.bytes());
		if (status.lastError() != null) {
			builder.withDetail("lastError", status.lastError());
		}
	}

	private static Map<String, Object> details(long version, long publishedAtMs, long rows, long now) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", version);
		details.put("publishedAt", Instant.ofEpochMilli(publishedAtMs).toString());
		details.put("ageSeconds", Math.max(0, now - publishedAtMs) / 1000.0);
		details.put("rows", rows);
		return details;
	}

}
