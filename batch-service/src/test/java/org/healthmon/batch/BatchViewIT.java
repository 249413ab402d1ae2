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
import org.healthmon.batch.job.ViewRowReducer;
import org.healthmon.batch.run.BatchRun;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.run.BatchStore;
import org.healthmon.batch.run.RunMode;
import org.healthmon.batch.support.BruteForce;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.batch.support.TestData;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.batch.support.ViewReader;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.MinuteStats;
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
		List<MinuteStats> rows = ViewReader.read(fs(), manifest.path());
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
		assertThat(names(manifest.path())).allMatch((name) -> name.endsWith(".parquet"));
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
		List<MinuteStats> incremental = ViewReader.read(fs(), manifest(layout).path());
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
		assertThat(full.files()).isEqualTo(12);
		List<MinuteStats> recomputed = ViewReader.read(fs(), manifest(layout).path());
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
		List<MinuteStats> rowsBefore = ViewReader.read(fs(), before.path());
		data.nextFile("ingest-1", 300, 30, 0).publish(publisher);
		BatchRunner faulty = TestRunners.runner(fs(), layout, this.tmp, Duration.ofHours(1), 0,
				Map.of(ViewRowReducer.FAIL_AFTER_ROWS, "5"), new SimpleMeterRegistry());

		BatchRun failed = faulty.run(RunMode.AUTO, "test").orElseThrow();

		assertThat(failed.outcome()).isEqualTo(BatchRun.Outcome.FAILED);
		assertThat(failed.error()).contains("failed");
		assertThat(manifest(layout)).isEqualTo(before);
		assertThat(ViewReader.read(fs(), before.path())).isEqualTo(rowsBefore);
		assertThat(names(layout.batchViewsDir())).containsExactly("v000000000001");
		assertThat(fs().exists(new org.apache.hadoop.fs.Path(layout.pendingBatchManifest()))).isFalse();

		BatchRun retried = healthy.run(RunMode.AUTO, "test").orElseThrow();

		assertThat(retried.outcome()).isEqualTo(BatchRun.Outcome.PUBLISHED);
		assertThat(retried.version()).isEqualTo(2);
		assertThat(ViewReader.read(fs(), manifest(layout).path())).isEqualTo(BruteForce.aggregate(data.goodLines()));
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
		assertThat(names(layout.batchViewsDir())).containsExactly("v000000000002", "v000000000003");
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
		return Arrays.stream(fs().listStatus(new org.apache.hadoop.fs.Path(dir)))
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
