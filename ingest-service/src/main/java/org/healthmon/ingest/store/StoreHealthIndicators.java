package org.healthmon.ingest.store;

import java.nio.file.Files;
import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the store. {@code hdfs} is DOWN while the stores spool (intake goes on, so it
 * belongs to no probe group that would stop traffic); {@code spool} is DOWN when the
 * local spool cannot be written, which does put accepted data at risk.
 */
final class StoreHealthIndicators {

	private StoreHealthIndicators() {
	}

	static final class Hdfs implements HealthIndicator {

		private final String uri;

		private final List<RollingFileWriter> writers;

		Hdfs(String uri, RollingFileWriter... writers) {
			this.uri = uri;
			this.writers = List.of(writers);
		}

		@Override
		public Health health() {
			Health.Builder health = Health.up().withDetail("uri", this.uri);
			long now = System.currentTimeMillis();
			for (RollingFileWriter writer : this.writers) {
				WriteTarget target = writer.target();
				if (target.isSpooling()) {
					health.down();
				}
				health.withDetail(target.spoolDir().getFileName() + ".spooling", target.isSpooling());
				if (writer.lastFlushMs() > 0) {
					health.withDetail(target.spoolDir().getFileName() + ".lastFlushAgeMs", now - writer.lastFlushMs());
				}
				if (target.lastError() != null) {
					health.withDetail(target.spoolDir().getFileName() + ".lastError", target.lastError());
				}
			}
			return health.build();
		}

	}

	static final class Spool implements HealthIndicator {

		private final List<RollingFileWriter> writers;

		Spool(RollingFileWriter... writers) {
			this.writers = List.of(writers);
		}

		@Override
		public Health health() {
			Health.Builder health = Health.up();
			for (RollingFileWriter writer : this.writers) {
				WriteTarget target = writer.target();
				String store = target.spoolDir().getFileName().toString();
				boolean writable = Files.isWritable(target.spoolDir());
				if (!writable) {
					health.down();
				}
				health.withDetail(store + ".dir", target.spoolDir().toString());
				health.withDetail(store + ".writable", writable);
				health.withDetail(store + ".segments", target.spoolSegments());
				health.withDetail(store + ".bufferedLines", writer.bufferedLines());
			}
			return health.build();
		}

	}

}
