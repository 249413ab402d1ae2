package org.healthmon.ingest.catalog;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

import org.healthmon.model.ServiceCatalog;

/**
 * The catalog's file in the store ({@code StorageLayout.catalogFile(nodeId)}). Written to
 * a hidden temporary name and renamed over the old file, so that a reader sees either the
 * old or the new catalog, never half of one.
 */
class CatalogFile {

	private final FileSystem fs;

	private final FileContext files;

	private final Path file;

	private final Path temporary;

	CatalogFile(FileSystem fs, String file, String nodeId) throws IOException {
		this.fs = fs;
		// FileContext renames with OVERWRITE atomically on HDFS; FileSystem cannot
		// replace
		this.files = FileContext.getFileContext(fs.getUri(), fs.getConf());
		this.file = new Path(file);
		// hidden from jobs (leading '_'), one per node so that nodes never share it
		this.temporary = new Path(this.file.getParent(), "_" + this.file.getName() + "." + nodeId + ".tmp");
	}

	Path path() {
		return this.file;
	}

	/** The persisted catalog, or empty when none was written yet. */
	Optional<byte[]> read() throws IOException {
		try (InputStream in = this.fs.open(this.file)) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			return Optional.of(bytes.toByteArray());
		}
		catch (FileNotFoundException ex) {
			return Optional.empty();
		}
	}

	void write(ServiceCatalog catalog) throws IOException {
		byte[] json = catalog.toJson();
		try (FSDataOutputStream out = this.fs.create(this.temporary, true)) {
			out.write(json);
		}
		this.files.rename(this.temporary, this.file, Options.Rename.OVERWRITE);
	}

	/** Moves an unreadable catalog aside, keeping it as evidence, and returns where. */
	Path moveAside(long nowMs) throws IOException {
		Path aside = new Path(this.file.getParent(), "_" + this.file.getName() + ".unreadable-" + nowMs);
		this.files.rename(this.file, aside);
		return aside;
	}

}
