package org.healthmon.batch.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.StorageLayout;

/**
 * The batch layer's view of the store: listing the raw files, reading and atomically
 * replacing manifests, and moving directories.
 */
public class BatchStore {

	private final FileSystem fs;

	private final FileContext files;

	private final StorageLayout layout;

	public BatchStore(FileSystem fs, StorageLayout layout) throws IOException {
		this.fs = fs;
		this.files = FileContext.getFileContext(fs.getUri(), fs.getConf());
		this.layout = layout;
	}

	public FileSystem fs() {
		return this.fs;
	}

	public StorageLayout layout() {
		return this.layout;
	}

	/** One listing of the published raw files (open files are left out by name). */
	public RawFileSet listRaw() throws IOException {
		List<String> paths = new ArrayList<>();
		Path raw = new Path(this.layout.rawDir());
		if (!this.fs.exists(raw)) {
			return RawFileSet.of(paths);
		}
		RemoteIterator<LocatedFileStatus> it = this.fs.listFiles(raw, true);
		while (it.hasNext()) {
			paths.add(it.next().getPath().toUri().getPath());
		}
		return RawFileSet.of(paths);
	}

	public Optional<BatchManifest> batchManifest() throws IOException {
		return read(this.layout.batchManifest()).map(BatchStore::parseBatch);
	}

	public Optional<BatchManifest> previousBatchManifest() throws IOException {
		return read(this.layout.previousBatchManifest()).map(BatchStore::parseBatch);
	}

	/** A small file's bytes, or empty when it does not exist. */
	public Optional<byte[]> read(String path) throws IOException {
		try (InputStream in = this.fs.open(new Path(path))) {
			return Optional.of(in.readAllBytes());
		}
		catch (FileNotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Replaces a small file atomically: readers see the old content or the new, never a
	 * partial one. Written to a hidden file in the same directory, then renamed over the
	 * target (atomic on HDFS).
	 */
	public void writeAtomically(String path, byte[] content) throws IOException {
		Path target = new Path(path);
		Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
		try (OutputStream out = this.fs.create(tmp, false)) {
			out.write(content);
		}
		try {
			this.files.rename(tmp, target, Options.Rename.OVERWRITE);
		}
		catch (IOException ex) {
			this.fs.delete(tmp, false);
			throw ex;
		}
	}

	/** Renames a directory to a name that must not exist yet. */
	public void rename(Path from, Path to) throws IOException {
		this.fs.mkdirs(to.getParent());
		this.files.rename(from, to, Options.Rename.NONE);
	}

	public boolean exists(String path) throws IOException {
		return this.fs.exists(new Path(path));
	}

	public boolean delete(String path) throws IOException {
		return this.fs.delete(new Path(path), true);
	}

	/** The entries of a directory, or none when it does not exist. */
	public FileStatus[] list(String dir) throws IOException {
		try {
			return this.fs.listStatus(new Path(dir));
		}
		catch (FileNotFoundException ex) {
			return new FileStatus[0];
		}
	}

	private static BatchManifest parseBatch(byte[] bytes) {
		try {
			return BatchManifest.fromJson(bytes);
		}
		catch (IOException ex) {
			throw new IllegalStateException("unreadable batch manifest: " + ex.getMessage(), ex);
		}
	}

}
