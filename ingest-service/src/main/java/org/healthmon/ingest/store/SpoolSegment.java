package org.healthmon.ingest.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.healthmon.model.SequencedFileName;

/**
 * A local file holding accepted lines while HDFS is unavailable. Its path under the spool
 * mirrors where it will live in the store, so replay needs no other bookkeeping.
 */
final class SpoolSegment extends Segment {

	private final FileChannel channel;

	private final OutputStream out;

	private SpoolSegment(SequencedFileName name, long bucket, long openedAtMs, FileChannel channel) {
		super(name, bucket, openedAtMs);
		this.channel = channel;
		this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
	}

	/** Opens a new segment for a store directory (relative to the store root). */
	static SpoolSegment create(Path segmentsDir, String storeDirectory, SequencedFileName name, long bucket,
			long openedAtMs) throws IOException {
		Path file = segmentsDir.resolve(storeDirectory.substring(1)).resolve(name.published());
		Files.createDirectories(file.getParent());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		return new SpoolSegment(name, bucket, openedAtMs, channel);
	}

	@Override
	void append(byte[] line) throws IOException {
		this.out.write(line);
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

	/**
	 * A segment on disk waiting for replay.
	 *
	 * @param file the local file
	 * @param storeDirectory the absolute store directory it belongs in
	 * @param name its file name
	 */
	record Stored(Path file, String storeDirectory, SequencedFileName name) {

		static Optional<Stored> of(Path segmentsDir, Path file) {
			return SequencedFileName.parse(file.getFileName().toString())
				.filter((parsed) -> !parsed.hidden())
				.map((parsed) -> new Stored(file, "/" + segmentsDir.relativize(file.getParent()).toString(),
						parsed.name()));
		}

	}

}
