package org.healthmon.ingest;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.healthmon.ingest.support.IngestApp;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.ingest.support.PublishedFiles;
import org.healthmon.ingest.support.TestMessages;
import org.healthmon.ingest.support.UdpSender;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ingest starts while HDFS is unreachable, accepts messages into its spool and stops; the
 * next start, with HDFS up, replays the spool: every message lands exactly once.
 */
class SpoolRestartIT {

	@TempDir
	Path tmp;

	@Test
	void whenIngestRestartsWithAFullSpoolThenTheSpoolIsReplayedIntoHdfsExactlyOnce() throws Exception {
		List<HealthMessage> messages = TestMessages.valid(3_000, 3, 1_763_789_462_000L, 3);
		HealthMessageJson json = new HealthMessageJson();
		Path spool = this.tmp.resolve("spool");

		try (IngestApp app = IngestApp.start("hdfs://127.0.0.1:" + unusedPort(), spool);
				UdpSender sender = new UdpSender(app.udpPort())) {
			sender.sendAll(messages.stream().map(json::encode).toList(), 5_000);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> app.counter("healthmon.ingest.store.appended", "store", "raw") == messages.size());
		}
		try (Stream<Path> files = Files.walk(spool.resolve("raw/segments"))) {
			assertThat(files.filter(Files::isRegularFile)).as("the messages wait in the spool").isNotEmpty();
		}

		StorageLayout layout = StorageLayout.defaults();
		try (MiniHdfs hdfs = MiniHdfs.start(this.tmp.resolve("hdfs"), 4)) {
			try (IngestApp app = IngestApp.start(hdfs.uri(), spool)) {
				await().atMost(Duration.ofSeconds(60))
					.until(() -> PublishedFiles.publishedLines(hdfs.fs(), layout.rawDir()).size() >= messages.size());
			}
			Map<HealthMessage, Long> stored = PublishedFiles.publishedLines(hdfs.fs(), layout.rawDir())
				.stream()
				.map(TestMessages::fromCsv)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(stored).isEqualTo(messages.stream()
				.map(TestMessages::withoutSeq)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
		}
		try (Stream<Path> files = Files.walk(spool.resolve("raw/segments"))) {
			assertThat(files.filter(Files::isRegularFile)).as("the spool is empty again").isEmpty();
		}
	}

	private static int unusedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
