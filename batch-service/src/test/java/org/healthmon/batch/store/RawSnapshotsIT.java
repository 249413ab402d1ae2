package org.healthmon.batch.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawWindow;
import org.healthmon.model.StorageLayout;
import org.healthmon.testsupport.CountingFileSystem;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the HDFS snapshot-diff semantics late-file detection relies on
 * (docs/architecture.md §4.5): a file published by any of the ways writers publish
 * ({@code -put}'s {@code ._COPYING_} rename, a hidden name renamed, a rename from outside
 * {@code raw/}) reports as created under its published name; so does a compaction; a new
 * partition reports as a directory, whose files are listed in the later snapshot;
 * deletions and renames inside {@code raw/} do not, and foreign names are only counted.
 */
class RawSnapshotsIT {

	private static final long HOUR = 3_600_000L;

	@TempDir
	Path clusterDir;

	@Test
	void whenFilesArePublishedInEveryWayThenTheDiffNamesExactlyTheCreatedRawFiles() throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(this.clusterDir, 1)) {
			StorageLayout layout = new StorageLayout("/snapshots");
			FileSystem fs = hdfs.fs();
			// a filter file system, as in the listing tests: detection looks through it
			BatchStore store = new BatchStore(new CountingFileSystem(fs), layout);
			RawSnapshots snapshots = new RawSnapshots(store, true);
			assertThat(snapshots.enable()).isTrue();
			assertThat(snapshots.detection()).isEqualTo("snapshot-diff");

			long hour = StorageLayout.hourOf(System.currentTimeMillis());
			String p1 = layout.rawPartition(hour);
			RawPublisher publisher = new RawPublisher(fs, layout);
			String deleted = publisher.publish("ingest-1", 1, hour, List.of("x"));
			String moved = publisher.publish("ingest-1", 5, hour, List.of("x"));
			write(fs, p1 + "/_ingest-1-000000000006.csv");
			String base = snapshots.create(1, "run-one-0000");
			// written before the base, published after it
			fs.rename(path(p1 + "/_ingest-1-000000000006.csv"), path(p1 + "/ingest-1-000000000006.csv"));

			write(fs, p1 + "/ingest-1-000000000002.csv._COPYING_");
			fs.rename(path(p1 + "/ingest-1-000000000002.csv._COPYING_"), path(p1 + "/ingest-1-000000000002.csv"));
			String hidden = publisher.publish("ingest-1", 3, hour, List.of("x"));
			write(fs, layout.root() + "/imports/ingest-1-000000000004.csv");
			fs.rename(path(layout.root() + "/imports/ingest-1-000000000004.csv"),
					path(p1 + "/ingest-1-000000000004.csv"));
			String newPartition = publisher.publish("ingest-2", 1, hour - 2 * StorageLayout.DAY_MS, List.of("x"));
			String newHour = publisher.publish("ingest-2", 2, hour + HOUR, List.of("x"));
			String compaction = p1 + "/" + RawFileName.compaction("ingest-1", 1, 3).published();
			write(fs, compaction);
			fs.delete(path(deleted), false);
			fs.rename(path(moved), path(p1 + "/" + RawFileName.LATE_NODE + "-000000000001.csv"));
			write(fs, p1 + "/notes.txt");
			write(fs, p1 + "/_ingest-1-000000000009.csv");
			String later = snapshots.create(2, "run-two-0000");

			RawSnapshots.Created created = snapshots.created(base, later);
			assertThat(created.paths()).containsExactlyInAnyOrder(p1 + "/ingest-1-000000000002.csv", hidden,
					p1 + "/ingest-1-000000000004.csv", p1 + "/ingest-1-000000000006.csv", newPartition, newHour,
					compaction);
			assertThat(created.ignored()).as("notes.txt").isEqualTo(1);
			assertThat(snapshots.list(later, RawWindow.ALL)).as("live paths, as the later snapshot holds them")
				.contains(hidden, newPartition, compaction)
				.doesNotContain(deleted)
				.allMatch((p) -> p.startsWith(layout.rawDir() + "/date="));
			assertThat(snapshots.names(base, p1)).containsExactlyInAnyOrder("ingest-1-000000000001.csv",
					"ingest-1-000000000005.csv", "_ingest-1-000000000006.csv");

			snapshots.deleteAllBut(later);
			assertThat(snapshots.exists(base)).isFalse();
			assertThat(snapshots.exists(later)).isTrue();
			snapshots.delete(later);
			assertThat(snapshots.exists(later)).isFalse();
		}
	}

	private static void write(FileSystem fs, String file) throws IOException {
		try (OutputStream out = fs.create(path(file), false)) {
			out.write("x\n".getBytes(StandardCharsets.UTF_8));
		}
	}

	private static org.apache.hadoop.fs.Path path(String file) {
		return new org.apache.hadoop.fs.Path(file);
	}

}
