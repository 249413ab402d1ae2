package org.healthmon.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.healthmon.batch.run.BatchRun;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.run.RunMode;
import org.healthmon.batch.support.BruteForce;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.batch.support.TestData;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.batch.support.ViewReader;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawWindow;
import org.healthmon.model.SequencedFileName;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs while three ingest nodes keep publishing (hidden, then renamed, strictly in
 * sequence order per node) over several hours, and the runs compact the hours behind them
 * and delete the files they replaced: every published version counts exactly the files
 * its cutoff names, each once, so every file lands in exactly one version's increment or
 * in none yet. A reader listing the whole raw store meanwhile always finds each line up
 * to its cutoff exactly once, whether it meets the small files, their compaction or both.
 */
class ExactCutoffIT {

	private static final int NODES = 3;

	private static final int FILES_PER_NODE = 25;

	/** Long enough for the reader to read what it listed; short enough to delete. */
	private static final Duration GRACE = Duration.ofSeconds(10);

	@TempDir
	Path clusterDir;

	@TempDir
	Path tmp;

	@Test
	void whenFilesArePublishedDuringRunsThenEveryFileIsCoveredByExactlyOneIncrement() throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(this.clusterDir, 4)) {
			StorageLayout layout = new StorageLayout("/concurrent");
			BatchRunner runner = TestRunners.runner(hdfs.fs(), layout, this.tmp,
					TestRunners.properties(hdfs.uri(), layout.root(), GRACE, 0, Map.of(), TestRunners.COMPACTION),
					new SimpleMeterRegistry(), Clock.systemUTC());
			BatchStore store = new BatchStore(hdfs.fs(), layout);
			Map<SequencedFileName, List<String>> published = new ConcurrentHashMap<>();
			AtomicInteger runsDone = new AtomicInteger();
			List<TestData.PublishedFile> all = new ArrayList<>();
			ExecutorService nodes = Executors.newFixedThreadPool(NODES + 1);
			List<Future<?>> publishing = new ArrayList<>();
			for (int n = 0; n < NODES; n++) {
				TestData data = new TestData(100 + n);
				List<TestData.PublishedFile> files = new ArrayList<>();
				for (int i = 0; i < FILES_PER_NODE; i++) {
					files.add(data.skip(12 * 60_000).nextFile("ingest-" + n, 40, 60, 0));
				}
				all.addAll(files);
				RawPublisher publisher = new RawPublisher(hdfs.fs(), layout);
				publishing.add(nodes.submit(() -> {
					for (TestData.PublishedFile file : files) {
						// recorded first: whoever lists the file finds its lines recorded
						published.put(new SequencedFileName(file.node(), file.seq(), "csv"), file.lines());
						file.publish(publisher);
						if (file.seq() % 8 == 7) {
							// let at least one more run start while this node keeps
							// publishing
							int seen = runsDone.get();
							await().atMost(Duration.ofSeconds(60)).until(() -> runsDone.get() > seen);
						}
					}
					return null;
				}));
			}
			AtomicBoolean done = new AtomicBoolean();
			Future<Integer> reader = nodes.submit(() -> readWholeStoreUntil(done, store, published));
			List<BatchManifest> versions = new ArrayList<>();
			List<List<MinuteStats>> views = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (publishing.stream().anyMatch((f) -> !f.isDone()) || versions.isEmpty()
					|| !versions.get(versions.size() - 1).cutoff().equals(highest(all))) {
				assertThat(System.nanoTime()).as("runs keep up within 5 minutes").isLessThan(deadline);
				for (Future<?> f : publishing) {
					if (f.isDone()) {
						f.get();
					}
				}
				BatchRun run = runner.run(RunMode.AUTO, "test").orElseThrow();
				runsDone.incrementAndGet();
				assertThat(run.outcome()).as(run.error()).isNotEqualTo(BatchRun.Outcome.FAILED);
				if (run.outcome() == BatchRun.Outcome.PUBLISHED) {
					BatchManifest manifest = store.batchManifest().orElseThrow();
					versions.add(manifest);
					views.add(ViewReader.read(hdfs.fs(), manifest));
				}
			}
			done.set(true);
			assertThat(reader.get(60, TimeUnit.SECONDS)).as("the reader's whole-store reads").isPositive();
			nodes.shutdown();
			assertThat(nodes.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			for (Future<?> f : publishing) {
				f.get();
			}

			assertThat(versions).hasSizeGreaterThanOrEqualTo(3);
			Cutoff before = Cutoff.NONE;
			for (int v = 0; v < versions.size(); v++) {
				Cutoff cutoff = versions.get(v).cutoff();
				assertThat(cutoff.includes(before)).as("cutoffs never go back").isTrue();
				List<String> covered = new ArrayList<>();
				published.forEach((name, lines) -> {
					if (cutoff.covers(name)) {
						covered.addAll(lines);
					}
				});
				// Every file the cutoff names was published when the run listed it: its
				// lines
				// are all counted, and nothing else is
				assertThat(views.get(v)).as("version %d, cutoff %s", versions.get(v).version(), cutoff.seqByNode())
					.isEqualTo(BruteForce.aggregate(covered));
				before = cutoff;
			}
			List<String> everything = all.stream().flatMap((f) -> f.lines().stream()).toList();
			assertThat(views.get(views.size() - 1)).isEqualTo(BruteForce.aggregate(everything));
			assertThat(compactions(store)).as("hours behind the runs were compacted").isPositive();
			BatchRun full = runner.run(RunMode.FULL, "test").orElseThrow();
			assertThat(full.outcome()).as(full.error()).isEqualTo(BatchRun.Outcome.PUBLISHED);
			assertThat(ViewReader.read(hdfs.fs(), store.batchManifest().orElseThrow()))
				.isEqualTo(BruteForce.aggregate(everything));
		}
	}

	/**
	 * Lists the whole raw store twice (the highest of the first, selected from the
	 * second), reads the files and checks every line up to the cutoff is there exactly
	 * once, until {@code done}.
	 * @return how many reads it made
	 */
	private static int readWholeStoreUntil(AtomicBoolean done, BatchStore store,
			Map<SequencedFileName, List<String>> published) throws Exception {
		int reads = 0;
		while (!done.get()) {
			Cutoff cutoff = store.listRaw(RawWindow.ALL).highest();
			List<RawFileSet.RawFile> files = store.listRaw(RawWindow.ALL).select(Cutoff.NONE, cutoff);
			List<String> lines = new ArrayList<>();
			for (RawFileSet.RawFile file : files) {
				try (var in = store.fs().open(new org.apache.hadoop.fs.Path(file.path()))) {
					lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
				}
			}
			List<String> expected = new ArrayList<>();
			published.forEach((name, content) -> {
				if (cutoff.covers(name)) {
					expected.addAll(content);
				}
			});
			assertThat(lines).as("lines up to %s", cutoff.seqByNode()).containsExactlyInAnyOrderElementsOf(expected);
			reads++;
		}
		return reads;
	}

	private static long compactions(BatchStore store) throws Exception {
		return store.listRaw(RawWindow.ALL).files().stream().filter((f) -> f.name().compacted()).count();
	}

	private static Cutoff highest(List<TestData.PublishedFile> files) {
		Cutoff cutoff = Cutoff.NONE;
		for (TestData.PublishedFile file : files) {
			cutoff = cutoff.with(file.node(), file.seq());
		}
		return cutoff;
	}

}
