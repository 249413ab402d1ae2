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
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.ServiceCatalog.Entry;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ingest is closed while datagrams pour in: whatever it accepted is published. */
class GracefulShutdownIT {

	@TempDir
	Path tmp;

	@Test
	void whenIngestStopsUnderLoadThenEveryAcceptedMessageIsPublished() throws Exception {
		StorageLayout layout = StorageLayout.defaults();
		try (MiniHdfs hdfs = MiniHdfs.start(this.tmp.resolve("hdfs"), 4)) {
			IngestApp app = IngestApp.start(hdfs.uri(), this.tmp.resolve("spool"),
					"healthmon.ingest.writer.roll-interval=30s");
			BackgroundSender sender = new BackgroundSender(app.udpPort(), 20_000, 5);
			double accepted;
			try (app; sender) {
				await().atMost(Duration.ofSeconds(60))
					.until(() -> app.counter("healthmon.ingest.store.appended", "store", "raw") >= 20_000);
				// Closed while datagrams still pour in; a roll interval of 30 s leaves a
				// file open
				app.close();
				accepted = app.counter("healthmon.ingest.store.appended", "store", "raw");
			}
			List<HealthMessage> sent = sender.sent();
			Map<HealthMessage, Long> stored = PublishedFiles.publishedLines(hdfs.fs(), layout.rawDir())
				.stream()
				.map(TestMessages::fromCsv)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(stored.values()).as("no message twice").allMatch((n) -> n == 1);
			assertThat(stored).as("every accepted message is published").hasSize((int) accepted);
			assertThat(sent).containsAll(stored.keySet());
			assertThat(PublishedFiles.list(hdfs.fs(), layout.rawDir())).as("nothing is left open")
				.noneMatch(PublishedFiles.StoredFile::hidden);
			try (var in = hdfs.fs().open(new org.apache.hadoop.fs.Path(layout.catalogFile("ingest-1")))) {
				assertThat(
						ServiceCatalog.fromJson(in.readAllBytes()).services().stream().mapToLong(Entry::messages).sum())
					.as("the last save counts every published line")
					.isEqualTo(stored.size());
			}
		}
	}

}
