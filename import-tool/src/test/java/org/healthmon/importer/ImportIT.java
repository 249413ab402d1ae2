package org.healthmon.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.healthmon.hdfs.HdfsSettings;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawRecord;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.StorageLayout;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import against a real HDFS: every format and shape, counted by reason; each valid
 * record in exactly one published file; files dense from 1 and published in order;
 * catalog and ledger; re-runs refused; crashes while writing and while publishing
 * finished exactly by a re-run. Each test has its own store root.
 */
class ImportIT {

	@TempDir
	static Path tmp;

	static MiniHdfs hdfs;

	@BeforeAll
	static void startHdfs() throws IOException {
		hdfs = MiniHdfs.start(tmp.resolve("hdfs"), 1);
	}

	@AfterAll
	static void stopHdfs() {
		if (hdfs != null) {
			hdfs.close();
		}
	}

	/** Runs the app as {@code java -jar} would, and returns its exit code. */
	static int runApp(String root, Path... files) {
		List<String> args = new ArrayList<>(List.of("--healthmon.import.hdfs.uri=" + hdfs.uri(),
				"--healthmon.import.hdfs.root=" + root, "--healthmon.import.hdfs.replication=1",
				"--healthmon.import.file-size=64KB", "--healthmon.import.progress-interval=100ms"));
		Stream.of(files).map(Path::toString).forEach(args::add);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportApplication.class)
			.run(args.toArray(String[]::new));
		return SpringApplication.exit(context);
	}

	static ImportProperties properties(String root) {
		return new ImportProperties(new HdfsSettings(hdfs.uri(), root, (short) 1, Map.of()), InputFormat.AUTO,
				Duration.ZERO, Duration.ofMinutes(5), DataSize.ofKilobytes(64), 10_000,
				HealthMessageJson.LegacyCpuUnit.FRACTION, Duration.ofSeconds(2), 1000, 2);
	}

	static Importer importer(String root, Importer.Hooks hooks) throws IOException {
		return new Importer(hdfs.fs(), new StorageLayout(root), properties(root), java.time.Clock.systemUTC(), hooks);
	}

	/** Inputs of every format and shape, with bad records among them. */
	static List<Path> everyFormat(TestInputs inputs, Path dir) throws IOException {
		long now = System.currentTimeMillis();
		return List.of(inputs.rawCsv(dir.resolve("raw.csv"), 1500),
				inputs.headerCsv(dir.resolve("header.csv"), 1200, false),
				inputs.headerCsv(dir.resolve("epoch.CSV.gz"), 800, true),
				inputs.jsonLines(dir.resolve("canonical.jsonl"), 2000, false, now),
				inputs.jsonLines(dir.resolve("legacy.ndjson.gz"), 1000, true, now),
				inputs.parquet(dir.resolve("messages.parquet"), 1500));
	}

	@Test
	void importsEveryFormatExactlyOnce(@TempDir Path dir) throws IOException {
		String root = "/every";
		TestInputs inputs = new TestInputs(1, 20, 30, "svc-");
		List<Path> files = everyFormat(inputs, dir);

		assertThat(runApp(root, files.toArray(Path[]::new))).isEqualTo(ImportRunner.EXIT_DONE);

		StorageLayout layout = new StorageLayout(root);
		Ledger ledger = onlyLedger(layout);
		assertThat(ledger.state()).isEqualTo(Ledger.State.DONE);
		assertThat(ledger.inputs()).extracting(Ledger.Input::format)
			.containsExactly(InputFormat.RAW_CSV, InputFormat.CSV, InputFormat.CSV, InputFormat.JSONL,
					InputFormat.JSONL, InputFormat.PARQUET);
		assertThat(ledger.rejected()).isEqualTo(inputs.rejected);
		assertThat(ledger.accepted()).isEqualTo(inputs.valid.size());
		assertThat(ledger.files()).isGreaterThan(3);
		assertExact(layout, ledger, inputs.valid);
		assertThat(read(new org.apache.hadoop.fs.Path(layout.importsDir() + "/" + ledger.node() + "/rejected.tsv")))
			.contains("\tnot_json\t", "\tbad_number\t", "\tin_future\t", "raw.csv\t8\tnot_json\t");
		assertThat(hdfs.fs().exists(new org.apache.hadoop.fs.Path(layout.importsDir(), ledger.node() + "/staging")))
			.isFalse();
	}

	@Test
	void aRerunAndAnOverlapAreRefused(@TempDir Path dir) throws IOException {
		String root = "/rerun";
		TestInputs inputs = new TestInputs(2, 5, 3, "svc-");
		Path a = inputs.jsonLines(dir.resolve("a.jsonl"), 500, false, System.currentTimeMillis());
		Path b = inputs.rawCsv(dir.resolve("b.csv"), 300);
		assertThat(runApp(root, a, b)).isEqualTo(ImportRunner.EXIT_DONE);
		StorageLayout layout = new StorageLayout(root);
		Ledger ledger = onlyLedger(layout);
		List<String> published = publishedFiles(layout, ledger.node());

		// the same files again, in another order: the same import
		assertThat(runApp(root, b, a)).isEqualTo(ImportRunner.EXIT_REFUSED);
		// one of them with a new one: another import that holds a
		Path c = new TestInputs(3, 5, 3, "new-").rawCsv(dir.resolve("c.csv"), 100);
		assertThat(runApp(root, a, c)).isEqualTo(ImportRunner.EXIT_REFUSED);
		// the same content twice
		Path copy = TestInputs.write(dir.resolve("copy.jsonl"), read(a));
		assertThat(runApp(root, c, copy, a)).isEqualTo(ImportRunner.EXIT_REFUSED);

		assertThat(onlyLedger(layout)).isEqualTo(ledger);
		assertThat(publishedFiles(layout, ledger.node())).isEqualTo(published);
		assertExact(layout, ledger, inputs.valid);
		// an input that cannot be read: nothing done either
		Path unknown = TestInputs.write(dir.resolve("x.txt"), "hello");
		assertThat(runApp(root, c, unknown)).isEqualTo(ImportRunner.EXIT_BAD_INPUT);
		assertThat(runApp(root)).isEqualTo(ImportRunner.EXIT_BAD_INPUT);
		assertThat(hdfs.fs().listStatus(new org.apache.hadoop.fs.Path(layout.importsDir()))).hasSize(2);
	}

	@Test
	void aCrashWhileWritingStartsOver(@TempDir Path dir) throws IOException {
		String root = "/crash-writing";
		TestInputs inputs = new TestInputs(4, 10, 5, "svc-");
		List<Path> files = everyFormat(inputs, dir);
		Importer.Hooks crash = new Importer.Hooks() {
			@Override
			public void staged(long accepted) {
				if (accepted == 3000) {
					throw new IllegalStateException("killed");
				}
			}
		};
		assertThatThrownBy(() -> importer(root, crash).run(files)).hasMessage("killed");
		StorageLayout layout = new StorageLayout(root);
		Ledger stopped = onlyLedger(layout);
		assertThat(stopped.state()).isEqualTo(Ledger.State.WRITING);
		assertThat(publishedFiles(layout, stopped.node())).isEmpty();
		assertThat(
				hdfs.fs().listStatus(new org.apache.hadoop.fs.Path(layout.importsDir(), stopped.node() + "/staging")))
			.isNotEmpty();

		Ledger done = importer(root, Importer.Hooks.NONE).run(files);
		assertThat(done.node()).isEqualTo(stopped.node());
		assertThat(done.state()).isEqualTo(Ledger.State.DONE);
		assertThat(done.rejected()).isEqualTo(inputs.rejected);
		assertExact(layout, done, inputs.valid);
	}

	@Test
	void aCrashWhilePublishingIsFinished(@TempDir Path dir) throws IOException {
		String root = "/crash-publishing";
		TestInputs inputs = new TestInputs(5, 10, 5, "svc-");
		List<Path> files = everyFormat(inputs, dir);
		List<Long> order = new ArrayList<>();
		Importer.Hooks crash = new Importer.Hooks() {
			@Override
			public void published(long seq) {
				order.add(seq);
				if (seq == 2) {
					throw new IllegalStateException("killed");
				}
			}
		};
		assertThatThrownBy(() -> importer(root, crash).run(files)).hasMessage("killed");
		StorageLayout layout = new StorageLayout(root);
		Ledger stopped = onlyLedger(layout);
		assertThat(stopped.state()).isEqualTo(Ledger.State.PUBLISHING);
		assertThat(publishedFiles(layout, stopped.node())).hasSize(2);

		Importer.Hooks record = new Importer.Hooks() {
			@Override
			public void published(long seq) {
				order.add(seq);
			}
		};
		Ledger done = importer(root, record).run(files);
		assertThat(done.startedAtMs()).isEqualTo(stopped.startedAtMs());
		assertThat(done.state()).isEqualTo(Ledger.State.DONE);
		// strictly in sequence order, each once, across the crash
		List<Long> expected = new ArrayList<>();
		for (long seq = 1; seq <= done.files(); seq++) {
			expected.add(seq);
		}
		assertThat(order).isEqualTo(expected);
		assertExact(layout, done, inputs.valid);
		assertThatThrownBy(() -> importer(root, Importer.Hooks.NONE).run(files))
			.isInstanceOf(ImportRefusedException.class);
	}

	/**
	 * Every valid record in exactly one published file of the import node, with the
	 * import's start as ingest time, in its partition; files dense from 1; the catalog's
	 * counts equal.
	 */
	static void assertExact(StorageLayout layout, Ledger ledger, List<String> valid) throws IOException {
		List<String> names = publishedFiles(layout, ledger.node());
		List<String> expectedNames = new ArrayList<>();
		for (long seq = 1; seq <= ledger.files(); seq++) {
			expectedNames
				.add(layout.rawPartition(ledger.startedAtMs()) + "/" + StagedRawFiles.name(ledger.node(), seq));
		}
		assertThat(names).isEqualTo(expectedNames);
		List<String> keys = new ArrayList<>();
		Map<String, Long> perService = new TreeMap<>();
		for (String name : names) {
			for (String line : read(new org.apache.hadoop.fs.Path(name)).split("\n")) {
				RawRecord record = RawCsv.parse(line);
				assertThat(record.ingestTimeMs()).isEqualTo(ledger.startedAtMs());
				keys.add(TestInputs.key(record.message()));
				perService.merge(record.message().service(), 1L, Long::sum);
			}
		}
		List<String> expected = new ArrayList<>(valid);
		Collections.sort(expected);
		Collections.sort(keys);
		assertThat(keys).hasSameSizeAs(expected);
		assertThat(keys).isEqualTo(expected);

		ServiceCatalog catalog = ServiceCatalog
			.fromJson(read(new org.apache.hadoop.fs.Path(layout.catalogFile(ledger.node())))
				.getBytes(StandardCharsets.UTF_8));
		assertThat(catalog.nodeId()).isEqualTo(ledger.node());
		assertThat(catalog.raw().cutoff()).isEqualTo(ledger.files());
		assertThat(catalog.raw().cutoffHourMs()).isEqualTo(StorageLayout.hourOf(ledger.startedAtMs()));
		Map<String, Long> cataloged = new TreeMap<>();
		for (ServiceCatalog.Entry e : catalog.services()) {
			cataloged.put(e.service(), e.messages());
			assertThat(e.firstSeenMs()).isEqualTo(ledger.startedAtMs());
			assertThat(e.lastSeenMs()).isEqualTo(ledger.startedAtMs());
		}
		assertThat(cataloged).isEqualTo(perService);
	}

	/** The published raw files of a node, anywhere in the raw store, sorted. */
	static List<String> publishedFiles(StorageLayout layout, String node) throws IOException {
		List<String> found = new ArrayList<>();
		FileSystem fs = hdfs.fs();
		org.apache.hadoop.fs.Path raw = new org.apache.hadoop.fs.Path(layout.rawDir());
		if (!fs.exists(raw)) {
			return found;
		}
		RemoteIterator<LocatedFileStatus> files = fs.listFiles(raw, true);
		while (files.hasNext()) {
			org.apache.hadoop.fs.Path path = files.next().getPath();
			RawFileName.parse(path.getName())
				.filter((name) -> name.nodeId().equals(node))
				.ifPresent((name) -> found.add(path.toUri().getPath()));
		}
		Collections.sort(found);
		return found;
	}

	static Ledger onlyLedger(StorageLayout layout) throws IOException {
		List<Ledger> ledgers = new ImportStore(hdfs.fs(), layout).all();
		assertThat(ledgers).hasSize(1);
		return ledgers.get(0);
	}

	static String read(org.apache.hadoop.fs.Path file) throws IOException {
		try (InputStream in = hdfs.fs().open(file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static String read(Path file) throws IOException {
		return java.nio.file.Files.readString(file);
	}

	static FileStatus[] list(String dir) throws IOException {
		return hdfs.fs().listStatus(new org.apache.hadoop.fs.Path(dir));
	}

}
