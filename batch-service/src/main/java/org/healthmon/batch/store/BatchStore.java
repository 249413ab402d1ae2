package org.healthmon.batch.store;

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
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawWindow;
import org.healthmon.model.SegmentIndex;
import org.healthmon.model.StorageLayout;

/**
 * The batch layer's view of the store: listing raw partitions, reading and atomically
 * replacing manifests and segment indexes, and moving directories.
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

	/** One listing of the published raw files in a window's partitions. */
	public RawFileSet listRaw(RawWindow window) throws IOException {
		return RawFileSet.of(window.list(this.layout, this::children));
	}

	/** The paths of a directory's entries, none when it does not exist. */
	public List<String> children(String dir) throws IOException {
		List<String> paths = new ArrayList<>();
		for (FileStatus status : list(dir)) {
			paths.add(status.getPath().toUri().getPath());
		}
		return paths;
	}

	public Optional<BatchManifest> batchManifest() throws IOException {
		return manifest(this.layout.batchManifest());
	}

	public Optional<BatchManifest> previousBatchManifest() throws IOException {
		return manifest(this.layout.previousBatchManifest());
	}

	private Optional<BatchManifest> manifest(String path) throws IOException {
		Optional<byte[]> bytes = read(path);
		return bytes.isPresent() ? Optional.of(BatchManifest.fromJson(bytes.get())) : Optional.empty();
	}

	/**
	 * The segments of a version. A version written before segments existed reads as one
	 * segment of every day: the Parquet files of its directory.
	 */
	public SegmentIndex segmentIndex(BatchManifest manifest) throws IOException {
		if (manifest.isSegmented()) {
			byte[] bytes = read(manifest.index())
				.orElseThrow(() -> new FileNotFoundException("segment index " + manifest.index() + " is missing"));
			return SegmentIndex.fromJson(bytes);
		}
		List<String> files = new ArrayList<>();
		for (FileStatus status : list(manifest.path())) {
			if (status.isFile() && status.getPath().getName().endsWith(".parquet")) {
				files.add(status.getPath().toUri().getPath());
			}
		}
		if (files.isEmpty()) {
			return new SegmentIndex(manifest.version(), List.of());
		}
		return new SegmentIndex(manifest.version(), List.of(new SegmentIndex.Segment(SegmentIndex.Segment.ALL_DAYS,
				files, manifest.rows(), manifest.minMinute(), manifest.maxMinute())));
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

	/** Renames a file or directory to a name that must not exist yet. */
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

}
