package org.healthmon.speed;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.apache.hadoop.fs.FileSystem;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.SequencedFileName;
import org.healthmon.model.StorageLayout;
import org.healthmon.speed.run.RunOutcome;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.speed.support.SpeedApp;
import org.healthmon.speed.support.ViewParquet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (no {@code *Tests}/{@code *IT} name, so {@code verify} skips it): the time
 * of a speed run that absorbs 100,000 new raw rows on a warm Spark context, against
 * DuckDB's GROUP BY over the same rows (local copies: DuckDB cannot read
 * {@code hdfs://}). Run: <pre>
 * mvn -B -o -pl speed-service test -Dtest=SpeedRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre> Prints a Markdown table for BENCHMARKS.md.
 */
class SpeedRunBenchmark {

	private static final int ROWS = 100_000;

	private static final int FILES = 10;

	private static final int WARMUPS = 5;

	private static final int ROUNDS = 7;

	private static final List<String> NODES = List.of("ingest-1", "ingest-2");

	@TempDir
	Path tempDir;

	private final Random random = new Random(7);

	private long seq;

	@Test
	void speedRunOf100kRowsAgainstDuckDb() throws Exception {
		StorageLayout layout = StorageLayout.defaults();
		try (MiniHdfs hdfs = MiniHdfs.start(this.tempDir.resolve("hdfs"), 1);
				Connection duck = DriverManager.getConnection("jdbc:duckdb:");
				SpeedApp app = SpeedApp.start(hdfs.uri(), "healthmon.speed.run-interval=1h",
						"healthmon.speed.spark.master=local[*]",
						// the run's phase timings
						"logging.level.org.healthmon.speed.run.SpeedRun=DEBUG")) {
			List<long[]> results = new ArrayList<>();
			long[] before = totals(hdfs.fs(), app.runOnce());
			for (int round = 0; round < WARMUPS + ROUNDS; round++) {
				List<Path> local = publish(hdfs.fs(), layout, round);
				long t0 = System.nanoTime();
				RunOutcome outcome = app.runOnce();
				long sparkNanos = System.nanoTime() - t0;
				long[] after = totals(hdfs.fs(), outcome);
				long t1 = System.nanoTime();
				long[] duckTotals = duckDb(duck, local);
				long duckNanos = System.nanoTime() - t1;
				assertThat(outcome.lines()).isEqualTo(ROWS);
				// the same rows: new groups, messages and fixed-point sums agree exactly
				assertThat(new long[] { after[0] - before[0], after[1] - before[1], after[2] - before[2],
						after[3] - before[3], after[4] - before[4] })
					.containsExactly(duckTotals);
				System.out.printf("round %d%s: speed run %d ms, DuckDB %d ms, %d new groups%n", round,
						(round < WARMUPS) ? " (warm-up)" : "", sparkNanos / 1_000_000, duckNanos / 1_000_000,
						duckTotals[0]);
				before = after;
				if (round >= WARMUPS) {
					results.add(new long[] { sparkNanos, duckNanos, duckTotals[0] });
				}
			}
			report(results);
		}
	}

	/** 100,000 rows in new files, in ten new minutes; returns local copies for DuckDB. */
	private List<Path> publish(FileSystem fs, StorageLayout layout, int round) throws IOException {
		List<Path> local = new ArrayList<>();
		long baseMinute = 1_795_428_000_000L + round * 10 * MinuteStats.MINUTE_MS;
		for (int f = 0; f < FILES; f++) {
			StringBuilder text = new StringBuilder(ROWS / FILES * 96);
			for (int i = 0; i < ROWS / FILES; i++) {
				HealthMessage m = new HealthMessage("svc-" + this.random.nextInt(50),
						baseMinute + this.random.nextInt(10 * 60_000), this.random.nextDouble() * 100, 32.0,
						this.random.nextDouble() * 32, 4096.0, this.random.nextDouble() * 4096, HealthMessage.NO_SEQ);
				RawCsv.append(text, new RawRecord(m, System.currentTimeMillis()));
			}
			SequencedFileName name = new SequencedFileName(NODES.get(f % NODES.size()), ++this.seq, "csv");
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			String dir = layout.rawPartition(System.currentTimeMillis());
			org.apache.hadoop.fs.Path hidden = new org.apache.hadoop.fs.Path(dir, name.hidden());
			try (OutputStream out = fs.create(hidden)) {
				out.write(bytes);
			}
			fs.rename(hidden, new org.apache.hadoop.fs.Path(dir, name.published()));
			Path copy = this.tempDir.resolve(name.published());
			Files.write(copy, bytes);
			local.add(copy);
		}
		return local;
	}

	/** Groups, messages and the three fixed-point sums of the set's current version. */
	private static long[] totals(FileSystem fs, RunOutcome outcome) throws IOException {
		RealtimeManifest set = outcome.state().sets().get("a");
		long[] totals = new long[5];
		for (MinuteStats row : ViewParquet.read(fs, set.path())) {
			totals[0]++;
			totals[1] += row.count();
			totals[2] += row.cpu().sum();
			totals[3] += row.ram().sum();
			totals[4] += row.disk().sum();
		}
		return totals;
	}

	/**
	 * The same aggregate in DuckDB: GROUP BY service, minute with fixed-point percents
	 * (the time of a tied peak is left to DuckDB: the totals are what is compared).
	 */
	private static long[] duckDb(Connection duck, List<Path> files) throws Exception {
		String list = files.stream().map((p) -> "'" + p + "'").collect(Collectors.joining(", "));
		String sql = """
				WITH raw AS (
				  SELECT service, event_ms,
				         CAST(round(cpu * 1e9) AS BIGINT) AS cpu,
				         CAST(round((ram_total - ram_free) / ram_total * 100.0 * 1e9) AS BIGINT) AS ram,
				         CAST(round((disk_total - disk_free) / disk_total * 100.0 * 1e9) AS BIGINT) AS disk
				  FROM read_csv([%s], header = false, columns = {
				    'service': 'VARCHAR', 'event_ms': 'BIGINT', 'ingest_ms': 'BIGINT', 'cpu': 'DOUBLE',
				    'ram_total': 'DOUBLE', 'ram_free': 'DOUBLE', 'disk_total': 'DOUBLE', 'disk_free': 'DOUBLE'}))
				SELECT service, event_ms // 60000 * 60000 AS minute, count(*) AS count,
				       sum(cpu) AS cpu_sum, max(cpu) AS cpu_max, arg_max(event_ms, cpu) AS cpu_max_at,
				       sum(ram) AS ram_sum, max(ram) AS ram_max, arg_max(event_ms, ram) AS ram_max_at,
				       sum(disk) AS disk_sum, max(disk) AS disk_max, arg_max(event_ms, disk) AS disk_max_at
				FROM raw GROUP BY service, minute ORDER BY service, minute
				""".formatted(list);
		long[] totals = new long[5];
		try (Statement statement = duck.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				totals[0]++;
				totals[1] += rows.getLong("count");
				totals[2] += rows.getLong("cpu_sum");
				totals[3] += rows.getLong("ram_sum");
				totals[4] += rows.getLong("disk_sum");
			}
		}
		return totals;
	}

	private static void report(List<long[]> results) {
		long[] spark = results.stream().mapToLong((r) -> r[0] / 1_000_000).sorted().toArray();
		long[] duck = results.stream().mapToLong((r) -> r[1] / 1_000_000).sorted().toArray();
		double[] ratios = results.stream().mapToDouble((r) -> (double) r[0] / r[1]).sorted().toArray();
		System.out.println("| measure | min | median | max |");
		System.out.println("|---|---|---|---|");
		System.out.printf("| speed run, 100,000 new rows, warm context (ms) | %d | %d | %d |%n", spark[0],
				spark[spark.length / 2], spark[spark.length - 1]);
		System.out.printf("| DuckDB GROUP BY, same rows (ms) | %d | %d | %d |%n", duck[0], duck[duck.length / 2],
				duck[duck.length - 1]);
		System.out.printf("| ratio speed / DuckDB (per round) | %.1f | %.1f | %.1f |%n", ratios[0],
				ratios[ratios.length / 2], ratios[ratios.length - 1]);
		System.out.println("rounds: " + results.stream().map(Arrays::toString).collect(Collectors.joining(" ")));
		System.out.printf("machine: %d cores, %s, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

}
