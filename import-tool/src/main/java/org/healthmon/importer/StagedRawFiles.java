package org.healthmon.importer;

import java.io.Closeable;
import java.io.IOException;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import org.healthmon.model.RawFileName;
import org.healthmon.model.SequencedFileName;

/**
 * The import's raw files in its staging directory, numbered densely from 1 with the
 * import node's sequence: {@code <node>-<seq>.csv}, the names they are published under.
 * Takes chunks of whole raw lines from the readers ({@link ImportRun}), one chunk at a
 * time, and opens the next file when a chunk would take the current one past
 * {@code fileSize}. Thread-safe.
 */
final class StagedRawFiles implements Closeable {

	private static final int BUFFER = 1 << 20;

	private final FileSystem fs;

	private final Path dir;

	private final String node;

	private final long fileSize;

	private FSDataOutputStream out;

	private long inFile;

	private long seq;

	StagedRawFiles(FileSystem fs, Path dir, String node, long fileSize) {
		this.fs = fs;
		this.dir = dir;
		this.node = node;
		this.fileSize = fileSize;
	}

	/** The name a file of the import node is staged and published under. */
	static String name(String node, long seq) {
		return new SequencedFileName(node, seq, RawFileName.EXTENSION).published();
	}

	/** The size of the chunks to hand in: at most an eighth of a file, at most 1 MiB. */
	int chunkSize() {
		return (int) Math.max(4096, Math.min(BUFFER, this.fileSize / 8));
	}

	/** Appends a chunk of whole lines, in a new file when the current one is full. */
	synchronized void write(byte[] chunk, int length) throws IOException {
		if (length == 0) {
			return;
		}
		if (this.out == null || (this.inFile > 0 && this.inFile + length > this.fileSize)) {
			closeFile();
			this.seq++;
			this.out = this.fs.create(new Path(this.dir, name(this.node, this.seq)), false, BUFFER);
			this.inFile = 0;
		}
		this.out.write(chunk, 0, length);
		this.inFile += length;
	}

	private void closeFile() throws IOException {
		if (this.out != null) {
			this.out.close();
			this.out = null;
		}
	}

	/** The files written: their sequences are 1 to this. */
	synchronized long files() {
		return this.seq;
	}

	/** Closes the last file; every staged file is then complete. */
	@Override
	public synchronized void close() throws IOException {
		closeFile();
	}

}
