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
				if (writer.isSpooling()) {
					health.down();
				}
				health.withDetail(writer.spoolDir().getFileName() + ".spooling", writer.isSpooling());
				if (writer.lastFlushMs() > 0) {
					health.withDetail(writer.spoolDir().getFileName() + ".lastFlushAgeMs", now - writer.lastFlushMs());
				}
				if (writer.lastError() != null) {
					health.withDetail(writer.spoolDir().getFileName() + ".lastError", writer.lastError());
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
				String store = writer.spoolDir().getFileName().toString();
				boolean writable = Files.isWritable(writer.spoolDir());
				if (!writable) {
					health.down();
				}
				health.withDetail(store + ".dir", writer.spoolDir().toString());
				health.withDetail(store + ".writable", writable);
				health.withDetail(store + ".segments", writer.spoolSegments());
				health.withDetail(store + ".bufferedLines", writer.bufferedLines());
			}
			return health.build();
		}

	}

}
