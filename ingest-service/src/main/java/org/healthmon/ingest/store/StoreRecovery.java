package org.healthmon.ingest.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Brings HDFS up to date after an outage or a crash, exactly once: orphaned files are cut
 * to their trusted length and published, spool segments are uploaded and published, all
 * strictly in sequence order (so the sequence stays an exact cutoff). Every step can be
 * repeated after a failure or a restart without duplicating anything.
 */
final class StoreRecovery {

	private static final Log log = LogFactory.getLog(StoreRecovery.class);

	private static final int LEASE_RECOVERY_ATTEMPTS = 60;

	private final FileSystem fs;

	private final short replication;

	private final RawPublishListener listener;

	StoreRecovery(FileSystem fs, short replication, RawPublishListener listener) {
		this.fs = fs;
		this.replication = replication;
		this.listener = listener;
	}

	/**
	 * Recovers everything the node state lists.
	 * @return the lines made visible by replaying spool segments
	 */
	long recover(NodeState state) throws IOException {
		List<Pending> pending = new ArrayList<>(state.orphans());
		pending.addAll(state.segments());
		pending.sort(Comparator.comparingLong(Pending::seq));
		long replayed = 0;
		for (Pending item : pending) {
			replayed += item.recover(this, state);
		}
		return replayed;
	}

	/**
	 * Publishes an orphan up to its trusted length (after a crash: its last whole line).
	 */
	void publishOrphan(NodeState.Orphan orphan) throws IOException {
		Path dir = new Path(orphan.directory());
		Path hidden = new Path(dir, orphan.name().hidden());
		Path published = new Path(dir, orphan.name().published());
		if (this.fs.exists(published)) {
			// Published before the failure was noticed: told again, since whether the
			// listener heard of it before cannot be known
			published(orphan.seq(), published);
			return;
		}
		if (!this.fs.exists(hidden)) {
			// Never created: nothing to do
			return;
		}
		waitUntilClosed(hidden);
		long length = this.fs.getFileStatus(hidden).getLen();
		long keep = (orphan.trustedLength() == NodeState.Orphan.UNKNOWN) ? endOfLastLine(hidden, length)
				: orphan.trustedLength();
		if (length < keep) {
			log.error("HDFS lost hflushed data of " + hidden + ": " + length + " bytes left of " + keep
					+ " trusted; publishing what remains");
			keep = length;
		}
		if (keep == 0) {
			this.fs.delete(hidden, false);
			return;
		}
		if (length > keep) {
			cut(hidden, keep);
		}
		rename(hidden, published);
		log.info("Recovered " + published + " (" + keep + " bytes)");
		published(orphan.seq(), published);
	}

	private void waitUntilClosed(Path file) throws IOException {
		if (!(this.fs instanceof DistributedFileSystem dfs) || dfs.recoverLease(file)) {
			return;
		}
		for (int attempt = 0; attempt < LEASE_RECOVERY_ATTEMPTS; attempt++) {
			pause();
			if (dfs.isFileClosed(file)) {
				return;
			}
		}
		throw new IOException("lease recovery of " + file + " still pending; will retry");
	}

	/** Cuts a closed file to its first {@code keep} bytes. */
	private void cut(Path file, long keep) throws IOException {
		if (this.fs instanceof DistributedFileSystem) {
			if (!this.fs.truncate(file, keep)) {
				waitUntilClosed(file);
			}
			return;
		}
		Path copy = file.suffix(".cut");
		try (FSDataInputStream in = this.fs.open(file);
				FSDataOutputStream out = this.fs.create(copy, true, 64 * 1024, this.replication,
						this.fs.getDefaultBlockSize(copy))) {
			copy(in, out, keep);
		}
		this.fs.delete(file, false);
		rename(copy, file);
	}

	/** Uploads a spool segment and publishes it; returns its lines. */
	long replay(SpoolSegment.Stored segment) throws IOException {
		Path dir = new Path(segment.storeDirectory());
		Path hidden = new Path(dir, segment.name().hidden());
		Path published = new Path(dir, segment.name().published());
		if (this.fs.exists(published)) {
			// Replayed before a crash that came before the local delete
			published(segment.seq(), published);
			return 0;
		}
		long keep;
		long lines = 0;
		try (RandomAccessFile local = new RandomAccessFile(segment.file().toFile(), "r")) {
			keep = endOfLastLine(local);
		}
		try (InputStream in = Files.newInputStream(segment.file());
				FSDataOutputStream out = this.fs.create(hidden, true, 64 * 1024, this.replication,
						this.fs.getDefaultBlockSize(hidden))) {
			lines = copy(in, out, keep);
		}
		rename(hidden, published);
		log.info("Replayed spool segment " + segment.file() + " as " + published + " (" + lines + " lines)");
		published(segment.seq(), published);
		return lines;
	}

	/**
	 * Tells the listener; the file's lines are not known here, only the file has them.
	 */
	private void published(long seq, Path file) {
		this.listener.published(seq, file.toUri().getPath(), null);
	}

	private void rename(Path from, Path to) throws IOException {
		if (!this.fs.rename(from, to)) {
			throw new IOException("could not rename " + from + " to " + to);
		}
	}

	/** Copies {@code length} bytes and returns the number of newlines among them. */
	private static long copy(InputStream in, java.io.OutputStream out, long length) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long left = length;
		long lines = 0;
		while (left > 0) {
			int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (n < 0) {
				throw new IOException("file ended " + left + " bytes early");
			}
			for (int i = 0; i < n; i++) {
				lines += (buffer[i] == '\n') ? 1 : 0;
			}
			out.write(buffer, 0, n);
			left -= n;
		}
		return lines;
	}

	private long endOfLastLine(Path file, long length) throws IOException {
		try (FSDataInputStream in = this.fs.open(file)) {
			return endOfLastLine(length, (position, buffer, n) -> in.readFully(position, buffer, 0, n));
		}
	}

	private static long endOfLastLine(RandomAccessFile file) throws IOException {
		return endOfLastLine(file.length(), (position, buffer, n) -> {
			file.seek(position);
			file.readFully(buffer, 0, n);
		});
	}

	/** The length up to and including the last newline: a crash may leave half a line. */
	private static long endOfLastLine(long length, PositionedRead read) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long end = length;
		while (end > 0) {
			int n = (int) Math.min(buffer.length, end);
			read.read(end - n, buffer, n);
			for (int i = n - 1; i >= 0; i--) {
				if (buffer[i] == '\n') {
					return end - n + i + 1;
				}
			}
			end -= n;
		}
		return 0;
	}

	private static void pause() throws IOException {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for lease recovery", ex);
		}
	}

	@FunctionalInterface
	private interface PositionedRead {

		void read(long position, byte[] buffer, int length) throws IOException;

	}

}
