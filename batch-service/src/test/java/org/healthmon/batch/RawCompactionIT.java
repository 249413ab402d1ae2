package org.healthmon.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hadoop.fs.FileStatus;
import org.healthmon.batch.run.BatchRun;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.run.RunMode;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.store.RawSnapshots;
import org.healthmon.batch.support.BruteForce;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.batch.support.TestData;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.batch.support.ViewReader;
import org.healthmon.batch.upkeep.Upkeep;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawWindow;
import org.healthmon.model.StorageLayout;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw compaction on HDFS: a closed day of two nodes publishing every ten minutes ends up
 * as one file per node and hour, the files it replaced are deleted after the grace
 * period, a compaction over the target size is split, a crashed compaction's hidden file
 * is cleaned up, and the batch view, incremental or recomputed from the compacted store,
 * still equals the brute force over every line. A late file inside a range being
 * compacted is neither compacted nor deleted, and the next run counts it.
 */
class RawCompactionIT {

	private static final long HOUR = 3_600_000L;

	@TempDir
	Path clusterDir;

	@TempDir
	Path tmp;

	@Test
	void whenADayHasClosedThenEachNodeKeepsOneFileAnHourAndEveryLineCountsOnce() throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(this.clusterDir, 2)) {
			StorageLayout layout = new StorageLayout("/compaction");
			BatchStore store = new BatchStore(hdfs.fs(), layout);
			RawPublisher publisher = new RawPublisher(hdfs.fs(), layout);
			long day = twoDaysAgo();
			List<String> lines = new ArrayList<>();
			long seq = 0;
			for (long t = day; t < day + StorageLayout.DAY_MS; t += 10 * 60_000, seq++) {
				for (String node : List.of("ingest-1", "ingest-2")) {
					String line = TestData.line("svc-" + node, t - 90_000, t, seq % 100, 16.0, 4.0, 512.0, 100.0);
					publisher.publish(node, seq, t, List.of(line));
					lines.add(line);
				}
			}
			String crashed = layout.rawPartition(day + 5 * HOUR) + "/"
					+ RawFileName.compaction("ingest-1", 30, 35).hidden();
			hdfs.fs().create(new org.apache.hadoop.fs.Path(crashed)).close();
			BatchRunner runner = runner(hdfs, layout, DataSize.ofMegabytes(128));
			assertThat(runner.run(RunMode.AUTO, "test").orElseThrow().mode()).isEqualTo("full");
			// the day after: one more file, so that a previous version covers the whole
			// day
			String next = TestData.line("svc-ingest-1", day + StorageLayout.DAY_MS, day + StorageLayout.DAY_MS, 1, 16.0,
					4.0, 512.0, 100.0);
			publisher.publish("ingest-1", seq, day + StorageLayout.DAY_MS, List.of(next));
			lines.add(next);
			assertThat(runner.run(RunMode.AUTO, "test").orElseThrow().mode()).isEqualTo("incremental");
			// the next pass deletes what the compactions replaced (grace 0)
			assertThat(runner.run(RunMode.AUTO, "test").orElseThrow().outcome())
				.isEqualTo(BatchRun.Outcome.NOTHING_NEW);

			Map<String, Integer> filesPerNode = filesPerNode(store, layout, day);
			assertThat(filesPerNode).as("files per node in the closed day").containsOnlyKeys("ingest-1", "ingest-2");
			assertThat(filesPerNode.values()).allMatch((n) -> n == 24);
			assertThat(hdfs.fs().exists(new org.apache.hadoop.fs.Path(crashed))).as("a crashed pass's file").isFalse();
			assertThat(store.listRaw(RawWindow.ALL).files()).filteredOn((f) -> f.name().compacted())
				.allMatch((f) -> f.name().last() - f.name().first() == 5);
			assertThat(ViewReader.read(hdfs.fs(), store.batchManifest().orElseThrow()))
				.isEqualTo(BruteForce.aggregate(lines));
			assertThat(runner.run(RunMode.FULL, "test").orElseThrow().files()).isEqualTo(2 * 24 + 1);
			assertThat(ViewReader.read(hdfs.fs(), store.batchManifest().orElseThrow()))
				.isEqualTo(BruteForce.aggregate(lines));

			// a target smaller than an hour's files: each hour in a few compactions
			StorageLayout small = new StorageLayout("/small");
			RawPublisher smallPublisher = new RawPublisher(hdfs.fs(), small);
			for (int i = 0; i < 12; i++) {
				smallPublisher.publish("ingest-1", i, day + i * 5 * 60_000,
						List.of(TestData.line("svc", day, day, 1, 16.0, 4.0, 512.0, 100.0)));
			}
			BatchRunner smallRunner = runner(hdfs, small, DataSize.ofBytes(250));
			smallRunner.run(RunMode.AUTO, "test");
			smallPublisher.publish("ingest-1", 12, day + HOUR, List.of());
			smallRunner.run(RunMode.AUTO, "test");
			smallRunner.run(RunMode.AUTO, "test");
			List<FileStatus> hour = List.of(store.list(small.rawPartition(day)));
			assertThat(hour).as("12 files of 57 bytes, compacted up to 250 bytes each")
				.hasSize(3)
				.allMatch((f) -> f.getLen() == 4 * 57
						&& RawFileName.parse(f.getPath().getName()).orElseThrow().compacted());
		}
	}

	@Test
	void whenALateFileLandsInsideARangeBeingCompactedThenItSurvivesAndTheNextRunCountsIt() throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(this.clusterDir, 1)) {
			StorageLayout layout = new StorageLayout("/late-compaction");
			BatchStore store = new BatchStore(hdfs.fs(), layout);
			RawPublisher publisher = new RawPublisher(hdfs.fs(), layout);
			long hour = twoDaysAgo() + 5 * HOUR;
			List<String> lines = new ArrayList<>();
			// gaps between a node's sequences are normal
			for (long seq = 0; seq <= 10; seq += 2) {
				lines.add(publish(publisher, seq, hour + seq * 60_000));
			}
			// the runs compact nothing themselves: the test's own upkeep does
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			BatchRunner runner = TestRunners.runner(hdfs.fs(), layout, this.tmp, TestRunners.properties(hdfs.uri(),
					layout.root(), Duration.ZERO, 0, Map.of(),
					new BatchProperties.Compaction(false, Duration.ofMinutes(1), DataSize.ofMegabytes(128), 48)),
					registry, Clock.systemUTC());
			assertThat(runner.run(RunMode.AUTO, "test").orElseThrow().mode()).isEqualTo("full");
			checkLateFileSurvives(hdfs, layout, store, publisher, runner, registry, hour, lines);
		}
	}

	/**
	 * With two versions covering the hour, a late file lands inside the range the
	 * compactor takes; compaction and the deletion of what it replaced leave it alone,
	 * and the next run adopts and counts it.
	 */
	private void checkLateFileSurvives(MiniHdfs hdfs, StorageLayout layout, BatchStore store, RawPublisher publisher,
			BatchRunner runner, SimpleMeterRegistry registry, long hour, List<String> lines) throws Exception {
		lines.add(publish(publisher, 12, hour + StorageLayout.DAY_MS));
		assertThat(runner.run(RunMode.AUTO, "test").orElseThrow().mode()).isEqualTo("incremental");
		lines.add(publish(publisher, 5, hour + 5 * 60_000));
		RawSnapshots snapshots = new RawSnapshots(store, true);
		assertThat(snapshots.enable()).isTrue();
		Upkeep upkeep = new Upkeep(store,
				TestRunners.properties(hdfs.uri(), layout.root(), Duration.ZERO, 0, Map.of(),
						new BatchProperties.Compaction(true, Duration.ofMinutes(1), DataSize.ofMegabytes(128), 48)),
				snapshots, Clock.systemUTC());
		// compacts the hour, then deletes what the compaction replaced (grace 0)
		assertThat(upkeep.run()).hasValueSatisfying((r) -> assertThat(r.compactions()).isEqualTo(1));
		upkeep.run();
		assertThat(names(store, layout.rawPartition(hour))).containsExactlyInAnyOrder(
				RawFileName.compaction("ingest-1", 0, 10).published(), "ingest-1-000000000005.csv");

		BatchRun run = runner.run(RunMode.AUTO, "test").orElseThrow();
		assertThat(run.outcome()).as(run.error()).isEqualTo(BatchRun.Outcome.PUBLISHED);
		assertThat(run.lateFiles()).isEqualTo(1);
		assertThat(registry.get("healthmon.batch.late.files").counter().count()).isEqualTo(1);
		assertThat(names(store, layout.rawPartition(hour))).contains(RawFileName.LATE_NODE + "-000000000001.csv");
		assertThat(ViewReader.read(hdfs.fs(), store.batchManifest().orElseThrow()))
			.isEqualTo(BruteForce.aggregate(lines));
		assertThat(runner.run(RunMode.FULL, "test").orElseThrow().outcome()).isEqualTo(BatchRun.Outcome.PUBLISHED);
		assertThat(ViewReader.read(hdfs.fs(), store.batchManifest().orElseThrow()))
			.isEqualTo(BruteForce.aggregate(lines));
	}

	/** The start of the UTC day before yesterday: closed, and compacted by the runs. */
	private static long twoDaysAgo() {
		return System.currentTimeMillis() / StorageLayout.DAY_MS * StorageLayout.DAY_MS - 2 * StorageLayout.DAY_MS;
	}

	private static String publish(RawPublisher publisher, long seq, long arrival) throws IOException {
		String line = TestData.line("svc", arrival - 1000, arrival, seq, 16.0, 4.0, 512.0, 100.0);
		publisher.publish("ingest-1", seq, arrival, List.of(line));
		return line;
	}

	private static List<String> names(BatchStore store, String dir) throws IOException {
		return java.util.Arrays.stream(store.list(dir)).map((f) -> f.getPath().getName()).toList();
	}

	private BatchRunner runner(MiniHdfs hdfs, StorageLayout layout, DataSize target) throws IOException {
		return TestRunners.runner(hdfs.fs(), layout, this.tmp,
				TestRunners.properties(hdfs.uri(), layout.root(), Duration.ZERO, 0, Map.of(),
						new org.healthmon.batch.BatchProperties.Compaction(true, Duration.ofMinutes(1), target, 48)),
				new SimpleMeterRegistry(), Clock.systemUTC());
	}

	private static Map<String, Integer> filesPerNode(BatchStore store, StorageLayout layout, long day)
			throws IOException {
		Map<String, Integer> files = new TreeMap<>();
		for (long hour = day; hour < day + StorageLayout.DAY_MS; hour += HOUR) {
			for (FileStatus file : store.list(layout.rawPartition(hour))) {
				RawFileName.parse(file.getPath().getName())
					.ifPresent((name) -> files.merge(name.nodeId(), 1, Integer::sum));
			}
		}
		return files;
	}

}
