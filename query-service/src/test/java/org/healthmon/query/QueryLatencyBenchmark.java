package org.healthmon.query;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.model.Cutoff;
import org.healthmon.model.FixedPercent;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.SegmentIndex;
import org.healthmon.model.ResourceStats;
import org.healthmon.model.ServingViews;
import org.healthmon.query.sql.Aggregate;
import org.healthmon.query.sql.DuckDb;
import org.healthmon.query.views.ViewQueries;
import org.healthmon.query.QueryProperties;
import org.healthmon.query.support.FixtureStore;
import org.healthmon.query.support.QueryApp;
import org.healthmon.query.views.CachedView;
import org.healthmon.query.views.ViewCache;
import org.healthmon.query.views.ViewFollower;
import org.healthmon.query.views.ViewSnapshot;
import org.healthmon.query.views.ViewStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not a test (no {@code *Tests}/{@code *IT} name, so {@code verify} skips it; nothing
 * here fails on timing): the latency of {@code GET /api/v1/analytics} over a batch view
 * of 100 services × 30 days of minutes (4,320,000 rows) plus a 10-minute realtime set,
 * for 1 h, 1 d and 30 d windows, against the same query ({@link ViewQueries#analytics},
 * the app's SQL run the app's way) on a separate in-process DuckDB, set up as the app's,
 * over the same cached files (the snapshot the app answers from), in turns at the same
 * positions so both see the same machine load. Everything is measured warm, after
 * {@link #WARM_UP_REQUESTS} requests. For reference it also runs the query over the
 * original service-sorted files the cache replaced (as both the minutes and the "hours":
 * the same rows, so the same answer, without slices, rollup or minute order), times the
 * cache's preparation of the batch version, and 20 parallel clients asking 1 h windows.
 * Run: <pre>
 * mvn -B -o -pl query-service test -Dtest=QueryLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre> Prints Markdown tables for BENCHMARKS.md.
 */
class QueryLatencyBenchmark {

	private static final long MINUTE = MinuteStats.MINUTE_MS;

	private static final long T0 = Instant.parse("2026-10-23T00:00:00Z").toEpochMilli();

	private static final int SERVICES = 100;

	private static final int BATCH_MINUTES = 30 * 24 * 60;

	private static final int REALTIME_MINUTES = 10;

	/** The batch view's part files: whole services each, as the job's reducers write. */

	/** Messages per service and minute (one every 10 s). */
	private static final int COUNT = 6;

	private static final List<Window> WINDOWS = List.of(new Window("1 h", Duration.ofHours(1), 200, 50, 20),
			new Window("1 d", Duration.ofDays(1), 200, 50, 20), new Window("30 d", Duration.ofDays(30), 50, 10, 10));

	/**
	 * Requests before anything is measured: the service is measured as it runs, warm. The
	 * HTTP, web and JSON paths take a couple of thousand requests to be compiled fully:
	 * in a trial, 1 h windows took 11 ms at p50 over the first 400 requests and 7 ms
	 * after 2,000.
	 */
	private static final int WARM_UP_REQUESTS = 2_000;

	private static final int PREPARE_ROUNDS = 2;

	private static final int CLIENTS = 20;

	private static final int REQUESTS_PER_CLIENT = 25;

	@TempDir
	Path tempDir;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void analyticsLatencyAgainstDirectDuckDb() throws Exception {
		String loadAtStart = loadAverage();
		FixtureStore store = new FixtureStore(this.tempDir.resolve("store"));
		List<String> original = writeViews(store);
		long[] prepareMs = prepareBatchVersion(store);
		Path cacheDir = this.tempDir.resolve("cache");
		long started = System.nanoTime();
		// the app with its default settings (tests poll the manifests more often), unless
		// -Dbench.args says otherwise, e.g.
		// -Dbench.args=--healthmon.query.duckdb.threads=1
		List<String> args = new ArrayList<>(List.of("--healthmon.query.poll-interval=250ms"));
		args.addAll(
				List.of(System.getProperty("bench.args", "").split(" ")).stream().filter((a) -> !a.isBlank()).toList());
		try (QueryApp app = new QueryApp(store, cacheDir, args.toArray(String[]::new))) {
			long startMs = (System.nanoTime() - started) / 1_000_000;
			awaitViewsLoaded(app);
			QueryProperties.Duckdb settings = app.bean(QueryProperties.class).duckdb();
			try (ViewFollower.Lease lease = app.bean(ViewFollower.class).lease();
					DuckDb direct = new DuckDb(1, settings.threads(), settings.memoryLimit(),
							this.tempDir.resolve("direct-spill"), Duration.ofSeconds(10),
							settings.statementTimeout())) {
				List<CachedView> cached = lease.snapshot().parts();
				assertThat(cached).as("the cached batch view and realtime set").hasSize(2);
				describeFiles(direct, "original", original);
				describeFiles(direct, "cached minutes",
						cached.stream().flatMap((v) -> v.minutes().stream()).map((f) -> f.file().toString()).toList());
				describeFiles(direct, "cached hourly rollups",
						cached.stream().flatMap((v) -> v.hours().stream()).map((f) -> f.file().toString()).toList());
				// the original files as a view whose files each may hold any minute: the
				// same rows, so the same answer, without slices, rollup or minute order
				List<CachedView.Slice> anyTime = original.stream()
					.map((file) -> new CachedView.Slice(Long.MIN_VALUE, Long.MAX_VALUE, Path.of(file)))
					.toList();
				ViewSnapshot unsliced = snapshot(List
					.of(new CachedView("original", this.tempDir, anyTime, anyTime, (long) SERVICES * BATCH_MINUTES)));
				ViewQueries queries = new ViewQueries(direct, 1_000_000);
				warmUp(app, queries, snapshot(cached));
				List<String> rows = new ArrayList<>();
				for (Window window : WINDOWS) {
					rows.add(measure(app, queries, window, snapshot(cached), unsliced));
				}
				Parallel parallel = parallel(app);
				report(rows, parallel, prepareMs, startMs, loadAtStart, settings.threads());
			}
		}
	}

	private static ViewSnapshot snapshot(List<CachedView> parts) {
		return new ViewSnapshot(ServingViews.NONE, parts, 0);
	}

	/**
	 * The batch view as the batch layer writes it (a segment per day, sorted by service
	 * then minute) and a realtime set of the 10 minutes after its cutoff, published;
	 * returns the original files.
	 */
	private List<String> writeViews(FixtureStore store) throws Exception {
		long t0 = System.nanoTime();
		Cutoff cutoff = new Cutoff(Map.of("ingest-1", 43_200L, "ingest-2", 43_200L));
		long cutoffMinute = T0 + BATCH_MINUTES * MINUTE;
		List<String> files = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE generated AS " + generatedRows());
			store.publishBatch(1, cutoff, connection, "SELECT * EXCLUDE (s) FROM generated");
		}
		store.segments(1).segments().forEach((segment) -> files.addAll(segment.files()));
		RealtimeManifest set = store.publishRealtime("a", cutoff, cutoff.with("ingest-1", 43_210L), 1,
				realtimeRows(cutoffMinute));
		System.out.printf("views written in %d ms: batch %,d rows in %d day segments, realtime set %,d rows%n",
				(System.nanoTime() - t0) / 1_000_000, (long) SERVICES * BATCH_MINUTES, files.size(), set.rows());
		files.addAll(parquetFiles(Path.of(set.path())));
		return files;
	}

	/**
	 * One row per service and minute in the view schema: CPU with a daily wave and
	 * bursts, quantised to 0.01 % so that long windows have tied peaks; RAM drifting
	 * weekly; disk filling slowly. Each sum is count × a mean at most the peak, each peak
	 * time inside its minute.
	 */
	private static String generatedRows() {
		String draws = """
				SELECT s, printf('svc-%%03d', s) AS service, %d + m * 60000 AS minute,
				  least(100.0, (5 + (s %% 10) * 6.0) * (1 + 0.5 * sin(2 * pi() * (m %% 1440) / 1440.0))
				    + 40 * pow(random(), 8)) AS cpu,
				  least(100.0, 20 + (s %% 7) * 9.0 + 5 * sin(2 * pi() * m / 10080.0 + s) + 3 * random()) AS ram,
				  least(100.0, 10 + s * 0.7 + 10.0 * m / %d + 0.05 * random()) AS disk
				FROM range(%d) services(s) CROSS JOIN range(%d) minutes(m)
				""".formatted(T0, BATCH_MINUTES, SERVICES, BATCH_MINUTES);
		return """
				SELECT s, service, minute, %d::BIGINT AS count,
				  %d * (round(cpu * (0.55 + 0.45 * random()) * 100)::BIGINT * 10000000) AS cpu_sum,
				  round(cpu * 100)::BIGINT * 10000000 AS cpu_max, %s AS cpu_max_at,
				  %d * round(ram * (0.97 + 0.03 * random()) * 1e9)::BIGINT AS ram_sum,
				  round(ram * 1e9)::BIGINT AS ram_max, %s AS ram_max_at,
				  %d * round(disk * 1e9)::BIGINT - floor(random() * 1000)::BIGINT AS disk_sum,
				  round(disk * 1e9)::BIGINT AS disk_max, %s AS disk_max_at
				FROM (%s)
				""".formatted(COUNT, COUNT, peakTime(), COUNT, peakTime(), COUNT, peakTime(), draws);
	}

	/** The time of one of the minute's six messages, with jitter. */
	private static String peakTime() {
		return "minute + floor(random() * 6)::BIGINT * 10000 + floor(random() * 10000)::BIGINT";
	}

	private static List<MinuteStats> realtimeRows(long fromMinute) {
		Random random = new Random(11);
		List<MinuteStats> rows = new ArrayList<>();
		for (int s = 0; s < SERVICES; s++) {
			for (int m = 0; m < REALTIME_MINUTES; m++) {
				long minute = fromMinute + m * MINUTE;
				rows.add(new MinuteStats(String.format("svc-%03d", s), minute, COUNT, stats(random, minute, 90),
						stats(random, minute, 60), stats(random, minute, 40)));
			}
		}
		return rows;
	}

	private static ResourceStats stats(Random random, long minute, double scale) {
		long max = FixedPercent.of(random.nextDouble() * scale);
		long mean = (long) (max * (0.6 + 0.4 * random.nextDouble()));
		return new ResourceStats(COUNT * mean, max, minute + random.nextInt((int) MINUTE));
	}

	/**
	 * The time {@link ViewCache#prepare} takes for the batch version (read the 4 part
	 * files in place, sort by minute, write the minutes and their hourly rollup), on a
	 * cache of its own before the app starts; the app's own preparation is logged by
	 * ViewCache.
	 */
	private long[] prepareBatchVersion(FixtureStore store) throws Exception {
		long[] ms = new long[PREPARE_ROUNDS];
		try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), new Configuration());
				DuckDb duckdb = new DuckDb(1, 0, "1GB", this.tempDir.resolve("prepare-spill"), Duration.ofSeconds(10),
						Duration.ofSeconds(30))) {
			ViewCache cache = new ViewCache(new ViewStore(fs, store.layout()), duckdb,
					this.tempDir.resolve("prepare-cache"));
			for (int round = 0; round < PREPARE_ROUNDS; round++) {
				long t0 = System.nanoTime();
				List<CachedView> views = new ArrayList<>();
				for (SegmentIndex.Segment segment : store.segments(1).segments()) {
					views.add(cache.prepare("round-" + round + segment.files(), segment.files(), segment.dayMs()));
				}
				ms[round] = (System.nanoTime() - t0) / 1_000_000;
				assertThat(views.stream().mapToLong(CachedView::rows).sum()).isEqualTo((long) SERVICES * BATCH_MINUTES);
				cache.release(views);
			}
		}
		return ms;
	}

	private void awaitViewsLoaded(QueryApp app) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
			JsonNode views = QueryApp.parse(app.get("/actuator/health").body()).at("/components/views/details");
			return views.at("/batch/version").asLong() == 1 && views.at("/realtime/version").asLong() == 1;
		});
	}

	private static List<String> parquetFiles(Path dir) throws Exception {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((f) -> Files.isRegularFile(f) && f.toString().endsWith(".parquet"))
				.map(Path::toString)
				.sorted()
				.toList();
		}
	}

	private static void describeFiles(DuckDb duckdb, String name, List<String> files) throws Exception {
		List<String> parts = new ArrayList<>();
		for (String file : files) {
			try (PreparedStatement query = duckdb.withSession((session) -> session.connection()
				.prepareStatement("SELECT num_row_groups, num_rows FROM parquet_file_metadata(?)"))) {
				query.setString(1, file);
				try (ResultSet result = query.executeQuery()) {
					result.next();
					parts.add(String.format("%s: %,d bytes, %d row groups, %,d rows", Path.of(file).getFileName(),
							Files.size(Path.of(file)), result.getLong(1), result.getLong(2)));
				}
			}
		}
		System.out.println(name + " files: " + String.join("; ", parts));
	}

	/**
	 * {@link #WARM_UP_REQUESTS} windows of every size (mostly 1 h) through the API and on
	 * the direct DuckDB, not measured.
	 */
	private void warmUp(QueryApp app, ViewQueries direct, ViewSnapshot cached) throws Exception {
		Random random = new Random(3);
		for (int i = 0; i < WARM_UP_REQUESTS; i++) {
			Window window = WINDOWS.get((i % 20 == 0) ? 2 : (i % 5 == 0) ? 1 : 0);
			long from = positions(window, 1, random.nextLong())[0];
			long to = from + window.length().toMillis();
			api(app, from, to, false);
			direct(direct, cached, from, to);
		}
	}

	/**
	 * One window size: warm-up, then round by round the API and the same query on the
	 * direct DuckDB, in turns, at the same random positions; then, fewer rounds, the
	 * query over the original files.
	 */
	private String measure(QueryApp app, ViewQueries direct, Window window, ViewSnapshot cached, ViewSnapshot original)
			throws Exception {
		long[] positions = positions(window, window.warmups() + window.rounds(), window.length().hashCode());
		long[][] nanos = new long[2][window.rounds()];
		long bytes = 0;
		for (int round = 0; round < positions.length; round++) {
			long from = positions[round];
			long to = from + window.length().toMillis();
			long[] times = new long[2];
			Answer[] answers = new Answer[3];
			for (int k = 0; k < 2; k++) {
				int which = (round + k) % 2;
				long t0 = System.nanoTime();
				answers[which] = (which == 0) ? api(app, from, to, round == 0) : direct(direct, cached, from, to);
				times[which] = System.nanoTime() - t0;
			}
			if (round == 0) {
				answers[2] = direct(direct, original, from, to);
				check(window, answers);
			}
			int measured = round - window.warmups();
			if (measured >= 0) {
				nanos[0][measured] = times[0];
				nanos[1][measured] = times[1];
				bytes += answers[0].bytes();
			}
		}
		long[] reference = new long[window.originalRounds()];
		for (int round = 0; round < reference.length; round++) {
			long t0 = System.nanoTime();
			direct(direct, original, positions[round], positions[round] + window.length().toMillis());
			reference[round] = System.nanoTime() - t0;
		}
		return row(window, nanos, reference, bytes / window.rounds());
	}

	/** Window starts at whole minutes, anywhere the window fits in the views' minutes. */
	private static long[] positions(Window window, int n, long seed) {
		Random random = new Random(seed);
		long slots = BATCH_MINUTES + REALTIME_MINUTES - window.length().toMillis() / MINUTE + 1;
		long[] positions = new long[n];
		for (int i = 0; i < n; i++) {
			positions[i] = T0 + (long) (random.nextDouble() * slots) * MINUTE;
		}
		return positions;
	}

	/**
	 * The three answers agree: services, messages and the first service's CPU peak time.
	 */
	private static void check(Window window, Answer[] answers) {
		assertThat(answers[0].services()).as(window.name() + " services").isEqualTo(SERVICES);
		for (Answer answer : answers) {
			assertThat(answer).as(window.name()).isEqualTo(answers[0].withBytes(answer.bytes()));
		}
	}

	/**
	 * One GET; {@code read}: parse the answer (only to check it, outside measured
	 * rounds).
	 */
	private Answer api(QueryApp app, long from, long to, boolean read) throws Exception {
		String uri = app.base() + "/api/v1/analytics?from=" + Instant.ofEpochMilli(from) + "&to="
				+ Instant.ofEpochMilli(to);
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new AssertionError(uri + " -> " + response.statusCode() + ": " + new String(response.body()));
		}
		if (!read) {
			return new Answer(-1, -1, -1, response.body().length);
		}
		JsonNode services = QueryApp.parse(new String(response.body())).at("/services");
		long messages = 0;
		for (JsonNode service : services) {
			messages += service.at("/messages").asLong();
		}
		long peakAt = Instant.parse(services.get(0).at("/cpu/peakAt").asString()).toEpochMilli();
		return new Answer(services.size(), messages, peakAt, response.body().length);
	}

	/**
	 * {@link ViewQueries#analytics} on the direct DuckDB: the app's query, run the app's
	 * way, without HTTP, the web layer and JSON.
	 */
	private static Answer direct(ViewQueries queries, ViewSnapshot views, long from, long to) throws Exception {
		List<Aggregate> rows = queries.analytics(views, from, to, Optional.empty());
		return new Answer(rows.size(), rows.stream().mapToLong(Aggregate::count).sum(),
				rows.isEmpty() ? -1 : rows.get(0).cpu().maxAt(), 0);
	}

	/** 20 clients at once, each asking 1 h windows one after the other. */
	private Parallel parallel(QueryApp app) throws Exception {
		Window hour = WINDOWS.get(0);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<long[]>> done = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				long[] positions = positions(hour, REQUESTS_PER_CLIENT, 1000 + c);
				done.add(clients.submit(() -> {
					go.await();
					long[] nanos = new long[positions.length];
					for (int i = 0; i < positions.length; i++) {
						long t0 = System.nanoTime();
						api(app, positions[i], positions[i] + hour.length().toMillis(), false);
						nanos[i] = System.nanoTime() - t0;
					}
					return nanos;
				}));
			}
			long t0 = System.nanoTime();
			go.countDown();
			List<Long> all = new ArrayList<>();
			for (Future<long[]> client : done) {
				Arrays.stream(client.get(5, TimeUnit.MINUTES)).forEach(all::add);
			}
			long wall = System.nanoTime() - t0;
			return new Parallel(all.stream().mapToLong(Long::longValue).toArray(), wall);
		}
		finally {
			clients.shutdownNow();
		}
	}

	private static String row(Window window, long[][] nanos, long[] reference, long meanBytes) {
		double[] api = percentiles(nanos[0]);
		double[] cached = percentiles(nanos[1]);
		double[] original = percentiles(reference);
		return String.format(
				"| %s | %d | %.1f | **%.1f** | %.1f | %.1f | %.1f | %.1f | %.2f | **%.2f** | %.1f | %.1f | %,d |",
				window.name(), window.rounds(), api[0], api[1], api[2], cached[0], cached[1], cached[2],
				api[0] / cached[0], api[1] / cached[1], original[0], original[1], meanBytes);
	}

	/** p50, p95, p99 in ms (nearest rank). */
	private static double[] percentiles(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double[] ms = new double[3];
		double[] ranks = { 0.50, 0.95, 0.99 };
		for (int i = 0; i < 3; i++) {
			int rank = (int) Math.ceil(ranks[i] * sorted.length);
			ms[i] = sorted[Math.max(0, rank - 1)] / 1e6;
		}
		return ms;
	}

	private static void report(List<String> rows, Parallel parallel, long[] prepareMs, long startMs, String loadAtStart,
			int threads) {
		System.out.println();
		System.out.println("| window | n | API p50 | API p95 | API p99 | direct p50 | direct p95 | direct p99 "
				+ "| API/direct p50 | API/direct p95 | original p50 | original p95 | API bytes |");
		System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
		rows.forEach(System.out::println);
		double[] p = percentiles(parallel.nanos());
		System.out.printf(
				"%n%d parallel clients × %d requests of 1 h windows: %.0f requests/s, "
						+ "latency p50 %.1f / p95 %.1f / p99 %.1f ms%n",
				CLIENTS, REQUESTS_PER_CLIENT, parallel.nanos().length / (parallel.wallNanos() / 1e9), p[0], p[1], p[2]);
		System.out.println("ViewCache.prepare of the 4,320,000-row batch version (ms, per round): "
				+ Arrays.stream(prepareMs).mapToObj(Long::toString).collect(Collectors.joining(", ")));
		System.out.println("app start to first answer possible (includes its own preparation): " + startMs + " ms");
		System.out.println("DuckDB threads (app and direct): " + ((threads == 0) ? "one per core" : threads)
				+ "; app arguments: " + System.getProperty("bench.args", "(defaults)"));
		System.out.printf("machine: %d cores, %s %s, max heap %d MB, GC %s; load average at start %s, at end %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
				ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.map(GarbageCollectorMXBean::getName)
					.collect(Collectors.joining("/")),
				loadAtStart, loadAverage());
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (Exception ex) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	/**
	 * A window size and how often it is asked.
	 *
	 * @param name as printed
	 * @param length the window's length
	 * @param rounds measured rounds
	 * @param warmups rounds before, not measured
	 * @param originalRounds rounds of the query over the original files, after
	 */
	private record Window(String name, Duration length, int rounds, int warmups, int originalRounds) {
	}

	/**
	 * What is compared of an answer (-1 when not read: only the first round's are).
	 *
	 * @param services services answered
	 * @param messages messages of all services
	 * @param firstCpuPeakAt the first service's CPU peak time
	 * @param bytes the HTTP answer's size (0 for a direct query)
	 */
	private record Answer(int services, long messages, long firstCpuPeakAt, int bytes) {

		Answer withBytes(int bytes) {
			return new Answer(this.services, this.messages, this.firstCpuPeakAt, bytes);
		}

	}

	/**
	 * @param nanos the latency of each request
	 * @param wallNanos from the start signal until the last client finished
	 */
	private record Parallel(long[] nanos, long wallNanos) {
	}

}
