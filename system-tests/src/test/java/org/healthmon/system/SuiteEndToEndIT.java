package org.healthmon.system;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.healthmon.importer.TestInputs;
import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawRecord;
import org.healthmon.model.StorageLayout;
import org.healthmon.query.support.Brute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole pipeline, end to end: the suite started as the README starts it (HDFS with 4
 * datanodes, ingest, batch, speed and query, each its own process), the emitter replaying
 * a known dataset over UDP, and the HTTP API checked against brute-force aggregates.
 * <ul>
 * <li>while ingest continues, batch handoffs happen and the batch layer compacts the raw
 * files behind its cutoff, every sampled answer equals the brute-force aggregate over
 * exactly the raw files it says it covered;</li>
 * <li>50 parallel clients for 30 s during a handoff: no error, no inexact answer;</li>
 * <li>once everything sent is counted, 300 random windows (minute edges, empty, one
 * service, all time, straddling the batch cutoff) equal the brute-force aggregate of the
 * dataset itself;</li>
 * <li>the freshness seen (a probe datagram sent → counted by the API), p50 and p95;</li>
 * <li>{@code kill -9} of batch mid-run, then of speed mid-run, each with new messages on
 * the way: after {@code bin/healthmon up} restarts it, every message is counted and
 * random windows equal the brute-force aggregate again.</li>
 * </ul>
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class SuiteEndToEndIT {

	private static final int SERVICES = 8;

	private static final int RATE = 300;

	private static final int SECONDS = 120;

	private static final String PROBE = "e2e-probe";

	private static final String HOT = "e2e-hot";

	private static final String QUIET = "e2e-quiet";

	/** Records of history the import phase imports. */
	private static final int HISTORY = 1_000_000;

	/** Raw files published out of order in the late-files phase. */
	private static final int LATE_FILES = 2_000;

	private static final String ALL_TIME = "from=2000-01-01T00:00Z&to=2100-01-01T00:00Z";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final HealthMessageJson codec = new HealthMessageJson();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	@TempDir
	Path dir;

	@Test
	void whenTheSuiteRunsThenEveryAnswerCountsEveryMessageExactlyOnce() throws Exception {
		Path repo = Path.of(System.getProperty("healthmon.repo", "..")).toRealPath();
		// the raw hour still open is compacted up to the previous batch cutoff, and what
		// the compactions replace is deleted 30 s later: both happen while answers are
		// checked
		// RED after one hot minute, evaluated every 2 s, for the alerts to show within
		// the run
		Map<String, String> settings = Map.of("HEALTHMON_EMITTER_ENABLED", "false", "HEALTHMON_BATCH_INTERVAL", "10s",
				"HEALTHMON_BATCH_COMPACTION_CLOSEAFTER", "-1h", "HEALTHMON_BATCH_VERSIONGRACE", "30s",
				"HEALTHMON_ALERTS_CPU_FOR", "1m", "HEALTHMON_ALERTS_INTERVAL", "2s");
		try (Suite suite = new Suite(repo, this.dir.resolve("var"), settings)) {
			try (RawData raw = new RawData(suite.hdfsUri())) {
				run(repo, suite, raw);
			}
			catch (Throwable ex) {
				System.err.println(suite.logTails());
				throw ex;
			}
		}
	}

	private void run(Path repo, Suite suite, RawData raw) throws Exception {
		long start = System.currentTimeMillis() + 5_000;
		List<HealthMessage> dataset = dataset(start);
		Path file = this.dir.resolve("dataset.jsonl");
		List<String> lines = new ArrayList<>();
		for (HealthMessage m : dataset) {
			lines.add(new String(this.codec.encode(m), StandardCharsets.UTF_8));
		}
		Files.write(file, lines);

		Process emitter = emitter(repo, suite, file);
		Probes probes = new Probes(suite);
		Thread probing = daemon(probes::send);
		Thread watching = daemon(probes::watchApi);
		Thread watchingUi = daemon(() -> probes.watchUi(start));
		Sampler sampler = new Sampler(suite, raw);
		Thread sampling = daemon(sampler::run);
		AlertWatch alerts = new AlertWatch(suite);
		Thread watchingAlerts = daemon(alerts::run);

		// 50 parallel clients for 30 s, once a first batch view answers, so that a
		// handoff falls in
		long waitUntil = System.currentTimeMillis() + 90_000;
		while (sampler.batchVersions.isEmpty() && System.currentTimeMillis() < waitUntil) {
			Thread.sleep(500);
		}
		long stormFrom = System.currentTimeMillis();
		ClientsResult clients = parallelClients(suite, raw, start);
		// probes sent up to 10 s after the storm may still have waited behind it
		long stormTo = System.currentTimeMillis() + 10_000;

		assertThat(emitter.waitFor(SECONDS + 120, TimeUnit.SECONDS)).as("the emitter finished").isTrue();
		assertThat(emitter.exitValue()).isZero();
		sampler.stop = true;
		sampling.join();
		probes.stop = true;
		probing.join();

		// everything sent is counted, eventually
		long expectedTotal = dataset.size() + probes.sent.size();
		long deadline = System.currentTimeMillis() + 180_000;
		long counted = 0;
		while (System.currentTimeMillis() < deadline && (counted = total(suite)) < expectedTotal) {
			Thread.sleep(500);
		}
		// the UI page is loaded every 500 ms: give it the time to show the last probes
		long uiDeadline = System.currentTimeMillis() + 30_000;
		while (probes.uiSeenAt.size() < probes.sent.size() && System.currentTimeMillis() < uiDeadline) {
			Thread.sleep(200);
		}
		probes.stop();
		watching.join();
		watchingUi.join();
		assertThat(counted).as("messages counted by the API once ingest stopped").isEqualTo(expectedTotal);
		long alertDeadline = System.currentTimeMillis() + 60_000;
		while (!alerts.seenAll() && System.currentTimeMillis() < alertDeadline) {
			Thread.sleep(500);
		}
		alerts.stop = true;
		watchingAlerts.join();
		alerts.check();

		List<HealthMessage> sent = new ArrayList<>(dataset);
		sent.addAll(probes.sent);
		int windows = finalWindows(suite, raw, sent, start);
		crashes(suite, raw, sent, start);
		sent.addAll(ingestCrash(suite, raw));
		lateFiles(suite, raw, sent, start);
		importHistory(repo, suite, raw, sent, start);

		List<Long> freshness = probes.latencies(probes.apiSeenAt, 0, Long.MAX_VALUE);
		System.out.printf("%nEnd-to-end: %,d messages sent (%,d dataset + %,d probes), all counted exactly once%n",
				expectedTotal, dataset.size(), probes.sent.size());
		System.out.printf("  sampled answers while ingesting: %d, all exact; batch versions seen: %s%n",
				sampler.samples.get(), sampler.batchVersions);
		System.out.printf("  50 clients x 30 s: %,d answers, %d errors, %d inexact; batch versions seen: %s%n",
				clients.answers, clients.errors, clients.inexact, clients.batchVersions);
		System.out.printf("  final check: %d random windows, all equal to the brute-force aggregate of the dataset%n",
				windows);
		System.out.printf(
				"  freshness (probe sent -> counted by the API), %d probes: p50 %.2f s, p95 %.2f s, max %.2f s%n",
				freshness.size(), percentile(freshness, 50) / 1000.0, percentile(freshness, 95) / 1000.0,
				percentile(freshness, 100) / 1000.0);
		System.out.print(probes.freshness("by the API", probes.apiSeenAt, stormFrom, stormTo));
		System.out.print(probes.freshness("on the UI page", probes.uiSeenAt, stormFrom, stormTo));
		System.out.println();

		long compactions = raw.compactions();
		System.out.printf("  raw compactions in the store at the end: %d%n", compactions);
		assertThat(this.failures).as("inexact or failed answers").isEmpty();
		assertThat(compactions).as("raw files compacted while answers were checked").isPositive();
		assertThat(sampler.samples.get()).as("answers sampled while ingesting").isGreaterThanOrEqualTo(10);
		assertThat(sampler.batchVersions).as("batch handoffs while ingest continued").hasSizeGreaterThanOrEqualTo(3);
		assertThat(clients.errors).isZero();
		assertThat(clients.inexact).isZero();
		assertThat(clients.answers).isGreaterThan(100);
		assertThat(clients.batchVersions).as("a handoff during the 50 clients").hasSizeGreaterThanOrEqualTo(2);
		assertThat(freshness).isNotEmpty();
		assertThat(probes.uiSeenAt).as("probes the UI page showed").hasSize(probes.apiSeenAt.size());
	}

	/**
	 * Known messages: 8 services at 300 msg/s for 120 s, event time = planned send time,
	 * 2 % late; and for the alerts, {@value #HOT} at 95 % CPU once a second throughout,
	 * {@value #QUIET} once a second for the first 20 s only.
	 */
	private static List<HealthMessage> dataset(long start) {
		Random random = new Random(2026);
		long[] seq = new long[SERVICES];
		List<HealthMessage> messages = new ArrayList<>();
		for (int i = 0; i < RATE * SECONDS; i++) {
			int s = random.nextInt(SERVICES);
			long t = start + i * 1000L / RATE;
			if (i % RATE == 0) {
				messages.add(new HealthMessage(HOT, t, 95, 32, 16, 500, 250, i / RATE));
				if (i < 20 * RATE) {
					messages.add(new HealthMessage(QUIET, t, 10, 32, 16, 500, 250, i / RATE));
				}
			}
			if (random.nextInt(50) == 0) {
				t -= Duration.ofMinutes(30 + random.nextInt(60)).toMillis() + random.nextInt(60_000);
			}
			messages.add(new HealthMessage("svc-" + s, t, random.nextInt(41) * 2.5, 32, random.nextInt(33), 500,
					random.nextInt(501), seq[s]++));
		}
		return messages;
	}

	private Process emitter(Path repo, Suite suite, Path file) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-jar",
				repo.resolve("health-emitter/target/health-emitter-0.1.0-SNAPSHOT.jar").toString(),
				"--healthmon.emitter.mode=replay", "--healthmon.emitter.replay.file=" + file,
				"--healthmon.emitter.replay.rate=" + RATE, "--healthmon.emitter.target.host=localhost",
				"--healthmon.emitter.target.port=" + suite.udpPort)
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("emitter.log").toFile())
			.start();
	}

	/**
	 * Watches the alert service while the suite runs: {@value #HOT} must turn RED on CPU
	 * and {@value #QUIET} DOWN, each seen firing in the alerts API and in the UI page's
	 * alerts panel, with the DOWN alert starting exactly the catalog's timeout after the
	 * last message arrived.
	 */
	private final class AlertWatch {

		private final Suite suite;

		volatile JsonNode red;

		volatile JsonNode down;

		volatile boolean redOnPage;

		volatile boolean downOnPage;

		volatile boolean stop;

		AlertWatch(Suite suite) {
			this.suite = suite;
		}

		void run() {
			String api = "http://localhost:" + this.suite.alertPort + "/api/v1/alerts";
			while (!this.stop) {
				try {
					for (JsonNode alert : get(api).get("alerts")) {
						String key = alert.get("service").asString() + " " + alert.path("resource").asString("-") + " "
								+ alert.get("severity").asString() + " " + alert.get("state").asString();
						if (key.equals(HOT + " cpu red firing") && this.red == null) {
							this.red = alert;
						}
						if (key.equals(QUIET + " - down firing") && this.down == null) {
							this.down = alert;
						}
					}
					String page = SuiteEndToEndIT.this.http
						.send(HttpRequest.newBuilder(URI.create(this.suite.uiBase() + "/?last=1h&zone=UTC"))
							.timeout(Duration.ofSeconds(30))
							.build(), HttpResponse.BodyHandlers.ofString())
						.body();
					this.redOnPage |= page
						.contains("data-service=\"" + HOT + "\" data-severity=\"RED\" data-state=\"firing\"");
					this.downOnPage |= page
						.contains("data-service=\"" + QUIET + "\" data-severity=\"DOWN\" data-state=\"firing\"");
					Thread.sleep(1_000);
				}
				catch (Exception ex) {
					// the alert service answers again in a moment
				}
			}
		}

		boolean seenAll() {
			return this.red != null && this.down != null && this.redOnPage && this.downOnPage;
		}

		void check() throws Exception {
			assertThat(this.red).as(HOT + " RED on CPU in the alerts API").isNotNull();
			assertThat(this.red.get("value").asDouble()).isEqualTo(95.0);
			assertThat(this.down).as(QUIET + " DOWN in the alerts API").isNotNull();
			assertThat(this.redOnPage).as(HOT + " RED in the UI page's alerts panel").isTrue();
			assertThat(this.downOnPage).as(QUIET + " DOWN in the UI page's alerts panel").isTrue();
			JsonNode catalog = get(this.suite.queryBase() + "/api/v1/services?service=" + QUIET);
			Instant lastSeen = Instant.parse(catalog.at("/services/0/lastSeen").asString());
			long timeout = catalog.get("downAfterSeconds").asLong();
			assertThat(Instant.parse(this.down.get("since").asString()))
				.isEqualTo(lastSeen.plusSeconds(timeout).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		}

	}

	/**
	 * Samples answers while ingest runs, each checked against the raw files it covered.
	 */
	private final class Sampler {

		private final Suite suite;

		private final RawData raw;

		final Set<Long> batchVersions = Collections.synchronizedSet(new TreeSet<>());

		final AtomicInteger samples = new AtomicInteger();

		volatile boolean stop;

		Sampler(Suite suite, RawData raw) {
			this.suite = suite;
			this.raw = raw;
		}

		void run() {
			Random random = new Random(1);
			while (!this.stop) {
				try {
					long now = System.currentTimeMillis();
					long from = now - random.nextInt(600_000);
					for (String window : List.of(ALL_TIME, window(from, from + random.nextInt(300_000) + 1))) {
						JsonNode answer = get(this.suite.queryBase() + "/api/v1/analytics?" + window);
						checkAgainstRaw(this.raw, answer, window);
						this.samples.incrementAndGet();
						if (answer.at("/sources/batch/version").isNumber()) {
							this.batchVersions.add(answer.at("/sources/batch/version").asLong());
						}
					}
					Thread.sleep(1500);
				}
				catch (Exception ex) {
					SuiteEndToEndIT.this.failures.add("sampler: " + ex);
				}
			}
		}

	}

	private ClientsResult parallelClients(Suite suite, RawData raw, long start) throws Exception {
		List<String> windows = new ArrayList<>(List.of(ALL_TIME, window(start - 5_400_000, start),
				window(start, start + 60_000), window(start + 30_000, start + 600_000),
				window(start - 3_600_000, start + 3_600_000) + "&service=svc-3",
				window(start + 120_000, start + 121_000),
				window(start + 45_000, start + 47 * 60_000) + "&service=svc-0"));
		Map<String, JsonNode> answers = new ConcurrentHashMap<>();
		AtomicLong errors = new AtomicLong();
		AtomicInteger counter = new AtomicInteger();
		long end = System.currentTimeMillis() + 30_000;
		ExecutorService clients = Executors.newFixedThreadPool(50);
		List<String> answered = new CopyOnWriteArrayList<>();
		for (int c = 0; c < 50; c++) {
			int client = c;
			clients.submit(() -> {
				int i = client;
				while (System.currentTimeMillis() < end) {
					String window = windows.get(i++ % windows.size());
					try {
						HttpResponse<String> response = this.http
							.send(HttpRequest.newBuilder(URI.create(suite.queryBase() + "/api/v1/analytics?" + window))
								.timeout(Duration.ofSeconds(30))
								.build(), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 200) {
							errors.incrementAndGet();
							this.failures.add("client: " + response.statusCode() + " " + response.body());
							continue;
						}
						String key = counter.incrementAndGet() + "|" + window;
						answers.put(key, JSON.readTree(response.body()));
						answered.add(key);
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						this.failures.add("client: " + ex);
					}
				}
			});
		}
		clients.shutdown();
		assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
		// each answer checked afterwards against the raw files it covered, the same
		// (cutoff, window) once
		Set<Long> versions = new TreeSet<>();
		Map<String, String> verdicts = new HashMap<>();
		int inexact = 0;
		for (String key : answered) {
			JsonNode answer = answers.get(key);
			String window = key.substring(key.indexOf('|') + 1);
			if (answer.at("/sources/batch/version").isNumber()) {
				versions.add(answer.at("/sources/batch/version").asLong());
			}
			String verdictKey = answer.at("/sources/covered").toString() + window;
			String verdict = verdicts.get(verdictKey);
			if (verdict == null) {
				int before = this.failures.size();
				checkAgainstRaw(raw, answer, window);
				verdict = (this.failures.size() == before) ? "exact" : "inexact";
				verdicts.put(verdictKey, verdict);
			}
			if (!verdict.equals("exact")) {
				inexact++;
			}
		}
		return new ClientsResult(answered.size(), errors.get(), inexact, versions);
	}

	private record ClientsResult(int answers, long errors, int inexact, Set<Long> batchVersions) {
	}

	/**
	 * {@code kill -9} of batch while a run is under way, then of speed while new files
	 * flow (a speed run starts every 250 ms and takes about as long, so it is most likely
	 * in one): each time with a burst of new messages on the way, then {@code up} again.
	 * Afterwards every message is counted and random windows are exact.
	 */
	private void crashes(Suite suite, RawData raw, List<HealthMessage> sent, long start) throws Exception {
		for (String app : List.of("batch-service", "speed-service")) {
			List<HealthMessage> burst = burst("e2e-crash-" + app, 3_000);
			send(suite, burst);
			sent.addAll(burst);
			String state = "";
			if (app.equals("batch-service")) {
				// the burst published (ingest rolls every second), then killed the moment
				// a run (which reads it) is seen under way
				Thread.sleep(3_000);
				long deadline = System.currentTimeMillis() + 60_000;
				boolean running = false;
				while (!running && System.currentTimeMillis() < deadline) {
					running = get(suite.batchBase() + "/actuator/batchruns").at("/running").asBoolean();
					if (!running) {
						Thread.sleep(20);
					}
				}
				assertThat(running).as("a batch run under way to kill").isTrue();
				state = ", a run under way";
			}
			else {
				Thread.sleep(1_200);
			}
			suite.kill9(app);
			System.out.printf("  kill -9 %s with %,d new messages on the way%s%n", app, burst.size(), state);
			suite.up();
			long deadline = System.currentTimeMillis() + 240_000;
			long counted = 0;
			while (System.currentTimeMillis() < deadline && (counted = total(suite)) < sent.size()) {
				Thread.sleep(500);
			}
			assertThat(counted).as("messages counted after kill -9 of %s and a restart", app).isEqualTo(sent.size());
			int windows = finalWindows(suite, raw, sent, start);
			System.out.printf("  after kill -9 %s: all %,d messages counted, %d random windows exact%n", app,
					sent.size(), windows);
		}
	}

	/**
	 * {@code kill -9} of ingest while a sender numbers 2,000 messages a second (a
	 * message's number is also its event time's offset, so the raw store says which
	 * numbers it holds), once the catalog has saved the service, then
	 * {@code bin/healthmon up}: the catalog and the API count exactly what the raw store
	 * holds, the catalog's {@code lost} is every number below the highest stored that is
	 * not stored (the outage's gap among them), and of the numbers sent before the kill
	 * no more than the hflush interval's worth (200 ms, with slack for the socket buffer)
	 * is lost.
	 * @return the messages of the numbered sender the raw store holds, which every answer
	 * counts from then on
	 */
	private List<HealthMessage> ingestCrash(Suite suite, RawData raw) throws Exception {
		String service = "e2e-crash-ingest";
		long base = System.currentTimeMillis() - 120_000;
		AtomicLong next = new AtomicLong();
		AtomicBoolean stop = new AtomicBoolean();
		Thread sender = daemon(() -> {
			try (DatagramSocket socket = new DatagramSocket()) {
				InetAddress localhost = InetAddress.getLoopbackAddress();
				while (!stop.get()) {
					long seq = next.get();
					byte[] bytes = this.codec
						.encode(new HealthMessage(service, base + seq, seq % 97, 16, 8, 500, 250, seq));
					socket.send(new DatagramPacket(bytes, bytes.length, localhost, suite.udpPort));
					next.incrementAndGet();
					if (seq % 20 == 19) {
						Thread.sleep(10);
					}
				}
			}
			catch (Exception ex) {
				this.failures.add("numbered sender: " + ex);
			}
		});
		// until the catalog has been saved with the service (every 10 s): its sequence
		// position is then on record
		long saved = System.currentTimeMillis() + 60_000;
		while (get(suite.queryBase() + "/api/v1/services?service=" + service).at("/services").isEmpty()
				&& System.currentTimeMillis() < saved) {
			Thread.sleep(200);
		}
		long beforeKill = next.get();
		suite.kill9("ingest-service");
		long atKill = next.get();
		suite.up();
		long afterUp = next.get();
		Thread.sleep(3_000);
		stop.set(true);
		sender.join();
		long sent = next.get();

		// the last file rolls within a second, and the catalog is saved after it
		Thread.sleep(3_000);
		long deadline = System.currentTimeMillis() + 180_000;
		long stored = -1;
		long counted = -2;
		JsonNode entry = null;
		while (System.currentTimeMillis() < deadline
				&& (stored != counted || entry == null || entry.at("/messages").asLong() != stored)) {
			Thread.sleep(1_000);
			stored = raw.all().stream().filter((m) -> m.service().equals(service)).count();
			JsonNode services = get(suite.queryBase() + "/api/v1/analytics?" + ALL_TIME + "&service=" + service)
				.at("/services");
			counted = services.isEmpty() ? 0 : services.at("/0/messages").asLong();
			JsonNode catalog = get(suite.queryBase() + "/api/v1/services?service=" + service).at("/services");
			entry = catalog.isEmpty() ? null : catalog.at("/0");
		}
		TreeSet<Long> numbers = new TreeSet<>();
		raw.all()
			.stream()
			.filter((m) -> m.service().equals(service))
			.forEach((m) -> numbers.add(m.eventTimeMs() - base));
		long lostInFlight = 0;
		for (long seq = 0; seq < beforeKill; seq++) {
			lostInFlight += numbers.contains(seq) ? 0 : 1;
		}
		long lostInOutage = 0;
		for (long seq = atKill; seq < afterUp; seq++) {
			lostInOutage += numbers.contains(seq) ? 0 : 1;
		}
		long lostAfterUp = 0;
		for (long seq = afterUp; seq < sent; seq++) {
			lostAfterUp += numbers.contains(seq) ? 0 : 1;
		}
		// what a tracker can know: the numbers below the highest one stored that are not
		// stored (numbers lost after the last one stored have no later one to show them)
		long highest = numbers.isEmpty() ? -1 : numbers.last();
		System.out.printf(
				"  kill -9 ingest-service: %,d numbered messages sent, %,d stored (highest %,d); lost in flight %,d, in the outage %,d, after the restart %,d; catalog: %s%n",
				sent, stored, highest, lostInFlight, lostInOutage, lostAfterUp, entry);
		assertThat(counted).as("the API counts what the raw store holds").isEqualTo(stored);
		assertThat(entry).as("catalog entry of %s", service).isNotNull();
		assertThat(entry.at("/messages").asLong()).as("the catalog counts what the raw store holds").isEqualTo(stored);
		// the gap of the outage is counted, and so are the datagrams in flight at the
		// kill (admitted, never stored), also those admitted before the last save
		long missing = highest + 1 - stored;
		assertThat(entry.at("/lost").asLong()).as("numbers below the highest stored and not stored")
			.isEqualTo(missing)
			.isGreaterThanOrEqualTo(lostInOutage);
		assertThat(lostInOutage).as("numbers sent while ingest was down").isPositive();
		assertThat(lostInFlight).as("numbers sent before the kill and not stored (2,000/s, hflush every 200 ms)")
			.isLessThanOrEqualTo(1_000);
		return raw.all().stream().filter((m) -> m.service().equals(service)).toList();
	}

	/** Messages of one service, 100 ms apart, ending now. */
	private static List<HealthMessage> burst(String service, int count) {
		long now = System.currentTimeMillis();
		List<HealthMessage> burst = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			burst.add(new HealthMessage(service, now - (count - i) * 100L, i % 97, 16, 8, 500, 250, i));
		}
		return burst;
	}

	/** Sends messages to ingest at about 50,000 a second, well inside what it keeps. */
	/**
	 * Raw files that break the writer contract (docs/architecture.md §4.2), as a restore
	 * with {@code hadoop fs -put} writes them: {@value #LATE_FILES} one-line files of a
	 * node of their own, published in shuffled order into the previous and the current
	 * hour while batch and speed run. Once a batch version has passed after the last,
	 * every answer counts each of them exactly once, and the batch layer counted late
	 * ones.
	 */
	private void lateFiles(Suite suite, RawData raw, List<HealthMessage> sent, long start) throws Exception {
		long now = System.currentTimeMillis();
		long hour = StorageLayout.hourOf(now);
		int half = LATE_FILES / 2;
		List<Integer> order = new ArrayList<>();
		for (int seq = 1; seq <= LATE_FILES; seq++) {
			order.add(seq);
		}
		Collections.shuffle(order, new Random(19));
		StorageLayout layout = StorageLayout.defaults();
		List<HealthMessage> late = new ArrayList<>();
		for (int seq : order) {
			long arrival = (seq <= half) ? hour - 3_600_000L + seq * 1_000L
					: hour + (now - hour) * (seq - half) / (half + 1);
			HealthMessage message = new HealthMessage("e2e-late-" + (seq % 4), arrival - 60_000, seq % 100, 32, 16, 500,
					250, HealthMessage.NO_SEQ);
			String line = RawCsv.append(new StringBuilder(), new RawRecord(message, arrival)).toString();
			org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(layout.rawPartition(arrival));
			String name = new RawFileName("ingest-9", seq, seq, false).published();
			org.apache.hadoop.fs.Path hidden = new org.apache.hadoop.fs.Path(dir, "_" + name);
			try (var out = raw.fs().create(hidden, false)) {
				out.write(line.getBytes(StandardCharsets.ISO_8859_1));
			}
			assertThat(raw.fs().rename(hidden, new org.apache.hadoop.fs.Path(dir, name))).isTrue();
			late.add(message);
			Thread.sleep(10);
		}
		// with no other traffic, a batch run publishes a version only while it finds
		// new or late files: wait for one after the last, then for every message
		long published = batchVersion(raw);
		sent.addAll(late);
		long counted = 0;
		long deadline = System.currentTimeMillis() + 180_000;
		while (System.currentTimeMillis() < deadline
				&& (batchVersion(raw) <= published || (counted = total(suite)) != sent.size())) {
			Thread.sleep(500);
		}
		assertThat(batchVersion(raw)).as("a batch version after the last late file").isGreaterThan(published);
		assertThat(counted).as("messages counted once the late files were published").isEqualTo(sent.size());
		int windows = finalWindows(suite, raw, sent, start);
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(suite.batchBase() + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher lateFiles = Pattern.compile("(?m)^healthmon_batch_late_files_total\\{[^}]*} ([0-9.E]+)$")
			.matcher(metrics);
		assertThat(lateFiles.find()).as("healthmon_batch_late_files_total in %s", suite.batchBase()).isTrue();
		double adopted = Double.parseDouble(lateFiles.group(1));
		System.out.printf(
				"  %,d raw files of ingest-9 published in shuffled order: %.0f found late and adopted; "
						+ "all %,d messages counted, %d random windows exact%n",
				LATE_FILES, adopted, sent.size(), windows);
		assertThat(adopted).as("late files the batch layer counted").isPositive();
	}

	/**
	 * {@code healthmon import} of {@value #HISTORY} records of history (100 services, 30
	 * days; raw CSV, header CSV, JSON lines in both shapes and Parquet, about 1 %
	 * invalid) while ingest receives a live service: the answers stay exact against the
	 * raw store while it runs; afterwards the API counts every valid record once, the
	 * import reported every invalid one by reason, and running it again is refused.
	 */
	private void importHistory(Path repo, Suite suite, RawData raw, List<HealthMessage> sent, long start)
			throws Exception {
		TestInputs inputs = new TestInputs(2026, 100, 30, "e2e-history-");
		Path dir = Files.createDirectories(this.dir.resolve("history"));
		int fifth = HISTORY / 5;
		List<Path> files = List.of(inputs.rawCsv(dir.resolve("raw.csv"), fifth),
				inputs.headerCsv(dir.resolve("header.csv.gz"), fifth, true),
				inputs.jsonLines(dir.resolve("canonical.jsonl"), fifth, false, System.currentTimeMillis()),
				inputs.jsonLines(dir.resolve("legacy.jsonl"), fifth, true, System.currentTimeMillis()),
				inputs.parquet(dir.resolve("history.parquet"), fifth));
		List<HealthMessage> live = new CopyOnWriteArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		Thread liveSender = daemon(() -> {
			try {
				while (!stop.get()) {
					HealthMessage m = new HealthMessage("e2e-live", System.currentTimeMillis(), 20, 16, 8, 500, 250,
							live.size());
					send(suite, List.of(m));
					live.add(m);
					Thread.sleep(5);
				}
			}
			catch (Exception ex) {
				this.failures.add("live sender: " + ex);
			}
		});
		Process importer = importer(repo, suite, files, "import.log");
		int samples = 0;
		long importDeadline = System.currentTimeMillis() + 300_000;
		while (importer.isAlive() && System.currentTimeMillis() < importDeadline) {
			checkAgainstRaw(raw, get(suite.queryBase() + "/api/v1/analytics?" + ALL_TIME), ALL_TIME);
			samples++;
			Thread.sleep(500);
		}
		assertThat(importer.waitFor(1, TimeUnit.SECONDS)).as("the import finished within 5 minutes (import.log)")
			.isTrue();
		assertThat(importer.exitValue()).as("import exit code (import.log)").isZero();
		stop.set(true);
		liveSender.join();
		String summary = Files.readString(this.dir.resolve("import.log"));
		Map<String, Long> reported = new TreeMap<>();
		Matcher reasons = Pattern.compile(" ([a-z_]+) ([0-9,]+)")
			.matcher(summary.substring(summary.lastIndexOf("rejected by reason:")).lines().findFirst().orElseThrow());
		while (reasons.find()) {
			reported.put(reasons.group(1), Long.parseLong(reasons.group(2).replace(",", "")));
		}
		assertThat(reported).as("rejected records by reason, as the import reported them")
			.isEqualTo(new TreeMap<>(inputs.rejectedByReason()));

		List<HealthMessage> history = inputs.validMessages();
		sent.addAll(history);
		sent.addAll(live);
		long counted = 0;
		long deadline = System.currentTimeMillis() + 300_000;
		while (System.currentTimeMillis() < deadline && (counted = total(suite)) != sent.size()) {
			Thread.sleep(1_000);
		}
		assertThat(counted).as("messages counted once the import is in a batch version").isEqualTo(sent.size());
		int windows = finalWindows(suite, raw, sent, start);
		Process again = importer(repo, suite, files, "import-again.log");
		assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(again.exitValue()).as("the same import again is refused (exit 3)").isEqualTo(3);
		assertThat(total(suite)).as("nothing counted twice").isEqualTo(sent.size());
		System.out.printf(
				"  import of %,d records (%,d valid, rejected %s) while %,d live messages arrived: %d answers "
						+ "exact during it; all %,d messages counted, %d random windows exact; a second run refused%n",
				HISTORY, history.size(), reported, live.size(), samples, sent.size(), windows);
		assertThat(samples).as("answers checked while the import ran").isPositive();
	}

	private Process importer(Path repo, Suite suite, List<Path> files, String log) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						repo.resolve("import-tool/target/import-tool-0.1.0-SNAPSHOT.jar").toString(),
						"--healthmon.import.hdfs.uri=" + suite.hdfsUri()));
		files.forEach((file) -> command.add(file.toString()));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(log).toFile())
			.start();
	}

	private long batchVersion(RawData raw) throws IOException {
		try (var in = raw.fs().open(new org.apache.hadoop.fs.Path("/healthmon/manifests/batch.json"))) {
			return org.healthmon.model.BatchManifest.fromJson(in.readAllBytes()).version();
		}
	}

	private void send(Suite suite, List<HealthMessage> messages) throws Exception {
		try (DatagramSocket socket = new DatagramSocket()) {
			InetAddress localhost = InetAddress.getLoopbackAddress();
			for (int i = 0; i < messages.size(); i++) {
				byte[] bytes = this.codec.encode(messages.get(i));
				socket.send(new DatagramPacket(bytes, bytes.length, localhost, suite.udpPort));
				if (i % 50 == 49) {
					Thread.sleep(1);
				}
			}
		}
	}

	/**
	 * 300 random windows, once everything sent is counted, against the dataset itself.
	 */
	private int finalWindows(Suite suite, RawData raw, List<HealthMessage> sent, long start) throws Exception {
		Random random = new Random(300);
		long first = sent.stream().mapToLong(HealthMessage::eventTimeMs).min().orElseThrow();
		long last = sent.stream().mapToLong(HealthMessage::eventTimeMs).max().orElseThrow();
		long batchEdge = batchMaxMinute(raw);
		int checked = 0;
		for (int i = 0; i < 300; i++) {
			long from;
			long to;
			String service = null;
			switch (i % 6) {
				case 0 -> {
					from = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
					to = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
				}
				case 1 -> {
					from = MinuteStats.minuteOf(first + (long) (random.nextDouble() * (last - first)));
					to = from + (1 + random.nextInt(30)) * MinuteStats.MINUTE_MS;
				}
				case 2 -> {
					from = first - 60_000 + (long) (random.nextDouble() * (last - first + 120_000));
					to = from + 1 + random.nextInt(1_800_000);
				}
				case 3 -> {
					from = Instant.parse("2001-01-01T00:00:00Z").toEpochMilli() + random.nextInt(1_000_000);
					to = from + 1 + random.nextInt(3_600_000);
				}
				case 4 -> {
					from = first + (long) (random.nextDouble() * (last - first)) - 600_000;
					to = from + 1 + random.nextInt(1_200_000);
					service = (random.nextInt(5) == 0) ? "no-such-service" : "svc-" + random.nextInt(SERVICES);
				}
				default -> {
					long edge = (batchEdge > 0) ? batchEdge : start;
					from = edge - random.nextInt(300_000);
					to = edge + 1 + random.nextInt(300_000);
				}
			}
			String window = window(from, to) + ((service != null) ? "&service=" + service : "");
			JsonNode answer = get(suite.queryBase() + "/api/v1/analytics?" + window);
			Map<String, Brute.Expected> expected = Brute.analytics(sent, MinuteStats.minuteOf(from),
					MinuteStats.minuteOf(to + MinuteStats.MINUTE_MS - 1));
			if (service != null) {
				expected.keySet().retainAll(Set.of(service));
			}
			compare(answer, expected, "final " + window);
			checked++;
		}
		return checked;
	}

	private long batchMaxMinute(RawData raw) throws IOException {
		try (var in = raw.fs().open(new org.apache.hadoop.fs.Path("/healthmon/manifests/batch.json"))) {
			return org.healthmon.model.BatchManifest.fromJson(in.readAllBytes()).maxMinute();
		}
		catch (java.io.FileNotFoundException ex) {
			return -1;
		}
	}

	private void checkAgainstRaw(RawData raw, JsonNode answer, String window) throws IOException {
		Map<String, Long> covered = new TreeMap<>();
		answer.at("/sources/covered").properties().forEach((e) -> covered.put(e.getKey(), e.getValue().asLong()));
		List<HealthMessage> messages = raw.covered(new Cutoff(covered));
		long from = Instant.parse(answer.at("/window/from").asString()).toEpochMilli();
		long to = Instant.parse(answer.at("/window/to").asString()).toEpochMilli();
		Map<String, Brute.Expected> expected = Brute.analytics(messages, from, to);
		int service = window.indexOf("&service=");
		if (service >= 0) {
			expected.keySet().retainAll(Set.of(window.substring(service + "&service=".length())));
		}
		compare(answer, expected, window + " covering " + covered);
	}

	private void compare(JsonNode answer, Map<String, Brute.Expected> expected, String label) {
		List<String> services = new ArrayList<>();
		answer.at("/services").forEach((s) -> services.add(s.at("/service").asString()));
		if (!services.equals(new ArrayList<>(expected.keySet()))) {
			this.failures.add(label + ": services " + services + ", expected " + expected.keySet());
			return;
		}
		for (JsonNode s : answer.at("/services")) {
			Brute.Expected e = expected.get(s.at("/service").asString());
			if (s.at("/messages").asLong() != e.count) {
				this.failures.add(
						label + ": " + e.service + " messages " + s.at("/messages").asLong() + ", expected " + e.count);
				continue;
			}
			Map<String, Brute.Peak> resources = Map.of("cpu", e.cpu, "ram", e.ram, "disk", e.disk);
			resources.forEach((name, peak) -> {
				JsonNode r = s.at("/" + name);
				double mean = peak.mean(e.count);
				boolean meanOk = Math.abs(r.at("/mean").asDouble() - mean) <= Math.abs(mean) * 1e-9;
				boolean peakOk = r.at("/peak").asDouble() == peak.peak();
				boolean atOk = Instant.parse(r.at("/peakAt").asString()).toEpochMilli() == peak.maxAt;
				if (!meanOk || !peakOk || !atOk) {
					this.failures.add(label + ": " + e.service + " " + name + " " + r + ", expected mean " + mean
							+ " peak " + peak.peak() + " at " + Instant.ofEpochMilli(peak.maxAt));
				}
			});
		}
	}

	private long total(Suite suite) throws Exception {
		long total = 0;
		for (JsonNode s : get(suite.queryBase() + "/api/v1/analytics?" + ALL_TIME).at("/services")) {
			total += s.at("/messages").asLong();
		}
		return total;
	}

	private JsonNode get(String uri) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + uri + " -> " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** A time as the UI's pickers write it, in UTC. */
	private static String pickerTime(long epochMs) {
		return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();
	}

	private static String window(long fromMs, long toMs) {
		return "from=" + URLEncoder.encode(Instant.ofEpochMilli(fromMs).toString(), StandardCharsets.UTF_8) + "&to="
				+ URLEncoder.encode(Instant.ofEpochMilli(toMs).toString(), StandardCharsets.UTF_8);
	}

	private static Thread daemon(Runnable work) {
		Thread thread = new Thread(work);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static long percentile(List<Long> values, int p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	/**
	 * Freshness probes: one datagram every 500 ms from this JVM, with the time it left;
	 * watchers poll the API and the UI page and note when each is counted there.
	 */
	private final class Probes {

		private static final Pattern UI_COUNT = Pattern.compile(
				"<tr data-service=\"" + PROBE + "\">.*?data-col=\"messages\" data-value=\"(\\d+)\"", Pattern.DOTALL);

		private final Suite suite;

		final List<HealthMessage> sent = new CopyOnWriteArrayList<>();

		private final List<Long> sentAt = new CopyOnWriteArrayList<>();

		/** When each probe was first counted: by the API, on the UI page. */
		private final Map<Integer, Long> apiSeenAt = new ConcurrentHashMap<>();

		private final Map<Integer, Long> uiSeenAt = new ConcurrentHashMap<>();

		volatile boolean stop;

		private volatile boolean stopWatching;

		Probes(Suite suite) {
			this.suite = suite;
		}

		void send() {
			try (DatagramSocket socket = new DatagramSocket()) {
				InetAddress localhost = InetAddress.getLoopbackAddress();
				while (!this.stop) {
					long now = System.currentTimeMillis();
					HealthMessage probe = new HealthMessage(PROBE, now, this.sent.size() % 100, 8, 4, 100, 50,
							this.sent.size());
					byte[] bytes = SuiteEndToEndIT.this.codec.encode(probe);
					this.sentAt.add(now);
					this.sent.add(probe);
					socket.send(new DatagramPacket(bytes, bytes.length, localhost, this.suite.udpPort));
					Thread.sleep(500);
				}
			}
			catch (Exception ex) {
				SuiteEndToEndIT.this.failures.add("probe: " + ex);
			}
		}

		/** Polls the API every 100 ms. */
		void watchApi() {
			watch(this.apiSeenAt, 100,
					() -> get(this.suite.queryBase() + "/api/v1/analytics?" + ALL_TIME + "&service=" + PROBE)
						.at("/services/0/messages")
						.asLong(0));
		}

		/**
		 * Loads the UI page (server-rendered, as a browser gets it) of the day around the
		 * test every 500 ms and reads the probe's row.
		 */
		void watchUi(long start) {
			String page = this.suite.uiBase() + "/?zone=UTC&from=" + pickerTime(start - 3_600_000) + "&to="
					+ pickerTime(start + 86_400_000);
			watch(this.uiSeenAt, 500, () -> {
				HttpResponse<String> response = SuiteEndToEndIT.this.http.send(
						HttpRequest.newBuilder(URI.create(page)).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString());
				Matcher count = UI_COUNT.matcher(response.body());
				return (response.statusCode() == 200 && count.find()) ? Long.parseLong(count.group(1)) : 0;
			});
		}

		private void watch(Map<Integer, Long> seenAt, long pauseMs, Callable<Long> counted) {
			int seen = 0;
			while (!this.stopWatching) {
				try {
					long count = counted.call();
					long now = System.currentTimeMillis();
					while (seen < count && seen < this.sentAt.size()) {
						seenAt.put(seen++, now);
					}
					Thread.sleep(pauseMs);
				}
				catch (Exception ex) {
					// the service answers again in a moment; freshness is only measured
				}
			}
		}

		void stop() {
			this.stopWatching = true;
		}

		/** Sent → counted, of the probes sent within {@code [fromMs, toMs)}. */
		List<Long> latencies(Map<Integer, Long> seenAt, long fromMs, long toMs) {
			List<Long> latencies = new ArrayList<>();
			seenAt.forEach((probe, at) -> {
				long sentAt = this.sentAt.get(probe);
				if (sentAt >= fromMs && sentAt < toMs) {
					latencies.add(at - sentAt);
				}
			});
			return latencies;
		}

		String freshness(String where, Map<Integer, Long> seenAt, long stormFrom, long stormTo) {
			return String.format("  freshness (probe sent -> counted %s): %s; while 50 clients queried: %s%n", where,
					percentiles(latencies(seenAt, 0, stormFrom)) + " before and "
							+ percentiles(latencies(seenAt, stormTo, Long.MAX_VALUE)) + " after",
					percentiles(latencies(seenAt, stormFrom, stormTo)));
		}

		private static String percentiles(List<Long> latencies) {
			if (latencies.isEmpty()) {
				return "no probes";
			}
			return String.format("%d probes p50 %.2f s, p95 %.2f s, max %.2f s", latencies.size(),
					percentile(latencies, 50) / 1000.0, percentile(latencies, 95) / 1000.0,
					percentile(latencies, 100) / 1000.0);
		}

	}

}
