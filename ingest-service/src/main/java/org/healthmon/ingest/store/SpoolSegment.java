package org.healthmon.ingest.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import org.healthmon.model.SequencedFileName;

/**
 * A local file holding accepted lines while HDFS is unavailable, counting each as
 * spooled. Its path under the spool mirrors where it will live in the store, so replay
 * needs no other bookkeeping.
 */
final class SpoolSegment extends Segment {

	private final FileChannel channel;

	private final OutputStream out;

	private final StoreMetrics metrics;

	private SpoolSegment(SequencedFileName name, long bucket, long openedAtMs, FileChannel channel,
			StoreMetrics metrics) {
		super(name, bucket, openedAtMs);
		this.channel = channel;
		this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
		this.metrics = metrics;
	}

	/** Opens a new segment for a store directory (relative to the store root). */
	static SpoolSegment create(Path segmentsDir, String storeDirectory, SequencedFileName name, long bucket,
			long openedAtMs, StoreMetrics metrics) throws IOException {
		Path file = segmentsDir.resolve(storeDirectory.substring(1)).resolve(name.published());
		Files.createDirectories(file.getParent());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		return new SpoolSegment(name, bucket, openedAtMs, channel, metrics);
	}

	/** Spooled lines are tallied when recovery publishes them, not here. */
	@Override
	void append(byte[] line, String service, long arrivalTimeMs) throws IOException {
		this.out.write(line);
		this.metrics.spooled();
	}

	@Override
	void flush() throws IOException {
		this.out.flush();
		this.channel.force(false);
	}

	@Override
	void publish() throws IOException {
		flush();
		this.out.close();
	}

	/** The local disk failed: there is nowhere else to put the lines. */
	@Override
	List<byte[]> failOver(IOException cause) throws IOException {
		throw cause;
	}

	@Override
	Segment closeForReplay() throws IOException {
		publish();
		return null;
	}

	/**
	 * A segment on disk waiting for replay.
	 *
	 * @param file the local file
	 * @param storeDirectory the absolute store directory it belongs in
	 * @param name its file name
	 */
	record Stored(Path file, String storeDirectory, SequencedFileName name) implements Pending {

		@Override
		public long seq() {
			return this.name.seq();
		}

		/** Uploaded and published, then deleted here. */
		@Override
		public long recover(StoreRecovery recovery, NodeState state) throws IOException {
			long lines = recovery.replay(this);
			Files.delete(this.file);
			return lines;
		}

		static Optional<Stored> of(Path segmentsDir, Path file) {
			return SequencedFileName.parse(file.getFileName().toString())
				.filter((parsed) -> !parsed.hidden())
				.map((parsed) -> new Stored(file, "/" + segmentsDir.relativize(file.getParent()).toString(),
						parsed.name()));
		}

	}

}
