package org.healthmon.ingest.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.healthmon.ingest.catalog.LiveCatalog;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RejectReason;
import org.healthmon.model.ServiceCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.integration.ip.udp.UdpServerListeningEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The receive path end to end, over a real UDP socket: the app with its real store,
 * pointed at the local file system through Hadoop's FileSystem API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed with the class, before its temporary store is deleted under it
@DirtiesContext
class UdpFlowIT {

	private static final int MAX_DATAGRAM_BYTES = 4096;

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("healthmon.ingest.udp.port", () -> 0);
		registry.add("healthmon.ingest.udp.max-datagram-bytes", () -> MAX_DATAGRAM_BYTES);
		registry.add("healthmon.ingest.hdfs.uri", () -> "file:///");
		registry.add("healthmon.ingest.hdfs.root", () -> dir.resolve("store").toString());
		registry.add("healthmon.ingest.hdfs.replication", () -> 1);
		registry.add("healthmon.ingest.spool.dir", () -> dir.resolve("spool").toString());
		registry.add("healthmon.ingest.catalog.persist-interval", () -> "500ms");
		// the test messages' times are fixed, in 2025; the window's reasons are still
		// seen
		registry.add("healthmon.ingest.max-age", () -> "3650d");
	}

	@Autowired
	private CompletableFuture<Integer> udpPort;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private LiveCatalog catalog;

	@Autowired
	private Environment environment;

	private final HealthMessageJson json = new HealthMessageJson();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

	@Test
	void whenValidInvalidAndRepeatedDatagramsArriveThenEachIsCountedWhereItBelongs() throws Exception {
		Map<RejectReason, byte[]> invalid = TestDatagrams.invalid(MAX_DATAGRAM_BYTES);
		// the context, and so the counters, are shared with the other tests
		Counts before = counts();
		int sent = 0;
		try (DatagramSocket socket = new DatagramSocket()) {
			for (long seq : new long[] { 1, 2, 3, 2, 5 }) {
				sent += send(socket, this.json.encode(TestDatagrams.message("orders", seq)));
			}
			sent += send(socket, TestDatagrams.LEGACY.getBytes(StandardCharsets.UTF_8));
			sent += send(socket, this.json.encodeLegacy(TestDatagrams.message("legacy-numbered", 9)));
			for (byte[] datagram : invalid.values()) {
				sent += send(socket, datagram);
			}
		}
		int total = sent;

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(count("healthmon.ingest.received") - before.received()).isEqualTo(total));
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(count("healthmon.ingest.accepted") - before.accepted()).isEqualTo(4 + 1 + 1);
			assertThat(count("healthmon.ingest.duplicates") - before.duplicates()).isEqualTo(1);
			for (RejectReason reason : invalid.keySet()) {
				assertThat(rejected(reason) - before.rejected().get(reason)).as(reason.tag()).isEqualTo(1);
			}
		});
		assertThat(count("healthmon.ingest.failed")).isZero();
		assertThat(invalid).hasSize(RejectReason.values().length - 1);

		// counted once the raw file holding them is published
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(
					entry(this.catalog.snapshot("test", System.currentTimeMillis()), "legacy-numbered").messages())
				.isEqualTo(1));
		ServiceCatalog snapshot = this.catalog.snapshot("test", System.currentTimeMillis());
		assertThat(entry(snapshot, "orders")).satisfies((orders) -> {
			assertThat(orders.messages()).isEqualTo(4);
			assertThat(orders.duplicates()).isEqualTo(1);
			assertThat(orders.lost()).as("seq 4 never sent").isEqualTo(1);
			assertThat(orders.firstSeenMs()).isLessThanOrEqualTo(orders.lastSeenMs());
		});
		assertThat(entry(snapshot, "PRINTER").messages()).isEqualTo(1);
		assertThat(entry(snapshot, "legacy-numbered").messages()).isEqualTo(1);
	}

	@Test
	void whenTheCatalogIsPersistedThenTheFileInTheStoreHoldsEveryService() throws Exception {
		try (DatagramSocket socket = new DatagramSocket()) {
			send(socket, this.json.encode(TestDatagrams.message("persisted", 1)));
		}
		Path file = dir.resolve("store/catalog/ingest-1.json");
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(file).exists();
			ServiceCatalog persisted = ServiceCatalog.fromJson(Files.readAllBytes(file));
			assertThat(persisted.services()).extracting(ServiceCatalog.Entry::service).contains("persisted");
		});
	}

	@Test
	void whenScrapedThenPrometheusShowsTheIngestCountersAndUdpIsReady() throws Exception {
		String prometheus = get("/actuator/prometheus");
		assertThat(prometheus).contains("healthmon_ingest_received_total")
			.contains("healthmon_ingest_rejected_total{application=\"ingest-service\",reason=\"oversized\"}")
			.contains("healthmon_ingest_services");

		String readiness = get("/actuator/health/readiness");
		assertThat(readiness).contains("\"status\":\"UP\"").contains("\"udp\"");
		assertThat(get("/actuator/health/udp")).contains("grantedReceiveBufferBytes");
	}

	private int send(DatagramSocket socket, byte[] payload) throws Exception {
		int port = this.udpPort.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
		return 1;
	}

	private static ServiceCatalog.Entry entry(ServiceCatalog catalog, String service) {
		return catalog.services()
			.stream()
			.filter((entry) -> entry.service().equals(service))
			.findFirst()
			.orElseThrow(() -> new AssertionError(service + " not in the catalog: " + catalog.services()));
	}

	private Counts counts() {
		Map<RejectReason, Double> rejected = new EnumMap<>(RejectReason.class);
		for (RejectReason reason : RejectReason.values()) {
			rejected.put(reason, rejected(reason));
		}
		return new Counts(count("healthmon.ingest.received"), count("healthmon.ingest.accepted"),
				count("healthmon.ingest.duplicates"), rejected);
	}

	private double rejected(RejectReason reason) {
		return this.meters.get("healthmon.ingest.rejected").tag("reason", reason.tag()).counter().count();
	}

	private double count(String name) {
		Meter meter = this.meters.get(name).meter();
		return (meter instanceof FunctionCounter counter) ? counter.count() : ((Counter) meter).count();
	}

	private String get(String path) throws IOException, InterruptedException {
		URI uri = URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path);
		return this.http.send(HttpRequest.newBuilder(uri).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private record Counts(double received, double accepted, double duplicates, Map<RejectReason, Double> rejected) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class UdpPort {

		/** The port the adapter really bound (the app asks for any free one). */
		@Bean
		CompletableFuture<Integer> udpPort() {
			return new CompletableFuture<>();
		}

		@Bean
		ApplicationListener<UdpServerListeningEvent> udpPortListener(CompletableFuture<Integer> udpPort) {
			return (event) -> udpPort.complete(event.getPort());
		}

	}

}
