package org.healthmon.importer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.healthmon.hdfs.HdfsSettings;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.StorageLayout;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (no {@code *Tests}/{@code *IT} name, so {@code verify} skips it): the import
 * of 1,000,000 records (200k raw CSV, 200k header CSV, 200k canonical JSON lines, 100k
 * legacy JSON lines gzipped, 300k Parquet; 100 services over 30 days; about 1 % invalid)
 * into a MiniHdfs of one datanode, in process (no JVM start), with the default 128 MB
 * files. One warm-up and three measured imports, each into a store root of its own. Run:
 * <pre>
 * ./mvnw -B -o -pl import-tool -am test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre> Prints a Markdown table for BENCHMARKS.md.
 */
class ImportBenchmark {

	private static final int ROUNDS = 3;

	@TempDir
	Path tmp;

	@Test
	void importOfAMillionRecords() throws Exception {
		Path dir = Files.createDirectories(this.tmp.resolve("inputs"));
		TestInputs inputs = new TestInputs(42, 100, 30, "svc-");
		long now = System.currentTimeMillis();
		List<Path> files = List.of(inputs.rawCsv(dir.resolve("raw.csv"), 200_000),
				inputs.headerCsv(dir.resolve("header.csv"), 200_000, false),
				inputs.jsonLines(dir.resolve("canonical.jsonl"), 200_000, false, now),
				inputs.jsonLines(dir.resolve("legacy.jsonl.gz"), 100_000, true, now),
				inputs.parquet(dir.resolve("messages.parquet"), 300_000));
		long bytes = 0;
		for (Path file : files) {
			bytes += Files.size(file);
		}
		long valid = inputs.valid.size();
		List<String> rows = new ArrayList<>();
		try (MiniHdfs hdfs = MiniHdfs.start(this.tmp.resolve("hdfs"), 1)) {
			for (int round = 0; round <= ROUNDS; round++) {
				String root = "/bench" + round;
				ImportProperties properties = new ImportProperties(
						new HdfsSettings(hdfs.uri(), root, (short) 1, Map.of()), InputFormat.AUTO, Duration.ZERO,
						Duration.ofMinutes(5), DataSize.ofMegabytes(128), 10_000,
						HealthMessageJson.LegacyCpuUnit.FRACTION, Duration.ofSeconds(2), 1000, 2);
				Importer importer = new Importer(hdfs.fs(), new StorageLayout(root), properties);
				long cpu0 = cpuNanos();
				long t0 = System.nanoTime();
				Ledger done = importer.run(files);
				long nanos = System.nanoTime() - t0;
				long cpu = cpuNanos() - cpu0;
				assertThat(done.records()).isEqualTo(1_000_000);
				assertThat(done.accepted()).isEqualTo(valid);
				rows.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %d | %,.0f | **%,.0f** | %.1f |",
						(round == 0) ? "in process, first (cold JIT)" : "in process, round " + round, done.records(),
						done.accepted(), done.files(), nanos / 1e6, done.records() * 1e9 / nanos, cpu / 1e9));
			}
			rows.add(command(hdfs.uri(), files));
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "Inputs: %,d records (%,d valid) in %d files, %,d bytes; load average %.2f%n",
				1_000_000, valid, files.size(), bytes,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("| run | records | accepted | files | time (ms) | records/s | JVM CPU s |");
		System.out.println("|---|--:|--:|--:|--:|--:|--:|");
		rows.forEach(System.out::println);
	}

	/**
	 * The import as the command runs it, {@code java -jar} of the built jar in a JVM of
	 * its own (when the jar is there: {@code ./mvnw -B -o -q package -DskipTests -pl
	 * import-tool -am}), with the JVM options of {@code -Dhealthmon.bench.jvm-args}: its
	 * wall time, JVM start included, and the rate its summary prints (without the JVM
	 * start).
	 */
	private static String command(String uri, List<Path> files) throws Exception {
		Path jar = Path.of(System.getProperty("healthmon.bench.jar", "target/import-tool-0.1.0-SNAPSHOT.jar"));
		if (!Files.isRegularFile(jar)) {
			return "| `java -jar` | (no jar at " + jar + ") | | | | | |";
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		String jvmArgs = System.getProperty("healthmon.bench.jvm-args", "").trim();
		if (!jvmArgs.isEmpty()) {
			command.addAll(List.of(jvmArgs.split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--healthmon.import.hdfs.uri=" + uri,
				"--healthmon.import.hdfs.root=/command", "--healthmon.import.hdfs.replication=1"));
		files.forEach((file) -> command.add(file.toString()));
		long t0 = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		int exit = process.waitFor();
		long nanos = System.nanoTime() - t0;
		java.util.regex.Matcher done = java.util.regex.Pattern.compile(
				"done: ([\\d,]+) records, ([\\d,]+) accepted.*, (\\d+) file\\(s\\).* in ([\\d:]+) \\(([\\d,]+) records/s\\)")
			.matcher(output);
		output.lines()
			.filter((line) -> line.contains("records/s") || line.contains("digested"))
			.forEach(System.out::println);
		assertThat(exit).as(output).isZero();
		assertThat(done.find()).as(output).isTrue();
		return String.format(Locale.ROOT, "| `java -jar`" + (jvmArgs.isEmpty() ? "" : " `" + jvmArgs + "`")
				+ " (JVM start included: %,.0f ms wall) | %s | %s | %s | %s | **%s** (summary, without JVM start) | |",
				nanos / 1e6, done.group(1), done.group(2), done.group(3), done.group(4), done.group(5));
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
