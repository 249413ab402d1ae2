package org.healthmon.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.healthmon.ingest.support.BackgroundSender;
import org.healthmon.ingest.support.IngestApp;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.ingest.support.PublishedFiles;
import org.healthmon.ingest.support.TestMessages;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The namenode goes away for about 20 s while messages keep arriving: ingest spools them
 * locally and, once HDFS is back, every accepted message is in HDFS exactly once.
 */
class NamenodeOutageIT {

	@TempDir
	Path tmp;

	@Test
	void whenTheNamenodeIsDownForTwentySecondsThenEveryAcceptedMessageLandsInHdfsExactlyOnce() throws Exception {
		StorageLayout layout = StorageLayout.defaults();
		try (MiniHdfs hdfs = MiniHdfs.start(this.tmp.resolve("hdfs"), 4)) {
			List<HealthMessage> sent;
			double accepted;
			try (IngestApp app = IngestApp.start(hdfs.uri(), this.tmp.resolve("spool"))) {
				BackgroundSender sender = new BackgroundSender(app.udpPort(), 2_000, 11);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> app.counter("healthmon.ingest.store.files.published", "store", "raw") >= 2);
				hdfs.cluster().shutdownNameNode(0);
				// The scenario: an outage of about 20 s while the sender goes on
				await().pollDelay(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(21)).until(() -> true);
				assertThat(app.counter("healthmon.ingest.store.spooled", "store", "raw"))
					.as("lines went to the spool during the outage")
					.isPositive();
				hdfs.cluster().restartNameNode(0, true);
				await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
				sender.close();
				sent = sender.sent();
				await().atMost(Duration.ofSeconds(90))
					.until(() -> app.counter("healthmon.ingest.store.appended", "store", "raw") == sent.size()
							&& gaugeIsZero(app, "healthmon.ingest.store.spooling"));
				accepted = app.counter("healthmon.ingest.store.appended", "store", "raw");
			}
			Map<HealthMessage, Long> stored = PublishedFiles.publishedLines(hdfs.fs(), layout.rawDir())
				.stream()
				.map(TestMessages::fromCsv)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(stored.values()).as("no message twice").allMatch((n) -> n == 1);
			assertThat(stored.keySet()).as("every accepted message, nothing else")
				.containsExactlyInAnyOrderElementsOf(sent);
			assertThat(accepted).isEqualTo(sent.size());
		}
	}

	private static boolean gaugeIsZero(IngestApp app, String name) {
		return app.context()
			.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.find(name)
			.gauges()
			.stream()
			.allMatch((g) -> g.value() == 0);
	}

}
