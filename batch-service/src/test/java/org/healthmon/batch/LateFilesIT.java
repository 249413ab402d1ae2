package org.healthmon.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.healthmon.batch.run.BatchRun;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.run.RunMode;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.support.BruteForce;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.batch.support.TestData;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.batch.support.ViewReader;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawFileName;
import org.healthmon.model.StorageLayout;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that breaks the writer contract (docs/architecture.md §4.2): {@code ingest-9}
 * publishes two days of history and the current hour in shuffled order, while the runs go
 * on and compact the closed hours behind them, and {@code ingest-1} publishes in order.
 * Files published below a cutoff already passed are late: the next run finds them, adopts
 * them and counts them. Once publishing ends, one more run gives the brute force over
 * every file, the metric counts exactly the adopted files, and a full recompute agrees.
 */
class LateFilesIT {

	private static final int FILES = 480;

	private static final int RUN_EVERY = 120;

	@TempDir
	Path clusterDir;

	@TempDir
	Path tmp;

	@Test
	void whenANodePublishesInShuffledOrderDuringRunsThenTheNextRunCountsEveryFileOnce() throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(this.clusterDir, 1)) {
			StorageLayout layout = new StorageLayout("/late");
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			BatchRunner runner = TestRunners.runner(hdfs.fs(), layout, this.tmp, TestRunners.properties(hdfs.uri(),
					layout.root(), Duration.ofSeconds(5), 0, Map.of(), TestRunners.COMPACTION), registry,
					Clock.systemUTC());
			BatchStore store = new BatchStore(hdfs.fs(), layout);
			RawPublisher publisher = new RawPublisher(hdfs.fs(), layout);
			long now = System.currentTimeMillis();
			long from = StorageLayout.hourOf(now) - 2 * StorageLayout.DAY_MS;
			int history = FILES * 2 / 3;
			List<TestData.PublishedFile> shuffled = new ArrayList<>();
			for (int seq = 0; seq < FILES; seq++) {
				long arrival = (seq < history) ? from + seq * (2 * StorageLayout.DAY_MS / history) : now;
				shuffled
					.add(new TestData.PublishedFile("ingest-9", seq, arrival, List.of(TestData.line("svc-" + seq % 7,
							arrival - 30_000 - seq, arrival, seq % 101, 16.0, seq % 16, 512.0, 100.0))));
			}
			Collections.shuffle(shuffled, new Random(19));
			List<String> lines = new ArrayList<>();
			shuffled.forEach((file) -> lines.addAll(file.lines()));
			AtomicInteger runsDone = new AtomicInteger();
			ExecutorService writer = Executors.newSingleThreadExecutor();
			Future<List<String>> publishing = writer.submit(() -> {
				List<String> inOrder = new ArrayList<>();
				for (int i = 0; i < shuffled.size(); i++) {
					shuffled.get(i).publish(publisher);
					if (i % 20 == 0) {
						String line = TestData.line("svc-1", now + i, now + i, 1.0, 16.0, 8.0, 512.0, 100.0);
						publisher.publish("ingest-1", i, now, List.of(line));
						inOrder.add(line);
					}
					if (i % RUN_EVERY == RUN_EVERY - 1) {
						// at least one run passes part of the node's sequence meanwhile
						int seen = runsDone.get();
						await().atMost(Duration.ofSeconds(120)).until(() -> runsDone.get() > seen);
					}
				}
				return inOrder;
			});
			while (!publishing.isDone()) {
				BatchRun run = runner.run(RunMode.AUTO, "test").orElseThrow();
				assertThat(run.outcome()).as(run.error()).isNotEqualTo(BatchRun.Outcome.FAILED);
				runsDone.incrementAndGet();
			}
			lines.addAll(publishing.get());
			writer.shutdown();
			assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			BatchRun last = runner.run(RunMode.AUTO, "test").orElseThrow();
			assertThat(last.outcome()).as(last.error()).isNotEqualTo(BatchRun.Outcome.FAILED);

			BatchManifest manifest = store.batchManifest().orElseThrow();
			List<MinuteStats> expected = BruteForce.aggregate(lines);
			assertThat(ViewReader.read(hdfs.fs(), manifest)).isEqualTo(expected);
			assertThat(manifest.cutoff().seqOf("ingest-9")).isEqualTo(FILES - 1);
			double late = registry.get("healthmon.batch.late.files").counter().count();
			System.out.printf("LateFilesIT: %d runs, %.0f of %d files late%n", runsDone.get() + 1, late, FILES);
			assertThat(late).as("late files adopted").isPositive();
			// adopted files are numbered densely from 1, compacted or not
			assertThat(manifest.cutoff().seqOf(RawFileName.LATE_NODE)).isEqualTo((long) late);
			BatchRun full = runner.run(RunMode.FULL, "test").orElseThrow();
			assertThat(full.outcome()).as(full.error()).isEqualTo(BatchRun.Outcome.PUBLISHED);
			assertThat(full.lateFiles()).isZero();
			assertThat(ViewReader.read(hdfs.fs(), store.batchManifest().orElseThrow())).isEqualTo(expected);
		}
	}

}
