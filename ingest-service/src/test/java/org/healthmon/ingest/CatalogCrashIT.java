package org.healthmon.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.hadoop.fs.Path;
import org.healthmon.ingest.support.PublishedFiles;
import org.healthmon.ingest.support.UdpSender;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.StorageLayout;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ingest dies by SIGKILL (a separate JVM, {@code destroyForcibly}) while numbered senders
 * send, without its graceful save of the catalog; a new ingest starts on the same store
 * and spool, while the senders' numbers went on during the outage. Afterwards the
 * catalog's message counts equal the raw store's lines per service, brute force, and
 * every number missing from the raw store (the outage's gap, and what was in flight at
 * the kill) is counted as lost. The catalog's bound holds across the restart.
 */
class CatalogCrashIT {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final int GAP = 500;

	@TempDir
	java.nio.file.Path tmp;

	private final HealthMessageJson json = new HealthMessageJson();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void whenIngestIsKilledAndRestartedThenCatalogCountsEqualTheRawStoreAndTheOutageIsLost() throws Exception {
		StorageLayout layout = StorageLayout.defaults();
		java.nio.file.Path spool = this.tmp.resolve("spool");
		long[] next = { 0, 0 };
		try (MiniHdfs hdfs = MiniHdfs.start(this.tmp.resolve("hdfs"), 1)) {
			// saves every 4 s: none between the one awaited below and the kill
			Ingest first = Ingest.start(hdfs.uri(), spool, this.tmp.resolve("first.log"), "4s");
			try (UdpSender sender = new UdpSender(first.udpPort())) {
				first.awaitReady(this.http);
				send(sender, next, 1_000, 0);
				// the third service fills the catalog; a fourth is one too many
				sender.send(this.json.encode(message("c", HealthMessage.NO_SEQ)));
				sender.send(this.json.encode(message("intruder", HealthMessage.NO_SEQ)));
				await().atMost(WAIT).until(() -> catalogMessages(hdfs, layout, "a") == 1_000);
				assertThat(first.metric(this.http, "healthmon_ingest_rejected_total", "too_many_services"))
					.isEqualTo(1.0);
				// more after the last save, and the kill while they pour in
				CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
					try {
						send(sender, next, 2_000, 0);
					}
					catch (PortUnreachableException ex) {
						// ingest is dead: the numbers not sent are part of the outage
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
				await().atMost(WAIT).until(() -> rawLines(hdfs, layout).getOrDefault("a", 0L) > 1_300);
				first.kill();
				// the rest is sent while ingest is down, and lost
				sending.get(60, TimeUnit.SECONDS);
			}
			finally {
				first.kill();
			}
			assertThat(catalogMessages(hdfs, layout, "a")).as("the catalog saved before the kill is behind")
				.isLessThan(rawLines(hdfs, layout).get("a"));

			Ingest second = Ingest.start(hdfs.uri(), spool, this.tmp.resolve("second.log"), "1s");
			try (UdpSender sender = new UdpSender(second.udpPort())) {
				second.awaitReady(this.http);
				await().atMost(WAIT)
					.until(() -> catalog(hdfs, layout).raw().cutoff() > 0
							&& catalogMessages(hdfs, layout, "a") == rawLines(hdfs, layout).get("a"));
				// the numbers sent while ingest was down never arrive
				send(sender, next, 1_000, GAP);
				sender.send(this.json.encode(message("intruder", HealthMessage.NO_SEQ)));
				sender.send(this.json.encode(message("c", HealthMessage.NO_SEQ)));
				await().atMost(WAIT)
					.until(() -> second.metric(this.http, "healthmon_ingest_rejected_total", "too_many_services") == 1.0
							&& rawLines(hdfs, layout).getOrDefault("c", 0L) == 2);
			}
			finally {
				second.stop();
			}

			Map<String, Long> raw = rawLines(hdfs, layout);
			ServiceCatalog catalog = catalog(hdfs, layout);
			Map<String, Long> counted = catalog.services()
				.stream()
				.collect(Collectors.toMap(ServiceCatalog.Entry::service, ServiceCatalog.Entry::messages, Long::sum,
						TreeMap::new));
			assertThat(counted).isEqualTo(raw);
			assertThat(raw).doesNotContainKey("intruder");
			assertThat(PublishedFiles.publishedLines(hdfs.fs(), layout.rejectedDir()))
				.filteredOn((line) -> line.contains("\ttoo_many_services\t"))
				.as("kept with its reason, once per process")
				.hasSize(2);
			for (ServiceCatalog.Entry entry : catalog.services()) {
				if (entry.service().equals("c")) {
					continue;
				}
				long sent = next[entry.service().equals("a") ? 0 : 1];
				// every number below the last sent that is not in the raw store is lost
				assertThat(entry.lost()).as(entry.service() + " lost").isEqualTo(sent - raw.get(entry.service()));
				assertThat(entry.lost()).as(entry.service() + " lost").isGreaterThanOrEqualTo(GAP);
				assertThat(entry.duplicates()).isZero();
			}
		}
	}

	/** Sends {@code count} numbered messages for each of a and b, after skipping some. */
	private void send(UdpSender sender, long[] next, int count, int skip) throws IOException {
		List<byte[]> payloads = new ArrayList<>();
		next[0] += skip;
		next[1] += skip;
		for (int i = 0; i < count; i++) {
			payloads.add(this.json.encode(message("a", next[0]++)));
			payloads.add(this.json.encode(message("b", next[1]++)));
		}
		sender.sendAll(payloads, 2_000);
	}

	private static HealthMessage message(String service, long seq) {
		return new HealthMessage(service, System.currentTimeMillis(), 12.5, 16, 4, 512, 100, seq);
	}

	private static ServiceCatalog catalog(MiniHdfs hdfs, StorageLayout layout) throws IOException {
		Path file = new Path(layout.catalogFile("ingest-1"));
		if (!hdfs.fs().exists(file)) {
			return new ServiceCatalog("ingest-1", 0, List.of());
		}
		try (var in = hdfs.fs().open(file)) {
			return ServiceCatalog.fromJson(in.readAllBytes());
		}
	}

	private static long catalogMessages(MiniHdfs hdfs, StorageLayout layout, String service) throws IOException {
		return catalog(hdfs, layout).services()
			.stream()
			.filter((entry) -> entry.service().equals(service))
			.mapToLong(ServiceCatalog.Entry::messages)
			.sum();
	}

	/** Lines per service in every published raw file: brute force. */
	private static Map<String, Long> rawLines(MiniHdfs hdfs, StorageLayout layout) throws IOException {
		return PublishedFiles.publishedLines(hdfs.fs(), layout.rawDir())
			.stream()
			.map((line) -> line.substring(0, line.indexOf(',')))
			.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
	}

	/** The ingest application in a JVM of its own, so that it can be killed. */
	private record Ingest(Process process, int udpPort, int httpPort) {

		static Ingest start(String hdfsUri, java.nio.file.Path spool, java.nio.file.Path log, String persistInterval)
				throws IOException {
			int udp = freeUdpPort();
			int web = freeTcpPort();
			String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
			List<String> command = List.of(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
					IngestApplication.class.getName(), "--server.port=" + web, "--healthmon.ingest.udp.port=" + udp,
					"--healthmon.ingest.hdfs.uri=" + hdfsUri, "--healthmon.ingest.hdfs.replication=1",
					"--healthmon.ingest.spool.dir=" + spool,
					"--healthmon.ingest.catalog.persist-interval=" + persistInterval,
					"--healthmon.ingest.catalog.max-services=3");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new Ingest(process, udp, web);
		}

		void awaitReady(HttpClient http) {
			await().atMost(WAIT)
				.ignoreExceptions()
				.until(() -> get(http, "/actuator/health/readiness").contains("\"UP\""));
		}

		double metric(HttpClient http, String name, String reason) throws Exception {
			for (String line : get(http, "/actuator/prometheus").split("\n")) {
				if (line.startsWith(name + "{") && line.contains("reason=\"" + reason + "\"")) {
					return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
			return 0;
		}

		private String get(HttpClient http, String path) throws Exception {
			URI uri = URI.create("http://127.0.0.1:" + this.httpPort + path);
			return http
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}

		/** SIGKILL: no shutdown hook, no graceful save or publish. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly().waitFor();
		}

		/** SIGTERM: the graceful stop. */
		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}

		private static int freeUdpPort() throws IOException {
			try (DatagramSocket socket = new DatagramSocket(0)) {
				return socket.getLocalPort();
			}
		}

		private static int freeTcpPort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

	}

}
