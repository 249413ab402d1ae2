package org.healthmon.speed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawWindow;
import org.healthmon.model.SequencedFileName;
import org.healthmon.model.StorageLayout;
import org.healthmon.speed.run.RunOutcome;
import org.healthmon.speed.run.SpeedRun;
import org.healthmon.speed.run.SpeedStatus;
import org.healthmon.speed.spark.MinuteStatsJob;
import org.healthmon.speed.store.SpeedStore;
import org.healthmon.speed.support.SpeedApp;
import org.healthmon.testsupport.CountingFileSystem;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A speed run lists the raw partitions that can hold files past the batch view's cutoff,
 * not the store: over a day of hourly history and over four days (three of them from a
 * node that has gone quiet), a run that absorbs a new file lists the same few raw
 * directories.
 */
class SpeedBoundedListingIT {

	private static final long HOUR = 3_600_000L;

	private final StorageLayout layout = StorageLayout.defaults();

	private final List<String> history = new ArrayList<>();

	@TempDir
	Path tempDir;

	@Test
	void whenTheStoreHoldsMoreHistoryThenARunListsNoMoreRawDirectories() throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(this.tempDir.resolve("hdfs"), 1);
				SpeedApp app = SpeedApp.start(hdfs.uri(), "healthmon.speed.run-interval=1h")) {
			// a fixed moment, mid-hour: a real clock crossing an hour between the two
			// runs
			// would add the new hour's partition to the second
			Clock clock = Clock.fixed(Instant.ofEpochMilli(StorageLayout.hourOf(System.currentTimeMillis()) + HOUR / 2),
					ZoneOffset.UTC);
			CountingFileSystem fs = new CountingFileSystem(hdfs.fs());
			SpeedRun run = new SpeedRun(new SpeedStore(fs, this.layout), new MinuteStatsJob(app.spark()),
					app.bean(SpeedProperties.class), new SpeedStatus(new SimpleMeterRegistry(), 0), clock);
			long now = clock.millis();
			long lastHour = StorageLayout.hourOf(now) - 2 * HOUR;
			for (int h = 24; h >= 1; h--) {
				publish(fs, "ingest-1", 24 - h, lastHour - (h - 1) * HOUR);
			}
			publishBatch(fs, 1, new Cutoff(Map.of("ingest-1", 23L)));
			long day = rawListingsOfOneRun(fs, run, "ingest-1", 24, now);

			// three more days of history, from a node quiet for over a day, in the batch
			// view
			for (int h = 0; h < 72; h++) {
				publish(fs, "ingest-0", h, lastHour - (26 + 71 - h) * HOUR);
			}
			publishBatch(fs, 2, new Cutoff(Map.of("ingest-0", 71L, "ingest-1", 24L)));
			long days = rawListingsOfOneRun(fs, run, "ingest-1", 25, now);

			assertThat(days).as("raw listings of a run over 96 h of history vs 24 h (%d)", day)
				.isLessThanOrEqualTo(day);
			assertThat(day).as("raw listings of a run over 24 hourly partitions").isLessThan(24);
		}
	}

	private long rawListingsOfOneRun(CountingFileSystem fs, SpeedRun run, String node, long seq, long now)
			throws IOException {
		run.runOnce();
		publish(fs, node, seq, now);
		long before = fs.listings(this.layout.rawDir());
		RunOutcome outcome = run.runOnce();
		long listings = fs.listings(this.layout.rawDir()) - before;
		System.out.printf("SpeedBoundedListingIT: a run that absorbed %d files listed %d raw directories%n",
				outcome.files(), listings);
		assertThat(outcome.files()).isPositive();
		return listings;
	}

	private void publish(CountingFileSystem fs, String node, long seq, long arrival) throws IOException {
		SequencedFileName name = new SequencedFileName(node, seq, "csv");
		String dir = this.layout.rawPartition(arrival);
		org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir, name.published());
		if (fs.exists(path)) {
			return;
		}
		try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(dir, name.hidden()), false)) {
			out.write(("svc," + arrival + "," + arrival + ",10.0,16.0,8.0,512.0,256.0\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		fs.rename(new org.apache.hadoop.fs.Path(dir, name.hidden()), path);
		this.history.add(path.toUri().getPath());
	}

	/** A batch view covering the cutoff, with the window the batch layer would record. */
	private void publishBatch(CountingFileSystem fs, long version, Cutoff cutoff) throws IOException {
		FileContext fc = FileContext.getFileContext(fs.getUri(), fs.getConf());
		long rawFrom = RawWindow.ALL.nextFrom(RawFileSet.of(this.history), cutoff);
		BatchManifest manifest = new BatchManifest(version, cutoff, rawFrom, this.layout.batchVersionDir(version), "",
				0, -1, -1, System.currentTimeMillis());
		org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(this.layout.batchManifest());
		if (fs.exists(target)) {
			fc.rename(target, new org.apache.hadoop.fs.Path(this.layout.previousBatchManifest()),
					Options.Rename.OVERWRITE);
		}
		try (OutputStream out = fs.create(target, true)) {
			out.write(manifest.toJson());
		}
	}

}
