package org.healthmon.importer;

import java.io.Closeable;
import java.io.IOException;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawRecord;
import org.healthmon.model.SequencedFileName;

/**
 * Writes the accepted records as raw CSV lines ({@link RawCsv}) into large files in the
 * import's staging directory, numbered densely from 1 with the import node's sequence:
 * {@code <node>-<seq>.csv}, the names they are published under. A file is closed once it
 * holds {@code fileSize} bytes. Not thread-safe.
 */
final class StagedRawFiles implements Closeable {

	private static final int BUFFER = 1 << 20;

	private final FileSystem fs;

	private final Path dir;

	private final String node;

	private final long fileSize;

	private final long ingestTimeMs;

	private final StringBuilder line = new StringBuilder(128);

	private final byte[] buffer = new byte[BUFFER];

	private int buffered;

	private FSDataOutputStream out;

	private long inFile;

	private long seq;

	/**
	 * @param ingestTimeMs the ingest time every line carries: the import's start
	 */
	StagedRawFiles(FileSystem fs, Path dir, String node, long fileSize, long ingestTimeMs) {
		this.fs = fs;
		this.dir = dir;
		this.node = node;
		this.fileSize = fileSize;
		this.ingestTimeMs = ingestTimeMs;
	}

	/** The name a file of the import node is staged and published under. */
	static String name(String node, long seq) {
		return new SequencedFileName(node, seq, RawFileName.EXTENSION).published();
	}

	/** Appends a record's line, in a new file when the current one is full. */
	void write(HealthMessage message) throws IOException {
		this.line.setLength(0);
		RawCsv.append(this.line, new RawRecord(message, this.ingestTimeMs));
		int length = this.line.length();
		if (this.out == null || (this.inFile > 0 && this.inFile + length > this.fileSize)) {
			roll();
		}
		if (this.buffered + length > BUFFER) {
			drain();
		}
		// service names and numbers are ASCII: one byte a char (as ingest's RawStore)
		for (int i = 0; i < length; i++) {
			this.buffer[this.buffered++] = (byte) this.line.charAt(i);
		}
		this.inFile += length;
	}

	private void roll() throws IOException {
		closeFile();
		this.seq++;
		this.out = this.fs.create(new Path(this.dir, name(this.node, this.seq)), false, BUFFER);
		this.inFile = 0;
	}

	private void drain() throws IOException {
		this.out.write(this.buffer, 0, this.buffered);
		this.buffered = 0;
	}

	private void closeFile() throws IOException {
		if (this.out != null) {
			drain();
			this.out.close();
			this.out = null;
		}
	}

	/** The files written: their sequences are 1 to this. */
	long files() {
		return this.seq;
	}

	/** Closes the last file; every staged file is then complete. */
	@Override
	public void close() throws IOException {
		closeFile();
	}

}
