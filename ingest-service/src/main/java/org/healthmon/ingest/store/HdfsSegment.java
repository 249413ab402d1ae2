package org.healthmon.ingest.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.healthmon.model.SequencedFileName;

/**
 * An HDFS file being written under its hidden name; the node state names it as the open
 * file until it is published. It remembers the lines written since the last successful
 * hflush, so that on a failure they can go to the spool while the file, an orphan now,
 * keeps only its trusted (hflushed) length.
 */
final class HdfsSegment extends Segment {

	private final FileSystem fs;

	private final Path directory;

	private final FSDataOutputStream out;

	private final NodeState state;

	private final StoreMetrics metrics;

	private final List<byte[]> unflushed = new ArrayList<>();

	private long flushedBytes;

	private final RawPublishListener listener;

	/** The lines per service, for raw files (the lines come with their service). */
	private final RawTally tally = new RawTally();

	private HdfsSegment(FileSystem fs, Path directory, SequencedFileName name, long bucket, long openedAtMs,
			FSDataOutputStream out, NodeState state, StoreMetrics metrics, RawPublishListener listener) {
		super(name, bucket, openedAtMs);
		this.listener = listener;
		this.fs = fs;
		this.directory = directory;
		this.out = out;
		this.state = state;
		this.metrics = metrics;
	}

	/** Creates the hidden file; the node state already names it as the open file. */
	static HdfsSegment create(FileSystem fs, Path directory, SequencedFileName name, long bucket, long openedAtMs,
			short replication, NodeState state, StoreMetrics metrics, RawPublishListener listener) throws IOException {
		Path hidden = new Path(directory, name.hidden());
		FSDataOutputStream out = fs.create(hidden, false, 64 * 1024, replication, fs.getDefaultBlockSize(hidden));
		return new HdfsSegment(fs, directory, name, bucket, openedAtMs, out, state, metrics, listener);
	}

	@Override
	void append(byte[] line, String service, long arrivalTimeMs) throws IOException {
		this.unflushed.add(line);
		this.out.write(line);
		if (service != null) {
			this.tally.add(service, arrivalTimeMs);
		}
	}

	@Override
	void flush() throws IOException {
		this.out.hflush();
		this.flushedBytes = bytes();
		this.unflushed.clear();
	}

	/**
	 * Publishes by rename; the node state then forgets the open file, and the listener
	 * learns its lines. (Should the rename fail, or the process die before the listener
	 * hears of it, the file is an orphan, and recovery tells of it.)
	 */
	@Override
	void publish() throws IOException {
		flush();
		this.out.close();
		Path hidden = new Path(this.directory, name().hidden());
		Path published = new Path(this.directory, name().published());
		if (!this.fs.rename(hidden, published)) {
			throw new IOException("could not publish " + hidden + ": rename refused");
		}
		this.state.published();
		this.metrics.published(lines());
		this.listener.published(name().seq(), published.toUri().getPath(), this.tally);
	}

	@Override
	List<byte[]> failOver(IOException cause) throws IOException {
		abandon();
		this.state.addOrphan(new NodeState.Orphan(this.directory.toString(), name(), this.flushedBytes));
		return List.copyOf(this.unflushed);
	}

	@Override
	Segment closeForReplay() {
		return this;
	}

	/** After a failure: let go of the stream without caring whether that works. */
	private void abandon() {
		try {
			this.out.close();
		}
		catch (IOException | RuntimeException ex) {
			// Expected while HDFS is down; recovery trims the file to its trusted length
		}
	}

}
