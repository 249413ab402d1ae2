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
import org.healthmon.model.HealthMessage;
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
		catalog.admit(message("orders", 1), NOW);
		catalog.admit(message("orders", 3), NOW + 1);

		persister(catalog).persist();

		ServiceCatalog persisted = ServiceCatalog.fromJson(Files.readAllBytes(catalogFile()));
		assertThat(persisted.nodeId()).isEqualTo("ingest-1");
		assertThat(persisted.services()).containsExactly(new ServiceCatalog.Entry("orders", NOW, NOW + 1, 2, 1, 0));
		try (var files = Files.list(catalogFile().getParent())) {
			assertThat(files.map((f) -> f.getFileName().toString()).filter((n) -> !n.endsWith(".crc")))
				.containsExactly("ingest-1.json");
		}
	}

	@Test
	void whenTheServiceRestartsThenItsCountersContinueFromThePersistedCatalog() throws IOException {
		LiveCatalog before = new LiveCatalog(64);
		before.admit(message("orders", 1), NOW);
		before.admit(message("orders", 1), NOW + 1);
		persister(before).persist();

		LiveCatalog after = new LiveCatalog(64);
		after.admit(message("orders", 7), NOW + 100);
		CatalogPersister persister = persister(after);
		persister.persist();

		assertThat(after.snapshot("n", NOW).services())
			.containsExactly(new ServiceCatalog.Entry("orders", NOW, NOW + 100, 2, 0, 1));
		assertThat(persister.health().getStatus()).isEqualTo(Status.UP);
		assertThat(persister.health().getDetails()).containsEntry("loaded", true).containsEntry("services", 1);
	}

	@Test
	void whenThePersistedCatalogIsUnreadableThenItIsKeptAsideAndANewOneWritten() throws IOException {
		Files.createDirectories(catalogFile().getParent());
		Files.writeString(catalogFile(), "{ half a catal", StandardCharsets.UTF_8);
		LiveCatalog catalog = new LiveCatalog(64);
		catalog.admit(message("orders", HealthMessage.NO_SEQ), NOW);

		persister(catalog).persist();

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
		CatalogPersister persister = persister(new LiveCatalog(64));

		persister.persist();

		assertThat(persister.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(persister.health().getDetails()).containsKey("error");
	}

	private CatalogPersister persister(LiveCatalog catalog) throws IOException {
		CatalogFile file = new CatalogFile(this.fs, this.layout.catalogFile("ingest-1"), "ingest-1");
		return new CatalogPersister(catalog, file, "ingest-1", Duration.ofSeconds(10),
				Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
	}

	private Path catalogFile() {
		return Path.of(this.layout.catalogFile("ingest-1"));
	}

	private static HealthMessage message(String service, long seq) {
		return new HealthMessage(service, NOW + Math.max(seq, 0), 10.0, 16.0, 8.0, 512.0, 256.0, seq);
	}

}
