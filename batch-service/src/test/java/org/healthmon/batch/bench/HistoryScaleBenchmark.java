package org.healthmon.batch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.batch.support.LegacyViews;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;
import org.healthmon.model.ResourceStats;
import org.healthmon.model.SequencedFileName;
import org.healthmon.model.StorageLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history-scale benchmark of issue 13 (not a test). For one store size (S services at
 * 1 message/s over D days) it synthesizes the history directly in the storage layout that
 * both the code before segments and the code after it read (a single-version batch view,
 * one raw file per node per hour of history and one per second in the last hour), on an
 * HDFS dev cluster of its own, and then runs the suite of each code base on that same
 * store, one after the other: "before" first (it only adds versions in the old layout),
 * then "after" (whose first run migrates the store). Per code base it measures, with
 * batch, speed and query running together as in production:
 * <ul>
 * <li>a batch run absorbing one minute of new data (60 raw files): median of 3, after a
 * warm-up round;</li>
 * <li>the query service's switch to that run's version: from the run's end to the moment
 * the query service reports the version (polled every 20 ms);</li>
 * <li>a speed run: the mean of the speed run timer over the measured rounds (idle runs
 * and the runs absorbing the new minutes alike);</li>
 * <li>the namenode's file count;</li>
 * <li>API p50 and p95 of {@code /api/v1/analytics} for the last hour and the last 30 days
 * (200 sequential requests each after 20 warm-up), and whether both answers count exactly
 * the messages the store holds in their windows.</li>
 * </ul>
 * Results are appended to a TSV file ({@code config label metric value});
 * {@link HistoryScaleReport} turns it into the BENCHMARKS.md section.
 *
 * <p>
 * Arguments: {@code services days beforeRepo afterRepo workDir results.tsv [phases]}
 * ({@code before,after} unless given). Run with {@code bench/history-scale.sh}.
 */
public final class HistoryScaleBenchmark {

	static final String NODE = "bench-1";

	private static final long MINUTE = 60_000L;

	private static final long HOUR = 3_600_000L;

	private static final long DAY = 86_400_000L;

	private static final int ROUNDS = 3;

	private static final String JAR = "-0.1.0-SNAPSHOT.jar";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int services;

	private final int days;

	private final Path work;

	private final Path results;

	private final String config;

	private final StorageLayout layout = StorageLayout.defaults();

	/** Messages per event minute the store holds beyond the synthesized view. */
	private final Map<Long, Long> published = new TreeMap<>();

	private FileSystem fs;

	private long seq;

	/** Start of the synthesized history and of the first hour past it. */
	private long historyFrom;

	private long historyTo;

	private HistoryScaleBenchmark(int services, int days, Path work, Path results) {
		this.services = services;
		this.days = days;
		this.work = work;
		this.results = results;
		this.config = services + "x" + days;
	}

	public static void main(String[] args) throws Exception {
		HistoryScaleBenchmark bench = new HistoryScaleBenchmark(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
				Path.of(args[4]).toAbsolutePath(), Path.of(args[5]).toAbsolutePath());
		List<String> phases = List.of(((args.length > 6) ? args[6] : "before,after").split(","));
		bench.run(Path.of(args[2]).toAbsolutePath(), Path.of(args[3]).toAbsolutePath(), phases);
	}

	private void run(Path before, Path after, List<String> phases) throws Exception {
		Files.createDirectories(this.work.resolve("log"));
		int hdfsPort = freePort();
		Path hdfsDir = this.work.resolve("hdfs");
		App cluster = App.start(this.work, this.work, "dev-cluster",
				after.resolve("dev-cluster/target/dev-cluster" + JAR), "2g",
				List.of("--healthmon.devcluster.base-dir=" + hdfsDir,
						"--healthmon.devcluster.name-node-port=" + hdfsPort,
						"--healthmon.devcluster.name-node-http-port=0", "--healthmon.devcluster.data-node-base-port=0",
						"--healthmon.devcluster.replication=1"));
		try {
			awaitFile(hdfsDir.resolve("READY"), cluster, 300);
			String uri = "hdfs://localhost:" + hdfsPort;
			Configuration conf = new Configuration();
			conf.set("fs.defaultFS", uri);
			conf.setInt("dfs.replication", 1);
			// closing a file polls for its last block first after 400 ms by default
			conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 20);
			conf.setInt("dfs.client.block.write.locateFollowingBlock.retries", 10);
			this.fs = FileSystem.get(URI.create(uri), conf);
			long t = System.nanoTime();
			synthesize();
			record("store", "synthesis_s", (System.nanoTime() - t) / 1e9);
			if (phases.contains("before")) {
				phase("before", before, uri);
			}
			if (phases.contains("after")) {
				phase("after", after, uri);
			}
		}
		finally {
			cluster.stop();
		}
	}

	/**
	 * The store as the code before segments leaves it after {@code days} of 1 message/s
	 * per service: view version 1 over every (service, minute) of the history, its cutoff
	 * the newest raw file. Raw history is one file per node per hour (the compacted
	 * layout's count; no periodic path re-reads files behind the cutoff, so they hold one
	 * line each), the last hour one file per second as ingest rolls them, holding exactly
	 * the messages the view counts for that hour.
	 */
	private void synthesize() throws Exception {
		this.historyTo = StorageLayout.hourOf(System.currentTimeMillis());
		this.historyFrom = this.historyTo - this.days * DAY;
		long lastHour = this.historyTo - HOUR;
		ExecutorService writers = Executors.newFixedThreadPool(8);
		List<Future<?>> writes = new ArrayList<>();
		for (long hour = this.historyFrom; hour < lastHour; hour += HOUR) {
			List<String> lines = List.of(RawCsv.format(new RawRecord(message(0, hour), hour)));
			long arrival = hour;
			long fileSeq = ++this.seq;
			writes.add(writers.submit(() -> write(fileSeq, arrival, lines)));
		}
		Map<String, MinuteStats> recent = new TreeMap<>();
		for (long second = lastHour; second < this.historyTo; second += 1000) {
			List<String> lines = new ArrayList<>(this.services);
			for (int s = 0; s < this.services; s++) {
				HealthMessage m = message(s, second);
				lines.add(RawCsv.format(new RawRecord(m, second)));
				recent.merge(m.service() + "@" + MinuteStats.minuteOf(second), MinuteStats.of(m), MinuteStats::merge);
			}
			long arrival = second;
			long fileSeq = ++this.seq;
			writes.add(writers.submit(() -> write(fileSeq, arrival, lines)));
		}
		writers.shutdown();
		for (Future<?> write : writes) {
			write.get();
		}
		String dir = this.layout.batchVersionDir(1);
		long rows = 0;
		long fileSpan = 30 * DAY;
		for (long from = this.historyFrom; from < this.historyTo; from += fileSpan) {
			try (LegacyViews.Writer writer = LegacyViews.open(this.fs,
					String.format("%s/part-r-%05d.parquet", dir, (from - this.historyFrom) / fileSpan))) {
				for (int s = 0; s < this.services; s++) {
					for (long minute = from; minute < Math.min(from + fileSpan, this.historyTo); minute += MINUTE) {
						MinuteStats row = minute < lastHour ? synthetic(s, minute)
								: recent.get(service(s) + "@" + minute);
						writer.write(row);
						rows++;
					}
				}
			}
		}
		String manifest = "{\"version\": 1, \"cutoff\": {\"" + NODE + "\": " + this.seq + "}, \"path\": \"" + dir
				+ "\", \"rows\": " + rows + ", \"minMinute\": " + this.historyFrom + ", \"maxMinute\": "
				+ (this.historyTo - MINUTE) + ", \"createdAtMs\": " + System.currentTimeMillis() + "}";
		try (OutputStream out = this.fs.create(new org.apache.hadoop.fs.Path(this.layout.batchManifest()))) {
			out.write(manifest.getBytes(StandardCharsets.UTF_8));
		}
		record("store", "view_rows", rows);
		record("store", "raw_files", this.seq);
	}

	/** Publishes one raw file of the next sequence number, as ingest names it. */
	private void write(long arrivalMs, List<String> lines) throws IOException {
		write(++this.seq, arrivalMs, lines);
	}

	/** Publishes one raw file as ingest names it: written hidden, then renamed. */
	private Void write(long fileSeq, long arrivalMs, List<String> lines) throws IOException {
		org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(this.layout.rawPartition(arrivalMs));
		SequencedFileName name = new SequencedFileName(NODE, fileSeq, "csv");
		org.apache.hadoop.fs.Path hidden = new org.apache.hadoop.fs.Path(dir, name.hidden());
		try (OutputStream out = this.fs.create(hidden, false)) {
			for (String line : lines) {
				out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		if (!this.fs.rename(hidden, new org.apache.hadoop.fs.Path(dir, name.published()))) {
			throw new IOException("could not publish " + hidden);
		}
		return null;
	}

	private String service(int s) {
		return String.format("svc-%04d", s);
	}

	private HealthMessage message(int s, long timeMs) {
		double wave = (timeMs / 1000 + s * 7L) % 600 / 6.0;
		return new HealthMessage(service(s), timeMs, wave, 16, 16 - wave / 10, 500, 500 - wave, HealthMessage.NO_SEQ);
	}

	/** A view row of 60 messages, as the aggregate of one message per second would be. */
	private MinuteStats synthetic(int s, long minute) {
		HealthMessage m = message(s, minute);
		ResourceStats cpu = ResourceStats.of(m.cpuPct(), minute);
		ResourceStats ram = ResourceStats.of(m.ramPct(), minute);
		ResourceStats disk = ResourceStats.of(m.diskPct(), minute);
		return new MinuteStats(m.service(), minute, 60, times(cpu), times(ram), times(disk));
	}

	private static ResourceStats times(ResourceStats one) {
		return new ResourceStats(one.sum() * 60, one.max(), one.maxAt());
	}

	/** One code base's batch, speed and query services on the store. */
	private void phase(String label, Path repo, String uri) throws Exception {
		Path dir = this.work.resolve(label);
		Files.createDirectories(dir);
		int batchPort = freePort();
		int speedPort = freePort();
		int queryPort = freePort();
		long phaseStart = System.currentTimeMillis();
		List<App> apps = new ArrayList<>();
		try {
			apps.add(App.start(dir, this.work, "batch-" + label, jar(repo, "batch-service"), "4g",
					List.of("--server.port=" + batchPort, "--healthmon.batch.hdfs.uri=" + uri,
							"--healthmon.batch.interval=10s")));
			apps.add(App.start(dir, this.work, "speed-" + label, jar(repo, "speed-service"), "3g",
					List.of("--server.port=" + speedPort, "--healthmon.speed.hdfs.uri=" + uri)));
			apps.add(App.start(dir, this.work, "query-" + label, jar(repo, "query-service"), "3g",
					List.of("--server.port=" + queryPort, "--healthmon.query.hdfs.uri=" + uri,
							"--healthmon.query.cache-dir=" + dir.resolve("query-cache"))));
			String batch = "http://localhost:" + batchPort;
			String speed = "http://localhost:" + speedPort;
			String query = "http://localhost:" + queryPort;
			JsonNode first = awaitRun(batch, phaseStart, (r) -> true, 7200);
			record(label, "first_run_ms", first.get("durationMs").asLong());
			record(label, "first_run_mode", first.get("mode").asString());
			awaitQueryVersion(query, first.get("version").asLong(), 3600);
			double[] speedStart = null;
			List<Long> runs = new ArrayList<>();
			List<Long> switches = new ArrayList<>();
			long last = System.currentTimeMillis();
			for (int round = 0; round <= ROUNDS; round++) {
				awaitRun(batch, last, (r) -> true, 3600);
				publishMinute();
				long published = System.currentTimeMillis();
				JsonNode run = awaitRun(batch, published, (r) -> r.get("files").asInt() > 0, 3600);
				long seen = awaitQueryVersion(query, run.get("version").asLong(), 3600);
				last = System.currentTimeMillis();
				if (round > 0) {
					runs.add(run.get("durationMs").asLong());
					switches.add(seen - run.get("endedAtMs").asLong());
					record(label, "run_files_round" + round, run.get("files").asInt());
				}
				else {
					// the speed runs of the measured rounds: not those of the warm-up
					// round,
					// nor of the first version after a migration (whose previous version,
					// in the old layout, does not say where its raw window starts)
					speedStart = timer(speed, "healthmon.speed.run");
				}
			}
			double[] speedEnd = timer(speed, "healthmon.speed.run");
			record(label, "batch_run_ms", median(runs));
			record(label, "batch_runs_ms", runs.toString().replace(" ", ""));
			record(label, "switch_ms", median(switches));
			record(label, "switches_ms", switches.toString().replace(" ", ""));
			record(label, "speed_run_ms", 1000 * (speedEnd[1] - speedStart[1]) / (speedEnd[0] - speedStart[0]));
			record(label, "speed_runs", speedEnd[0] - speedStart[0]);
			long to = MinuteStats.minuteOf(System.currentTimeMillis()) + MINUTE;
			api(label, "1h", query, to - HOUR, to);
			api(label, "30d", query, to - 30 * DAY, to);
			record(label, "namenode_files",
					this.fs.getContentSummary(new org.apache.hadoop.fs.Path(this.layout.root())).getFileCount());
			record(label, "raw_files",
					this.fs.getContentSummary(new org.apache.hadoop.fs.Path(this.layout.rawDir())).getFileCount());
		}
		finally {
			for (App app : apps) {
				app.stop();
			}
		}
	}

	/**
	 * One minute of new data as ingest publishes it at 1 message/s per service: 60 raw
	 * files, one per second of the current minute, in the current arrival hour.
	 */
	private void publishMinute() throws IOException {
		long now = System.currentTimeMillis();
		long minute = MinuteStats.minuteOf(now);
		List<String> lines = new ArrayList<>(this.services);
		for (int second = 0; second < 60; second++) {
			lines.clear();
			for (int s = 0; s < this.services; s++) {
				lines.add(RawCsv.format(new RawRecord(message(s, minute + second * 1000L), now)));
			}
			write(now, lines);
		}
		this.published.merge(minute, (long) this.services * 60, Long::sum);
	}

	/** The messages the store holds with an event time in [from, to). */
	private long expected(long from, long to) {
		long viewFrom = Math.max(from, this.historyFrom);
		long viewTo = Math.min(to, this.historyTo);
		long count = viewTo > viewFrom ? (viewTo - viewFrom) / MINUTE * 60 * this.services : 0;
		for (Map.Entry<Long, Long> minute : this.published.entrySet()) {
			if (minute.getKey() >= from && minute.getKey() < to) {
				count += minute.getValue();
			}
		}
		return count;
	}

	private void api(String label, String name, String query, long from, long to) throws Exception {
		String url = query + "/api/v1/analytics?from=" + Instant.ofEpochMilli(from) + "&to=" + Instant.ofEpochMilli(to);
		List<Long> micros = new ArrayList<>();
		JsonNode answer = null;
		for (int i = 0; i < 220; i++) {
			long t = System.nanoTime();
			HttpResponse<String> response = get(url);
			long took = (System.nanoTime() - t) / 1000;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
			}
			if (i >= 20) {
				micros.add(took);
			}
			answer = JSON.readTree(response.body());
		}
		Collections.sort(micros);
		record(label, "api_" + name + "_p50_ms", micros.get(micros.size() / 2) / 1000.0);
		record(label, "api_" + name + "_p95_ms", micros.get(micros.size() * 95 / 100) / 1000.0);
		long counted = 0;
		for (JsonNode service : answer.get("services")) {
			counted += service.get("messages").asLong();
		}
		long expected = expected(from, to);
		record(label, "api_" + name + "_exact", counted == expected ? "yes" : "NO: " + counted + " != " + expected);
	}

	/** The newest run that ended after {@code afterMs} and matches, waiting for one. */
	private JsonNode awaitRun(String batch, long afterMs, Predicate<JsonNode> matching, long seconds) throws Exception {
		long deadline = System.currentTimeMillis() + seconds * 1000;
		while (System.currentTimeMillis() < deadline) {
			try {
				JsonNode runs = JSON.readTree(get(batch + "/actuator/batchruns").body()).get("runs");
				for (JsonNode run : runs) {
					if (run.get("endedAtMs").asLong() > afterMs && matching.test(run)) {
						if ("FAILED".equals(run.get("outcome").asString())) {
							throw new IllegalStateException("batch run failed: " + run);
						}
						return run;
					}
				}
			}
			catch (IOException notYetUp) {
				// the app is starting
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("no batch run within " + seconds + " s");
	}

	/**
	 * Waits until the query service serves batch version {@code version}; when it did.
	 */
	private long awaitQueryVersion(String query, long version, long seconds) throws Exception {
		long deadline = System.currentTimeMillis() + seconds * 1000;
		while (System.currentTimeMillis() < deadline) {
			try {
				HttpResponse<String> response = get(query + "/actuator/metrics/healthmon.query.views.batch.version");
				if (response.statusCode() == 200 && JSON.readTree(response.body())
					.get("measurements")
					.get(0)
					.get("value")
					.asDouble() >= version) {
					return System.currentTimeMillis();
				}
			}
			catch (IOException notYetUp) {
				// the app is starting
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException(
				"the query service did not serve batch version " + version + " within " + seconds + " s");
	}

	/** A timer's count and total time in seconds. */
	private double[] timer(String app, String name) throws Exception {
		JsonNode body = JSON.readTree(get(app + "/actuator/metrics/" + name).body());
		double[] countAndTotal = new double[2];
		for (JsonNode m : body.get("measurements")) {
			switch (m.get("statistic").asString()) {
				case "COUNT" -> countAndTotal[0] = m.get("value").asDouble();
				case "TOTAL_TIME" -> countAndTotal[1] = m.get("value").asDouble();
				default -> {
				}
			}
		}
		return countAndTotal;
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void record(String label, String metric, Object value) throws IOException {
		String line = this.config + "\t" + label + "\t" + metric + "\t" + value + "\n";
		System.out.print(line);
		Files.writeString(this.results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static Path jar(Path repo, String module) {
		return repo.resolve(module + "/target/" + module + JAR);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitFile(Path file, App app, long seconds) throws Exception {
		long deadline = System.currentTimeMillis() + seconds * 1000;
		while (!Files.exists(file)) {
			if (System.currentTimeMillis() > deadline || !app.process.isAlive()) {
				throw new IllegalStateException(app.name + " did not start; see " + app.log);
			}
			Thread.sleep(200);
		}
	}

	/** An app jar run as its own process, its output in {@code log/<name>.log}. */
	private record App(String name, Process process, Path log) {

		static App start(Path dir, Path work, String name, Path jar, String heap, List<String> args)
				throws IOException {
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(jar + " is missing: build it first");
			}
			Path log = work.resolve("log").resolve(name + ".log");
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
							"-XX:+UseParallelGC", "-jar", jar.toString()));
			command.addAll(args);
			Process process = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new App(name, process, log);
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
