package org.healthmon.batch.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawWindow;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on the local file system (the same code runs on HDFS in the ITs). */
class BatchStoreTests {

	@TempDir
	Path dir;

	@Test
	void whenAManifestIsReplacedThenOnlyTheNewContentRemains() throws Exception {
		BatchStore store = store();
		String path = store.layout().batchManifest();

		store.writeAtomically(path, "old".getBytes(StandardCharsets.UTF_8));
		store.writeAtomically(path, "new".getBytes(StandardCharsets.UTF_8));

		assertThat(store.read(path)).hasValueSatisfying((b) -> assertThat(new String(b)).isEqualTo("new"));
		try (var files = Files.list(this.dir.resolve("manifests"))) {
			assertThat(files.map((p) -> p.getFileName().toString()).filter((n) -> !n.startsWith(".")))
				.containsExactly("batch.json");
		}
	}

	@Test
	void whenRawFilesAreListedThenOpenFilesAndOtherNamesAreLeftOut() throws Exception {
		BatchStore store = store();
		Path partition = this.dir.resolve("raw/date=2026-11-22/hour=05");
		Files.createDirectories(partition);
		for (String name : new String[] { "ingest-1-000000000000.csv", "ingest-1-000000000001.csv",
				"_ingest-1-000000000002.csv", "ingest-2-000000000007.csv", "notes.txt" }) {
			Files.writeString(partition.resolve(name), "x\n");
		}

		RawFileSet listing = store.listRaw(RawWindow.ALL);

		assertThat(listing.files()).hasSize(3);
		assertThat(listing.highest()).isEqualTo(Cutoff.NONE.with("ingest-1", 1).with("ingest-2", 7));
	}

	@Test
	void whenTheStoreIsEmptyThenThereIsNoManifestAndNoRawFile() throws Exception {
		BatchStore store = store();
		assertThat(store.batchManifest()).isEmpty();
		assertThat(store.listRaw(RawWindow.ALL).files()).isEmpty();
	}

	private BatchStore store() throws Exception {
		FileSystem fs = FileSystem.getLocal(new Configuration()).getRaw();
		return new BatchStore(fs, new StorageLayout(this.dir.toAbsolutePath().toString()));
	}

}
