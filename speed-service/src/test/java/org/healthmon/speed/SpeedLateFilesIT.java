package org.healthmon.speed;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.hadoop.fs.FileSystem;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.StorageLayout;
import org.healthmon.speed.run.RunOutcome;
import org.healthmon.speed.support.BatchPlayer;
import org.healthmon.speed.support.HandoffReader;
import org.healthmon.speed.support.RawFiles;
import org.healthmon.speed.support.SpeedApp;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed layer waits for the batch layer (docs/architecture.md §4.5): a file published
 * below what a realtime set absorbed is not absorbed, nor is a batch-only file; the
 * health says so ({@code waitingForBatch}), and once a batch view covers the late file
 * the answers equal the brute force again.
 */
class SpeedLateFilesIT {

	@TempDir
	Path tempDir;

	@Test
	void whenAFileIsPublishedBelowWhatASetAbsorbedThenTheHealthSaysItWaitsForTheBatchLayer() throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(this.tempDir.resolve("hdfs"), 1);
				SpeedApp app = SpeedApp.start(hdfs.uri(), "healthmon.speed.run-interval=1h")) {
			StorageLayout layout = StorageLayout.defaults();
			FileSystem fs = hdfs.fs();
			RawFiles raw = new RawFiles(fs, layout);
			BatchPlayer player = new BatchPlayer(fs, layout, raw);
			HandoffReader reader = new HandoffReader(fs, layout, raw);
			for (long seq = 1; seq <= 10; seq++) {
				if (seq != 5) {
					raw.publish("ingest-1", seq, 3, 0);
				}
			}
			app.runOnce();
			RealtimeManifest before = reader.liveSets().values().iterator().next();
			assertThat(before.absorbed().seqOf("ingest-1")).isEqualTo(10);
			assertThat(before.files()).isEqualTo(9);

			raw.publish("ingest-1", 5, 3, 0);
			RunOutcome late = app.runOnce();
			assertThat(late.files()).as("files absorbed").isZero();
			assertThat(late.waiting()).isEqualTo(new RunOutcome.Waiting(1, 0));
			assertThat(app.get("/actuator/health/speed")).contains("\"status\":\"UP\"")
				.contains("\"waitingForBatch\"")
				.contains("\"lateFiles\":1");
			assertThat(reader.liveSets().values().iterator().next().files()).isEqualTo(9);

			String batchOnly = layout.rawPartition(System.currentTimeMillis()) + "/"
					+ new RawFileName(RawFileName.LATE_NODE, 1, 1, false).published();
			try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(batchOnly), false)) {
				out.write("svc-1,1795428000000,1795428000000,50.0,16.0,4.0,512.0,100.0\n"
					.getBytes(StandardCharsets.UTF_8));
			}
			RunOutcome waiting = app.runOnce();
			assertThat(waiting.files()).isZero();
			assertThat(waiting.waiting()).isEqualTo(new RunOutcome.Waiting(1, 1));
			assertThat(app.bean(io.micrometer.core.instrument.MeterRegistry.class)
				.get("healthmon.speed.waiting.files")
				.gauge()
				.value()).isEqualTo(2);

			// the batch layer counts the late file; the batch-only one is the brute
			// force's blind spot, and never in a realtime set either
			player.runFully();
			raw.publish("ingest-1", 11, 3, 0);
			app.runOnce();
			assertThat(reader.check().batchVersion()).isEqualTo(1);
		}
	}

}
