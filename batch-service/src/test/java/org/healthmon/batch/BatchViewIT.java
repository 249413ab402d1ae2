package org.healthmon.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.healthmon.batch.run.BatchRun;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.run.RunMode;
import org.healthmon.batch.support.BruteForce;
import org.healthmon.batch.support.FailingReducer;
import org.healthmon.batch.support.LegacyViews;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.batch.support.TestData;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.batch.support.ViewReader;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawWindow;
import org.healthmon.model.SegmentIndex;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch layer on a 4-datanode HDFS with the local job runner: the view equals a
 * brute-force aggregate, incremental equals full, failures publish nothing, and the
 * manifests follow the handoff protocol.
 */
class BatchViewIT {

	@TempDir
	static Path clusterDir;

	static MiniHdfs hdfs;

	@TempDir
	Path tmp;

	@BeforeAll
	static void startHdfs() throws IOException {
		hdfs = MiniHdfs.start(clusterDir, 4);
	}

	@AfterAll
	static void stopHdfs() {
		if (hdfs != null) {
			hdfs.close();
		}
	}

	@Test
	void whenJobRunsThenEveryRowEqualsTheBruteForceAggregate() throws Exception {
		StorageLayout layout = new StorageLayout("/known");
		RawPublisher publisher = new RawPublisher(fs(), layout);
		TestData data = new TestData(1);
		for (int i = 0; i < 12; i++) {
			data.nextFile((i % 2 == 0) ? "ingest-1" : "ingest-2", 150, 180, 0.05).publish(publisher);
		}
		for (TestData.PublishedFile file : data.equalPeaks("peaks", "ingest-2", "ingest-1")) {
			file.publish(publisher);
		}
		BatchRunner runner = TestRunners.runner(fs(), layout, this.tmp);

		BatchRun run = runner.run(RunMode.AUTO, "test").orElseThrow();

		assertThat(run.outcome()).as(run.error()).isEqualTo(BatchRun.Outcome.PUBLISHED);
		assertThat(run.mode()).isEqualTo("full");
		assertThat(run.version()).isEqualTo(1);
		assertThat(run.files()).isEqualTo(14);
		assertThat(run.badRecords()).isEqualTo(data.badLines().size()).isPositive();
		assertThat(run.inputRecords()).isEqualTo(data.goodLines().size() + data.badLines().size());
		BatchManifest manifest = manifest(layout);
		List<MinuteStats> rows = ViewReader.read(fs(), manifest);
		List<MinuteStats> expected = BruteForce.aggregate(data.goodLines());
		assertThat(rows).hasSize(expected.size());
		for (int i = 0; i < rows.size(); i++) {
			assertThat(rows.get(i)).as("row %d", i).isEqualTo(expected.get(i));
		}
		assertThat(manifest.rows()).isEqualTo(expected.size());
		assertThat(manifest.minMinute()).isEqualTo(expected.stream().mapToLong(MinuteStats::minute).min().getAsLong());
		assertThat(manifest.maxMinute()).isEqualTo(expected.stream().mapToLong(MinuteStats::minute).max().getAsLong());
		assertThat(manifest.cutoff().seqByNode()).isEqualTo(Map.of("ingest-1", 6L, "ingest-2", 6L));
		// the tie: three equal peaks in one minute, the latest published first; the
		// earliest wins
		MinuteStats peak = rows.stream().filter((r) -> r.service().equals("peaks")).findFirst().orElseThrow();
		assertThat(peak.count()).isEqualTo(3);
		assertThat(peak.cpu().max()).isEqualTo(100_000_000_000L);
		assertThat(peak.cpu().maxAt()).isEqualTo(peak.minute() + 10_000);
		assertThat(peak.ram().maxAt()).isEqualTo(peak.minute() + 10_000);
		SegmentIndex index = new BatchStore(fs(), layout).segmentIndex(manifest);
		assertThat(index.rows()).isEqualTo(expected.size());
		assertThat(index.segments()).extracting(SegmentIndex.Segment::dayMs)
			.containsExactlyElementsOf(expected.stream().map((r) -> day(r.minute())).distinct().sorted().toList());
		for (SegmentIndex.Segment segment : index.segments()) {
			assertThat(segment.files()).singleElement()
				.isEqualTo(layout.segmentDir(1, segment.dayMs()) + "/part-r-00000.parquet");
		}
		assertThat(names(manifest.path())).allMatch((name) -> name.startsWith("date=") || name.equals("segments.json"));
		assertThat(fs().exists(new org.apache.hadoop.fs.Path(layout.pendingBatchManifest()))).isFalse();
		assertThat(quarantinedLines(layout)).hasSize(data.badLines().size());
	}

	@Test
	void whenDataArrivesInWavesThenIncrementalRunsEqualOneFullRecompute() throws Exception {
		StorageLayout layout = new StorageLayout("/waves");
		RawPublisher publisher = new RawPublisher(fs(), layout);
		TestData data = new TestData(2);
		BatchRunner runner = TestRunners.runner(fs(), layout, this.tmp);
		List<BatchRun> runs = new ArrayList<>();
		for (int wave = 0; wave < 3; wave++) {
			for (int i = 0; i < 4; i++) {
				// late data: event times up to 6 h back, into minutes earlier waves
				// covered
				data.nextFile("ingest-" + (i % 3), 100, 360, 0.02).publish(publisher);
			}
			runs.add(runner.run(RunMode.AUTO, "test").orElseThrow());
		}
		List<MinuteStats> incremental = ViewReader.read(fs(), manifest(layout));
		BatchRun nothingNew = runner.run(RunMode.AUTO, "test").orElseThrow();
		BatchRun full = runner.run(RunMode.FULL, "test").orElseThrow();

		assertThat(runs).extracting(BatchRun::outcome).containsOnly(BatchRun.Outcome.PUBLISHED);
		assertThat(runs).extracting(BatchRun::mode).containsExactly("full", "incremental", "incremental");
		assertThat(runs.get(2).previousRows()).isPositive();
		assertThat(runs.get(2).files()).isEqualTo(4);
		assertThat(nothingNew.outcome()).isEqualTo(BatchRun.Outcome.NOTHING_NEW);
		assertThat(nothingNew.version()).isEqualTo(3);
		assertThat(full.outcome()).isEqualTo(BatchRun.Outcome.PUBLISHED);
		assertThat(full.mode()).isEqualTo("full");
		// every raw line once, from the small files or the compactions that replaced them
		assertThat(full.inputRecords()).isEqualTo(data.goodLines().size() + data.badLines().size());
		List<MinuteStats> recomputed = ViewReader.read(fs(), manifest(layout));
		assertThat(incremental).isEqualTo(recomputed).isEqualTo(BruteForce.aggregate(data.goodLines()));
		BatchManifest current = manifest(layout);
		BatchManifest previous = BatchManifest.fromJson(read(layout.previousBatchManifest()));
		assertThat(current.version()).isEqualTo(4);
		assertThat(previous.version()).isEqualTo(3);
		assertThat(previous.cutoff()).isEqualTo(current.cutoff());
	}

	@Test
	void whenARunFailsMidwayThenThePreviousVersionStaysPublishedAndTheNextRunSucceeds() throws Exception {
		StorageLayout layout = new StorageLayout("/fault");
		RawPublisher publisher = new RawPublisher(fs(), layout);
		TestData data = new TestData(3);
		data.nextFile("ingest-1", 300, 30, 0).publish(publisher);
		BatchRunner healthy = TestRunners.runner(fs(), layout, this.tmp);
		healthy.run(RunMode.AUTO, "test").orElseThrow();
		BatchManifest before = manifest(layout);
		List<MinuteStats> rowsBefore = ViewReader.read(fs(), before);
		data.nextFile("ingest-1", 300, 30, 0).publish(publisher);
		BatchRunner faulty = TestRunners.runner(fs(), layout, this.tmp, Duration.ofHours(1), 0, FailingReducer.after(5),
				new SimpleMeterRegistry());

		BatchRun failed = faulty.run(RunMode.AUTO, "test").orElseThrow();

		assertThat(failed.outcome()).isEqualTo(BatchRun.Outcome.FAILED);
		assertThat(failed.error()).contains("failed");
		assertThat(manifest(layout)).isEqualTo(before);
		assertThat(ViewReader.read(fs(), before)).isEqualTo(rowsBefore);
		assertThat(versions(layout)).containsExactly("v000000000001");
		assertThat(names(layout.batchTmpDir())).isEmpty();
		assertThat(fs().exists(new org.apache.hadoop.fs.Path(layout.pendingBatchManifest()))).isFalse();

		BatchRun retried = healthy.run(RunMode.AUTO, "test").orElseThrow();

		assertThat(retried.outcome()).isEqualTo(BatchRun.Outcome.PUBLISHED);
		assertThat(retried.version()).isEqualTo(2);
		assertThat(ViewReader.read(fs(), manifest(layout))).isEqualTo(BruteForce.aggregate(data.goodLines()));
	}

	@Test
	void whenVersionsAreNoLongerNamedThenTheyAreDeletedAfterTheGracePeriod() throws Exception {
		StorageLayout layout = new StorageLayout("/grace");
		RawPublisher publisher = new RawPublisher(fs(), layout);
		TestData data = new TestData(4);
		BatchRunner runner = TestRunners.runner(fs(), layout, this.tmp, Duration.ZERO, 0, Map.of(),
				new SimpleMeterRegistry());
		for (int i = 0; i < 3; i++) {
			data.nextFile("ingest-1", 20, 5, 0).publish(publisher);
			runner.run(RunMode.AUTO, "test").orElseThrow();
		}
		// v1 is named by neither manifest any more; v2 is the previous, v3 the current
		assertThat(versions(layout)).containsExactly("v000000000002", "v000000000003");
		assertThat(ViewReader.read(fs(), manifest(layout))).isEqualTo(BruteForce.aggregate(data.goodLines()));
	}

	@Test
	void whenNewDataTouchesOneDayThenOnlyThatDaysSegmentIsRewrittenAndTheOthersAreShared() throws Exception {
		StorageLayout layout = new StorageLayout("/days");
		RawPublisher publisher = new RawPublisher(fs(), layout);
		long day1 = TestData.T0 - TestData.T0 % StorageLayout.DAY_MS;
		long day2 = day1 + StorageLayout.DAY_MS;
		List<String> lines = new ArrayList<>();
		publish(publisher, "ingest-1", 0, day2 + 3_600_000, lines, line("a", day1 + 60_000), line("b", day2 + 120_000));
		BatchRunner runner = TestRunners.runner(fs(), layout, this.tmp);
		runner.run(RunMode.AUTO, "test").orElseThrow();
		SegmentIndex v1 = index(layout);

		publish(publisher, "ingest-1", 1, day2 + 7_200_000, lines, line("b", day2 + 120_000),
				line("c", day2 + 3_600_000));
		BatchRun today = runner.run(RunMode.AUTO, "test").orElseThrow();
		SegmentIndex v2 = index(layout);

		assertThat(today.segmentsWritten()).isEqualTo(1);
		assertThat(v2.segments().get(0)).as("day 1, untouched, shared").isEqualTo(v1.segments().get(0));
		assertThat(v2.segments().get(1).files()).singleElement().asString().contains("/v000000000002/");
		assertThat(ViewReader.read(fs(), manifest(layout))).isEqualTo(BruteForce.aggregate(lines));

		// a late message reopens day 1, exactly; day 2 is now shared
		publish(publisher, "ingest-2", 0, day2 + 7_300_000, lines, line("a", day1 + 61_000));
		BatchRun late = runner.run(RunMode.AUTO, "test").orElseThrow();
		SegmentIndex v3 = index(layout);

		assertThat(late.segmentsWritten()).isEqualTo(1);
		assertThat(late.previousRows()).as("only day 1's rows were read back").isEqualTo(v1.segments().get(0).rows());
		assertThat(v3.segments().get(1)).isEqualTo(v2.segments().get(1));
		assertThat(v3.segments().get(0).files()).singleElement().asString().contains("/v000000000003/");
		List<MinuteStats> rows = ViewReader.read(fs(), manifest(layout));
		assertThat(rows).isEqualTo(BruteForce.aggregate(lines));
		assertThat(rows.stream().filter((r) -> r.service().equals("a")).findFirst().orElseThrow().count()).isEqualTo(2);
		assertThat(TestRunners.runner(fs(), layout, this.tmp).run(RunMode.FULL, "test").orElseThrow().segmentsWritten())
			.isEqualTo(2);
		assertThat(ViewReader.read(fs(), manifest(layout))).isEqualTo(rows);
	}

	@Test
	void whenAVersionWasWrittenBeforeSegmentsThenTheNextRunSplitsItIntoDaysExactly() throws Exception {
		StorageLayout layout = new StorageLayout("/legacy");
		RawPublisher publisher = new RawPublisher(fs(), layout);
		TestData data = new TestData(6);
		for (int i = 0; i < 4; i++) {
			data.nextFile("ingest-1", 50, 600, 0).publish(publisher);
		}
		// version 1 as the batch layer wrote it before segments and windows
		List<MinuteStats> legacyRows = BruteForce.aggregate(data.goodLines());
		String legacyDir = layout.batchVersionDir(1);
		LegacyViews.write(fs(), legacyDir + "/part-r-00000.parquet", legacyRows);
		new BatchStore(fs(), layout).writeAtomically(layout.batchManifest(),
				("{\"version\": 1, \"cutoff\": " + "{\"ingest-1\": 3}, \"path\": \"" + legacyDir + "\", \"rows\": "
						+ legacyRows.size() + ", \"minMinute\": 0, \"maxMinute\": 0, \"createdAtMs\": 1}")
					.getBytes(StandardCharsets.UTF_8));
		data.nextFile("ingest-1", 50, 600, 0).publish(publisher);
		BatchRunner runner = TestRunners.runner(fs(), layout, this.tmp, Duration.ZERO, 0, Map.of(),
				new SimpleMeterRegistry());

		BatchRun migration = runner.run(RunMode.AUTO, "test").orElseThrow();

		assertThat(migration.outcome()).as(migration.error()).isEqualTo(BatchRun.Outcome.PUBLISHED);
		assertThat(migration.mode()).isEqualTo("migration");
		assertThat(migration.files()).isEqualTo(1);
		assertThat(migration.previousRows()).isEqualTo(legacyRows.size());
		BatchManifest migrated = manifest(layout);
		assertThat(migrated.isSegmented()).isTrue();
		assertThat(migrated.rawFrom()).isNotEqualTo(RawWindow.UNKNOWN);
		assertThat(ViewReader.read(fs(), migrated)).isEqualTo(BruteForce.aggregate(data.goodLines()));
		assertThat(runner.run(RunMode.AUTO, "test").orElseThrow().outcome()).isEqualTo(BatchRun.Outcome.NOTHING_NEW);

		data.nextFile("ingest-1", 50, 600, 0).publish(publisher);
		assertThat(runner.run(RunMode.AUTO, "test").orElseThrow().mode()).isEqualTo("incremental");
		assertThat(ViewReader.read(fs(), manifest(layout))).isEqualTo(BruteForce.aggregate(data.goodLines()));
		assertThat(versions(layout)).as("the old version went after its grace").doesNotContain("v000000000001");
	}

	private static void publish(RawPublisher publisher, String node, long seq, long arrival, List<String> all,
			String... lines) throws IOException {
		publisher.publish(node, seq, arrival, List.of(lines));
		all.addAll(List.of(lines));
	}

	private static String line(String service, long event) {
		return TestData.line(service, event, event, 50.0, 16.0, 8.0, 512.0, 256.0);
	}

	private static long day(long minute) {
		return Math.floorDiv(minute, StorageLayout.DAY_MS) * StorageLayout.DAY_MS;
	}

	private static SegmentIndex index(StorageLayout layout) throws IOException {
		return new BatchStore(fs(), layout).segmentIndex(manifest(layout));
	}

	private static List<String> versions(StorageLayout layout) throws IOException {
		return names(layout.batchViewsDir()).stream().filter((name) -> name.startsWith("v")).toList();
	}

	private static FileSystem fs() {
		return hdfs.fs();
	}

	private static BatchManifest manifest(StorageLayout layout) throws IOException {
		return new BatchStore(fs(), layout).batchManifest().orElseThrow();
	}

	private static byte[] read(String path) throws IOException {
		return new BatchStore(fs(), StorageLayout.defaults()).read(path).orElseThrow();
	}

	private static List<String> names(String dir) throws IOException {
		return Arrays.stream(new BatchStore(fs(), StorageLayout.defaults()).list(dir))
			.map((s) -> s.getPath().getName())
			.sorted()
			.toList();
	}

	private static List<String> quarantinedLines(StorageLayout layout) throws IOException {
		List<String> lines = new ArrayList<>();
		RemoteIterator<LocatedFileStatus> files = fs().listFiles(new org.apache.hadoop.fs.Path(layout.quarantineDir()),
				true);
		while (files.hasNext()) {
			FileStatus file = files.next();
			try (var in = fs().open(file.getPath())) {
				String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				lines.addAll(content.lines().toList());
			}
		}
		return lines;
	}

}
