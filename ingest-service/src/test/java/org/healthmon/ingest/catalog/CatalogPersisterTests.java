package org.healthmon.ingest.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.ingest.store.RawTally;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;
import org.healthmon.model.SequencedFileName;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's persistence, through Hadoop's FileSystem API on the local disk. */
class CatalogPersisterTests {

	private static final long NOW = 1_763_789_462_000L;

	private static final long HOUR = StorageLayout.hourOf(NOW);

	/** Stands for the raw partition of NOW's hour in file names given to write. */
	private static final String HOUR_DIR = "HOUR";

	@TempDir
	Path dir;

	private FileSystem fs;

	private StorageLayout layout;

	@BeforeEach
	void fileSystem() throws IOException {
		this.fs = FileSystem.newInstance(URI.create("file:///"), new Configuration());
		this.layout = new StorageLayout(this.dir.resolve("store").toString());
	}

	@AfterEach
	void close() throws IOException {
		this.fs.close();
	}

	@Test
	void whenPersistedThenTheFileHoldsTheCatalogAndNoTemporaryFileIsLeft() throws IOException {
		LiveCatalog catalog = new LiveCatalog(64);
		CatalogPersister persister = persister(catalog, NOW);
		persister.persist();
		catalog.admit(message("orders", 1), NOW);
		catalog.admit(message("orders", 3), NOW + 1);
		catalog.published(5, rawFile(5, line("orders", NOW), line("orders", NOW + 1)), tally("orders", NOW, NOW + 1));

		persister.persist();

		ServiceCatalog persisted = ServiceCatalog.fromJson(Files.readAllBytes(catalogFile()));
		assertThat(persisted.nodeId()).isEqualTo("ingest-1");
		assertThat(persisted.services())
			.containsExactly(new ServiceCatalog.Entry("orders", NOW, NOW + 1, 2, 1, 0, 3, NOW + 3, 2));
		assertThat(persisted.raw()).isEqualTo(new ServiceCatalog.RawProgress(5, HOUR));
		try (var files = Files.list(catalogFile().getParent())) {
			assertThat(files.map((f) -> f.getFileName().toString()).filter((n) -> !n.endsWith(".crc")))
				.containsExactly("ingest-1.json");
		}
	}

	@Test
	void whenIngestDiesAfterASaveThenTheNextStartCountsTheRawFilesPublishedSinceAndContinuesTheSequences()
			throws IOException {
		LiveCatalog before = new LiveCatalog(64);
		CatalogPersister first = persister(before, NOW);
		first.persist();
		for (long seq = 1; seq <= 3; seq++) {
			before.admit(message("orders", seq), NOW);
		}
		before.published(7, rawFile(7, line("orders", NOW), line("orders", NOW), line("orders", NOW)),
				tally("orders", NOW, NOW, NOW));
		first.persist();
		// after the save: seq 4 and 5 arrive and are published, then the process dies
		rawFile(8, line("orders", NOW + 10), line("orders", NOW + 11), line("billing", NOW + 12));
		// a file of another node, and a hidden (unpublished) one: neither is this node's
		write(HOUR_DIR + "/ingest-2-000000000009.csv", line("orders", NOW + 13));
		write(HOUR_DIR + "/_ingest-1-000000000010.csv", line("orders", NOW + 14));

		LiveCatalog after = new LiveCatalog(64);
		CatalogPersister restarted = persister(after, NOW + 1_000);
		restarted.persist();
		// seq 6 to 8 were sent while ingest was down
		assertThat(after.admit(message("orders", 9), NOW + 2_000).accepted()).isTrue();
		assertThat(after.admit(message("orders", 5), NOW + 2_001).accepted()).as("a duplicate of the last run's")
			.isFalse();

		ServiceCatalog snapshot = after.snapshot("ingest-1", NOW + 2_000);
		assertThat(snapshot.services()).containsExactly(
				new ServiceCatalog.Entry("billing", NOW + 12, NOW + 12, 1, 0, 0, HealthMessage.NO_SEQ, 0, 1),
				new ServiceCatalog.Entry("orders", NOW, NOW + 11, 5, 3, 1, 9, NOW + 9, 6));
		assertThat(snapshot.raw().cutoff()).isEqualTo(8);
		assertThat(restarted.health().getStatus()).isEqualTo(Status.UP);
		assertThat(restarted.health().getDetails()).containsEntry("loaded", true);
	}

	@Test
	void whenAFileIsToldOfAgainOrOutOfTheWindowThenItCountsOnce() throws IOException {
		LiveCatalog catalog = new LiveCatalog(64);
		CatalogPersister persister = persister(catalog, NOW);
		persister.persist();
		String path = rawFile(3, line("a", NOW));
		catalog.published(3, path, tally("a", NOW));
		// recovery tells of a file it found published (it cannot know it was told)
		catalog.published(3, path, null);
		catalog.published(2, rawFile(2, line("a", NOW)), null);
		persister.persist();

		assertThat(catalog.snapshot("n", NOW).services()).singleElement()
			.satisfies((entry) -> assertThat(entry.messages()).isEqualTo(1));
	}

	@Test
	void whenThereIsNoCatalogThenItIsRebuiltFromTheWholeRawStore() throws IOException {
		rawFile(1, line("a", NOW), line("b", NOW));
		rawFile(2, line("a", NOW + 1));
		LiveCatalog catalog = new LiveCatalog(64);

		persister(catalog, NOW + 5).persist();

		assertThat(catalog.snapshot("n", NOW).services()).extracting(ServiceCatalog.Entry::messages)
			.containsExactly(2L, 1L);
	}

	@Test
	void whenThePersistedCatalogIsUnreadableThenItIsKeptAsideAndANewOneWritten() throws IOException {
		Files.createDirectories(catalogFile().getParent());
		Files.writeString(catalogFile(), "{ half a catal", StandardCharsets.UTF_8);
		rawFile(1, line("orders", NOW));
		LiveCatalog catalog = new LiveCatalog(64);

		persister(catalog, NOW).persist();

		assertThat(ServiceCatalog.fromJson(Files.readAllBytes(catalogFile())).services()).hasSize(1);
		try (var files = Files.list(catalogFile().getParent())) {
			assertThat(files.map((f) -> f.getFileName().toString()))
				.anySatisfy((name) -> assertThat(name).startsWith("_ingest-1.json.unreadable-"));
		}
	}

	@Test
	void whenTheStoreRefusesTheWriteThenHealthSaysSoAndNothingIsThrown() throws IOException {
		// a file where the catalog's directory should be
		Files.createDirectories(this.dir.resolve("store"));
		Files.writeString(this.dir.resolve("store/catalog"), "not a directory");
		CatalogPersister persister = persister(new LiveCatalog(64), NOW);

		persister.persist();

		assertThat(persister.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(persister.health().getDetails()).containsKey("error");
	}

	private CatalogPersister persister(LiveCatalog catalog, long startedAtMs) throws IOException {
		CatalogFile file = new CatalogFile(this.fs, this.layout.catalogFile("ingest-1"), "ingest-1");
		RawReconcile reconcile = new RawReconcile(this.fs, this.layout, "ingest-1", startedAtMs);
		return new CatalogPersister(catalog, file, "ingest-1", Duration.ofSeconds(10),
				Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), reconcile, () -> true);
	}

	/** A published raw file of this node in the hour of NOW; returns its path. */
	private String rawFile(long seq, String... lines) throws IOException {
		return write(HOUR_DIR + "/" + new SequencedFileName("ingest-1", seq, "csv").published(), lines);
	}

	private String write(String name, String... lines) throws IOException {
		Path file = Path.of(this.layout.rawPartition(NOW)).resolve(name.substring(HOUR_DIR.length() + 1));
		Files.createDirectories(file.getParent());
		Files.writeString(file, String.join("", lines), StandardCharsets.ISO_8859_1);
		return file.toString();
	}

	private static String line(String service, long arrivalMs) {
		StringBuilder line = RawCsv.append(new StringBuilder(), new RawRecord(message(service, 1), arrivalMs));
		return line.toString();
	}

	private static RawTally tally(String service, long... arrivals) {
		RawTally tally = new RawTally();
		for (long arrival : arrivals) {
			tally.add(service, arrival);
		}
		return tally;
	}

	private Path catalogFile() {
		return Path.of(this.layout.catalogFile("ingest-1"));
	}

	private static HealthMessage message(String service, long seq) {
		return new HealthMessage(service, NOW + Math.max(seq, 0), 10.0, 16.0, 8.0, 512.0, 256.0, seq);
	}

}
