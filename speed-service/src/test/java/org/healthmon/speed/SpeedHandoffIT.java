package org.healthmon.speed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.StorageLayout;
import org.healthmon.speed.spark.SparkContexts;
import org.healthmon.speed.support.BatchPlayer;
import org.healthmon.speed.support.HandoffReader;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.speed.support.RawFiles;
import org.healthmon.speed.support.SpeedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lambda handoff, end to end on HDFS: raw files arrive in waves from two ingest
 * nodes, batch runs come and go (played through their manifests, step by step), the speed
 * app keeps its sets and is restarted mid-handoff and across a whole batch run. At every
 * sampled moment a reader's answer — batch view ⊕ the matching realtime set — equals the
 * brute-force aggregate over the raw files that set absorbed.
 */
class SpeedHandoffIT {

	private static final Log log = LogFactory.getLog(SpeedHandoffIT.class);

	private static final List<String> NODES = List.of("ingest-1", "ingest-2");

	private static final Duration WAIT = Duration.ofSeconds(90);

	@TempDir
	static Path tempDir;

	static MiniHdfs hdfs;

	static FileSystem fs;

	static StorageLayout layout = StorageLayout.defaults();

	static RawFiles raw;

	static BatchPlayer batch;

	static HandoffReader reader;

	@BeforeAll
	static void startHdfs() throws IOException {
		hdfs = MiniHdfs.start(tempDir.resolve("hdfs"), 2);
		fs = hdfs.fs();
		raw = new RawFiles(fs, layout);
		batch = new BatchPlayer(fs, layout, raw);
		reader = new HandoffReader(fs, layout, raw);
	}

	@AfterAll
	static void stopHdfs() {
		if (hdfs != null) {
			hdfs.close();
		}
	}

	@Test
	void everyMessageIsCountedExactlyOnceThroughHandoffsAndRestarts() throws Exception {
		int contextsBefore = SparkContexts.createdInJvm();
		SpeedApp app = SpeedApp.start(hdfs.uri());
		int appStarts = 1;
		try {
			// first start: set a opens at the implicit batch version 0
			awaitSets((sets) -> sets.containsKey("a") && sets.get("a").start().equals(Cutoff.NONE));
			waveAndCatchUp(3);

			// handoff 1, speed running: sampled between every step
			Cutoff c1 = batch.pending();
			reader.check();
			raw.wave(NODES, 1, 300);
			awaitSets((sets) -> sets.values().stream().anyMatch((s) -> s.start().equals(c1)));
			awaitCaughtUp();
			batch.writeView();
			reader.check();
			raw.wave(NODES, 1, 300);
			batch.keepPrevious();
			assertThat(reader.check().batchVersion()).isZero();
			batch.publish();
			assertThat(reader.check().batchVersion()).isEqualTo(1);
			batch.deletePending();
			reader.check();
			awaitSets((sets) -> sets.size() == 1 && sets.containsKey("b") && sets.get("b").start().equals(c1));
			waveAndCatchUp(2);

			// handoff 2: the app restarts between pending and published
			Cutoff c2 = batch.pending();
			awaitSets((sets) -> sets.values().stream().anyMatch((s) -> s.start().equals(c2)));
			assertThat(reader.liveSets()).hasSize(2);
			raw.wave(NODES, 1, 300);
			awaitCaughtUp();
			app.close();
			// what a run cut off between writing a version and publishing it leaves
			// behind
			RealtimeManifest setA = reader.liveSets().get("a");
			fs.create(new org.apache.hadoop.fs.Path(layout.realtimeVersionDir("a", setA.version() + 1),
					"part-00000.parquet"))
				.close();
			raw.wave(NODES, 1, 300);
			reader.check();
			batch.writeView();
			batch.keepPrevious();
			batch.publish();
			assertThat(reader.check().batchVersion()).isEqualTo(2);
			batch.deletePending();
			reader.check();
			app = SpeedApp.start(hdfs.uri());
			appStarts++;
			awaitSets((sets) -> sets.size() == 1 && sets.containsKey("a") && sets.get("a").start().equals(c2));
			waveAndCatchUp(2);

			// handoff 3: a whole batch run while the app is down, then a restart
			app.close();
			raw.wave(NODES, 1, 300);
			Cutoff c3 = batch.runFully();
			raw.wave(NODES, 1, 300);
			// readers stay on (batch-previous, set a) until a set starts at c3
			assertThat(reader.check().batchVersion()).isEqualTo(2);
			app = SpeedApp.start(hdfs.uri());
			appStarts++;
			awaitSets((sets) -> sets.size() == 1 && sets.containsKey("b") && sets.get("b").start().equals(c3));
			waveAndCatchUp(2);

			// the Spark context: once per app life, however many runs
			SpeedApp last = app;
			await().atMost(WAIT).until(() -> last.timerCount("healthmon.speed.run", "outcome", "success") > 5);
			assertThat(app.counter("healthmon.speed.spark.contexts.started")).isEqualTo(1.0);
			// runs with nothing new submit no Spark job
			int jobs = last.spark().statusTracker().getJobIdsForGroup(null).length;
			long runs = last.timerCount("healthmon.speed.run", "outcome", "success");
			await().atMost(WAIT).until(() -> last.timerCount("healthmon.speed.run", "outcome", "success") > runs + 2);
			assertThat(last.spark().statusTracker().getJobIdsForGroup(null)).hasSize(jobs);
			assertThat(SparkContexts.createdInJvm() - contextsBefore).isEqualTo(appStarts);
			assertThat(app.counter("healthmon.speed.bad.lines")).isPositive();
			assertThat(app.get("/actuator/prometheus"))
				.containsPattern("healthmon_speed_spark_contexts_started_total\\{[^}]*} 1\\.0");
			String health = app.get("/actuator/health");
			assertThat(health).contains("\"status\":\"UP\"").contains("\"sets\"").contains("\"role\":\"CURRENT\"");

			// expired sets' versions go after the grace period (4 s here)
			await().atMost(WAIT)
				.until(() -> fs.listStatus(new org.apache.hadoop.fs.Path(layout.realtimeViewsDir(), "a")).length <= 1);
			assertThat(reader.mostSets()).isEqualTo(2);
			assertThat(reader.samples()).isGreaterThan(30);
			log.info(reader.samples() + " sampled moments exact; at most " + reader.mostSets()
					+ " realtime sets at once; " + appStarts + " app lives, "
					+ (SparkContexts.createdInJvm() - contextsBefore) + " Spark contexts");
		}
		finally {
			app.close();
		}
	}

	/** A wave of raw files, then sampled moments until the reader sees all of it. */
	private static void waveAndCatchUp(int filesPerNode) throws IOException {
		raw.wave(NODES, filesPerNode, 400);
		awaitCaughtUp();
	}

	private static void awaitCaughtUp() {
		Cutoff all = raw.highest();
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> reader.check().absorbed().includes(all));
	}

	private static void awaitSets(Predicate<Map<String, RealtimeManifest>> condition) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
			Map<String, RealtimeManifest> sets = reader.liveSets();
			if (!sets.isEmpty()) {
				// before the very first run there is nothing to read yet
				reader.check();
			}
			return condition.test(sets);
		});
	}

}
