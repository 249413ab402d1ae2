package org.healthmon.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.healthmon.batch.run.BatchRun;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.run.RunMode;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.batch.support.TestData;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.model.StorageLayout;
import org.healthmon.testsupport.CountingFileSystem;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch run, with its upkeep, lists what the new data needs, not the store: on a store
 * with a day of hourly raw partitions and on one with four days, a run that absorbs one
 * new file lists the same number of directories, far fewer than the partitions either
 * store holds.
 */
class BoundedListingIT {

	private static final long HOUR = 3_600_000L;

	@TempDir
	Path clusterDir;

	@TempDir
	Path tmp;

	@Test
	void whenTheStoreHoldsMoreHistoryThenARunListsNoMoreDirectories() throws Exception {
		// both stores see the same moment, mid-hour: a real clock crossing an hour (or a
		// day) between the runs would close an hour and let the compactor list it
		Clock clock = Clock.fixed(Instant.ofEpochMilli(StorageLayout.hourOf(System.currentTimeMillis()) + HOUR / 2),
				ZoneOffset.UTC);
		try (MiniHdfs hdfs = MiniHdfs.start(this.clusterDir, 1)) {
			long day = listingsOfOneRun(hdfs, clock, "/day", 24);
			long days = listingsOfOneRun(hdfs, clock, "/days", 96);

			assertThat(days).as("listings of a run over 96 h of history vs 24 h (%d)", day).isLessThanOrEqualTo(day);
			assertThat(day).as("listings of a run over 24 hourly partitions").isLessThan(24);
		}
	}

	/**
	 * Publishes a file per hour for {@code hours} before the last hour, lets the runs
	 * catch up (the compactor passes the history once), then counts the listings of one
	 * run that absorbs one new file.
	 */
	private long listingsOfOneRun(MiniHdfs hdfs, Clock clock, String root, int hours) throws Exception {
		StorageLayout layout = new StorageLayout(root);
		CountingFileSystem fs = new CountingFileSystem(hdfs.fs());
		RawPublisher publisher = new RawPublisher(hdfs.fs(), layout);
		// the compactor passes all the history in its first pass
		BatchProperties.Compaction compaction = new BatchProperties.Compaction(true, Duration.ofMinutes(1),
				DataSize.ofMegabytes(128), hours + 2);
		BatchRunner runner = TestRunners.runner(fs, layout, this.tmp,
				TestRunners.properties(hdfs.uri(), root, Duration.ofHours(1), 0, Map.of(), compaction),
				new SimpleMeterRegistry(), clock);
		long now = clock.millis();
		long seq = 0;
		for (long hour = StorageLayout.hourOf(now) - (hours + 1) * HOUR; hour < StorageLayout.hourOf(now)
				- HOUR; hour += HOUR) {
			publisher.publish("ingest-1", seq++, hour + 60_000, List.of(line(hour + 60_000)));
		}
		for (int warmUp = 0; warmUp < 3; warmUp++) {
			publisher.publish("ingest-1", seq++, now, List.of(line(now)));
			assertThat(runner.run(RunMode.AUTO, "test").orElseThrow().outcome()).isEqualTo(BatchRun.Outcome.PUBLISHED);
		}
		publisher.publish("ingest-1", seq, now, List.of(line(now)));
		long before = fs.listings();
		BatchRun run = runner.run(RunMode.AUTO, "test").orElseThrow();
		long listings = fs.listings() - before;
		System.out.printf("BoundedListingIT: a run over %d hours of history made %d directory listings%n", hours,
				listings);

		assertThat(run.mode()).isEqualTo("incremental");
		assertThat(run.files()).isEqualTo(1);
		assertThat(new BatchStore(hdfs.fs(), layout).batchManifest().orElseThrow().cutoff().seqOf("ingest-1"))
			.isEqualTo(seq);
		return listings;
	}

	private static String line(long time) {
		return TestData.line("svc", time, time, 10.0, 16.0, 8.0, 512.0, 256.0);
	}

}
