package org.healthmon.importer;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.healthmon.model.StorageLayout;

/**
 * Where an import keeps its state in the store ({@code StorageLayout.importsDir()}):
 *
 * <pre>
 * imports/{node}.json                 the ledger ({@link Ledger})
 * imports/{node}/staging/{node}-{seq}.csv   files written, not yet published
 * imports/{node}/catalog.json         the import's catalog, until it is published
 * imports/{node}/rejected.tsv         examples of the rejected records
 * </pre>
 *
 * Small files are replaced atomically: written to a hidden name, then renamed over the
 * target.
 */
final class ImportStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FileSystem fs;

	private final FileContext files;

	private final StorageLayout layout;

	ImportStore(FileSystem fs, StorageLayout layout) throws IOException {
		this.fs = fs;
		// FileContext renames with OVERWRITE atomically on HDFS; FileSystem cannot
		// replace
		this.files = FileContext.getFileContext(fs.getUri(), fs.getConf());
		this.layout = layout;
	}

	FileSystem fs() {
		return this.fs;
	}

	FileContext files() {
		return this.files;
	}

	Path ledger(String node) {
		return new Path(this.layout.importsDir(), node + ".json");
	}

	Path dir(String node) {
		return new Path(this.layout.importsDir(), node);
	}

	Path staging(String node) {
		return new Path(dir(node), "staging");
	}

	Path stagedCatalog(String node) {
		return new Path(dir(node), "catalog.json");
	}

	Path rejectedReport(String node) {
		return new Path(dir(node), "rejected.tsv");
	}

	/** The ledger of an import, or empty when it never started. */
	Optional<Ledger> read(String node) throws IOException {
		return read(ledger(node));
	}

	private Optional<Ledger> read(Path file) throws IOException {
		try (InputStream in = this.fs.open(file)) {
			return Optional.of(JSON.readValue(in.readAllBytes(), Ledger.class));
		}
		catch (FileNotFoundException ex) {
			return Optional.empty();
		}
		catch (JacksonException ex) {
			throw new IOException("unreadable import ledger " + file + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** The ledgers of every import. */
	List<Ledger> all() throws IOException {
		List<Ledger> ledgers = new ArrayList<>();
		FileStatus[] found = this.fs.globStatus(new Path(this.layout.importsDir(), "*.json"));
		for (FileStatus status : (found != null) ? found : new FileStatus[0]) {
			read(status.getPath()).ifPresent(ledgers::add);
		}
		return ledgers;
	}

	void write(Ledger ledger) throws IOException {
		replace(ledger(ledger.node()), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(ledger));
	}

	/** Writes a small file whole, replacing what was there atomically. */
	void replace(Path file, byte[] bytes) throws IOException {
		Path temporary = new Path(file.getParent(), "_" + file.getName() + ".tmp");
		try (FSDataOutputStream out = this.fs.create(temporary, true)) {
			out.write(bytes);
		}
		this.files.rename(temporary, file, Options.Rename.OVERWRITE);
	}

}
