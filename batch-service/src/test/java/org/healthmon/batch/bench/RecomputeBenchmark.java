package org.healthmon.batch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.batch.run.BatchRun;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.run.RunMode;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.model.StorageLayout;

import org.springframework.util.unit.DataSize;

/**
 * The batch recompute benchmark of issue 3 (not a test): writes N raw rows of S services
 * as raw CSV files on the local file system, then, in the same JVM and run, times a full
 * recompute with the local job runner and DuckDB aggregating the same CSV files to the
 * same rows (GROUP BY service, minute with the same fixed-point percentages), checks that
 * both give exactly the same rows, and appends a section to BENCHMARKS.md.
 *
 * <p>
 * Run with {@code bench/batch-recompute.sh} (it builds the classpath and passes the
 * machine description); arguments: {@code rows services files workDir benchmarksMd
 * machineText rounds}.
 */
public final class RecomputeBenchmark {

	private static final long T0 = 1_795_323_600_000L;

	private RecomputeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long rows = Long.parseLong(args[0]);
		int services = Integer.parseInt(args[1]);
		int files = Integer.parseInt(args[2]);
		Path work = Path.of(args[3]).toAbsolutePath();
		Path report = Path.of(args[4]);
		String machine = args[5];
		int rounds = Integer.parseInt(args[6]);

		StorageLayout layout = new StorageLayout(work.resolve("store").toString());
		long started = System.nanoTime();
		long bytes = generate(layout, rows, services, files);
		double generateS = seconds(System.nanoTime() - started);
		System.out.printf("generated %,d rows (%,d bytes) in %d files in %.1f s%n", rows, bytes, files, generateS);

		FileSystem fs = FileSystem.getLocal(new Configuration()).getRaw();
		// Two splits: one per map slot of the local runner (2 cores)
		long splitSize = bytes / 2 + 1;
		List<double[]> timings = new ArrayList<>();
		long jobRows = 0;
		long duckRows = 0;
		long mismatches = -1;
		String version = "";
		for (int round = 1; round <= rounds; round++) {
			BatchRunner runner = TestRunners.runner(fs, layout, work.resolve("hadoop-tmp"), Duration.ZERO, 0, Map.of(),
					new SimpleMeterRegistry(), DataSize.ofBytes(splitSize));
			long t = System.nanoTime();
			BatchRun run = runner.run(RunMode.FULL, "benchmark").orElseThrow();
			double jobS = seconds(System.nanoTime() - t);
			if (run.outcome() != BatchRun.Outcome.PUBLISHED) {
				throw new IllegalStateException("the recompute failed: " + run.error());
			}
			jobRows = run.outputRows();
			String view = new BatchStore(fs, layout).batchManifest().orElseThrow().path() + "/*/*.parquet";
			try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
				version = version(duck);
				t = System.nanoTime();
				duckRows = aggregate(duck, layout);
				double duckS = seconds(System.nanoTime() - t);
				mismatches = compare(duck, view);
				timings.add(new double[] { jobS, duckS });
				System.out.printf(
						"round %d: job %.2f s (%,d rows, %,d lines), DuckDB %.2f s (%,d rows), ratio %.2f, "
								+ "rows differing %d%n",
						round, jobS, jobRows, run.inputRecords(), duckS, duckRows, jobS / duckS, mismatches);
			}
		}
		append(report, machine, rows, services, files, bytes, splitSize, timings, jobRows, duckRows, mismatches,
				version);
	}

	/**
	 * Raw files as ingest writes them: services reporting once a second each, round
	 * robin.
	 */
	private static long generate(StorageLayout layout, long rows, int services, int files) throws IOException {
		Path partition = Path.of(layout.rawPartition(T0));
		Files.createDirectories(partition);
		Random random = new Random(42);
		long perFile = (rows + files - 1) / files;
		long written = 0;
		long bytes = 0;
		for (int f = 0; f < files && written < rows; f++) {
			Path file = partition.resolve(String.format("ingest-1-%012d.csv", f));
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				StringBuilder line = new StringBuilder(96);
				for (long i = 0; i < perFile && written < rows; i++, written++) {
					long event = T0 + (written / services) * 1000 + random.nextInt(1000);
					line.setLength(0);
					line.append("svc-")
						.append(written % services)
						.append(',')
						.append(event)
						.append(',')
						.append(event + 50 + random.nextInt(500))
						.append(',')
						.append(random.nextInt(10001) / 100.0)
						.append(",16.0,")
						.append(random.nextInt(1601) / 100.0)
						.append(",512.0,")
						.append(random.nextInt(51201) / 100.0)
						.append('\n');
					out.append(line);
				}
			}
			bytes += Files.size(file);
		}
		return bytes;
	}

	private static final String DUCK_VIEW = """
			CREATE OR REPLACE TABLE duck_view AS
			WITH raw AS (
			  SELECT service, event_ms,
			         CAST(round(cpu * 1e9) AS BIGINT) AS cpu,
			         CAST(round((ram_total - ram_free) / ram_total * 100.0 * 1e9) AS BIGINT) AS ram,
			         CAST(round((disk_total - disk_free) / disk_total * 100.0 * 1e9) AS BIGINT) AS disk
			  FROM read_csv('%s/**/*.csv', header = false, auto_detect = false, columns = {
			    'service': 'VARCHAR', 'event_ms': 'BIGINT', 'ingest_ms': 'BIGINT', 'cpu': 'DOUBLE',
			    'ram_total': 'DOUBLE', 'ram_free': 'DOUBLE', 'disk_total': 'DOUBLE', 'disk_free': 'DOUBLE'}))
			SELECT service, (event_ms // 60000) * 60000 AS minute, count(*) AS count,
			       sum(cpu)::BIGINT AS cpu_sum, max(cpu) AS cpu_max, arg_min(event_ms, (-cpu, event_ms)) AS cpu_max_at,
			       sum(ram)::BIGINT AS ram_sum, max(ram) AS ram_max, arg_min(event_ms, (-ram, event_ms)) AS ram_max_at,
			       sum(disk)::BIGINT AS disk_sum, max(disk) AS disk_max, arg_min(event_ms, (-disk, event_ms)) AS disk_max_at
			FROM raw GROUP BY service, minute""";

	private static long aggregate(Connection duck, StorageLayout layout) throws SQLException {
		try (Statement s = duck.createStatement()) {
			s.execute(String.format(DUCK_VIEW, layout.rawDir()));
			return single(s, "SELECT count(*) FROM duck_view");
		}
	}

	/** Rows in one result and not the other, both ways. */
	private static long compare(Connection duck, String viewFiles) throws SQLException {
		try (Statement s = duck.createStatement()) {
			String job = "SELECT * FROM read_parquet('" + viewFiles + "')";
			return single(s, "SELECT count(*) FROM (" + job + " EXCEPT SELECT * FROM duck_view)")
					+ single(s, "SELECT count(*) FROM (SELECT * FROM duck_view EXCEPT " + job + ")");
		}
	}

	private static String version(Connection duck) throws SQLException {
		try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery("SELECT version()")) {
			r.next();
			return r.getString(1);
		}
	}

	private static long single(Statement s, String sql) throws SQLException {
		try (ResultSet r = s.executeQuery(sql)) {
			r.next();
			return r.getLong(1);
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static void append(Path report, String machine, long rows, int services, int files, long bytes,
			long splitSize, List<double[]> timings, long jobRows, long duckRows, long mismatches, String version)
			throws IOException {
		StringBuilder md = new StringBuilder();
		if (!Files.exists(report) || Files.size(report) == 0) {
			md.append("# Benchmarks\n");
		}
		md.append("\n## Batch recompute (issue 3)\n\n");
		md.append("Run ").append(Instant.now()).append(" with `bench/batch-recompute.sh`.\n\n");
		md.append("**Question:** how long does a full recompute of the batch view take with the MapReduce local job ")
			.append("runner, against DuckDB aggregating the same raw CSV files to the same rows in the same run? ")
			.append("Target (issue 3): job ≤ 5 × DuckDB.\n\n");
		md.append("**Machine:** ").append(machine).append("\n\n");
		md.append(String.format("**Data:** %,d raw rows, %d services (each reporting once a second), %d CSV files, "
				+ "%,d bytes, on the local file system; the job: CombineTextInputFormat (%,d-byte splits → 2 map tasks, "
				+ "`mapreduce.local.map.tasks.maximum=2`), in-mapper combining, 1 reducer → AvroParquetOutputFormat; "
				+ "DuckDB %s in-process (`read_csv` of the same files, GROUP BY service, minute, the same fixed-point "
				+ "percentages, `arg_min(event_ms, (-value, event_ms))` for the earliest peak), all threads.%n%n", rows,
				services, files, bytes, splitSize, version));
		md.append("| round | job (full recompute) | DuckDB | ratio job / DuckDB |\n|---|---|---|---|\n");
		for (int i = 0; i < timings.size(); i++) {
			double[] t = timings.get(i);
			md.append(String.format("| %d | %.2f s | %.2f s | %.2f |%n", i + 1, t[0], t[1], t[0] / t[1]));
		}
		md.append(String.format("%n**Rows:** job %,d, DuckDB %,d; rows differing between the two (EXCEPT both ways, "
				+ "every column): %d.%n", jobRows, duckRows, mismatches));
		double[] last = timings.get(timings.size() - 1);
		md.append(String.format("%n**Result:** %.2f × DuckDB in the last round (target ≤ 5): %s.%n", last[0] / last[1],
				(last[0] / last[1] <= 5.0) ? "met" : "NOT met"));
		Files.writeString(report, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		System.out.print(md);
	}

}
