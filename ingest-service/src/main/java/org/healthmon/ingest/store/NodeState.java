package org.healthmon.ingest.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.healthmon.model.SequencedFileName;

/**
 * What one store of this ingest node keeps on local disk so that a restart continues
 * exactly: the last sequence number used, the HDFS file open right now, orphaned HDFS
 * files still to recover, and spool segments still to replay. Every change is written to
 * a temporary file, forced to disk and moved into place.
 */
final class NodeState {

	private final Path dir;

	private final Path segmentsDir;

	private final Path orphansDir;

	NodeState(Path dir) {
		this.dir = dir;
		this.segmentsDir = dir.resolve("segments");
		this.orphansDir = dir.resolve("orphans");
		try {
			Files.createDirectories(this.segmentsDir);
			Files.createDirectories(this.orphansDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the spool directory " + dir, ex);
		}
	}

	Path dir() {
		return this.dir;
	}

	Path segmentsDir() {
		return this.segmentsDir;
	}

	/** The next sequence number: above every one used before, seeded from the clock. */
	long nextSeq(long nowMs) throws IOException {
		long last = readLong(this.dir.resolve("last-seq"));
		for (Orphan orphan : orphans()) {
			last = Math.max(last, orphan.name().seq());
		}
		for (SpoolSegment.Stored segment : segments()) {
			last = Math.max(last, segment.name().seq());
		}
		// Clock-seeded, so a node that lost its local state still numbers above its past
		long next = Math.max(last + 1, nowMs);
		writeAtomically(this.dir.resolve("last-seq"), Long.toString(next));
		return next;
	}

	/**
	 * Records the HDFS file now open, so that a crash leaves it as an orphan to recover.
	 */
	void opened(String directory, SequencedFileName name) throws IOException {
		writeAtomically(this.dir.resolve("open.properties"), new Orphan(directory, name, Orphan.UNKNOWN).text());
	}

	void published() throws IOException {
		Files.deleteIfExists(this.dir.resolve("open.properties"));
	}

	/** The file open when the node stopped without publishing it, if any. */
	Orphan crashedOpenFile() throws IOException {
		Path open = this.dir.resolve("open.properties");
		return Files.exists(open) ? Orphan.parse(Files.readString(open)) : null;
	}

	void addOrphan(Orphan orphan) throws IOException {
		writeAtomically(this.orphansDir.resolve(orphan.name().seq() + ".properties"), orphan.text());
		published();
	}

	void removeOrphan(Orphan orphan) throws IOException {
		Files.deleteIfExists(this.orphansDir.resolve(orphan.name().seq() + ".properties"));
	}

	List<Orphan> orphans() throws IOException {
		List<Orphan> orphans = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.orphansDir)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".properties")).toList()) {
				orphans.add(Orphan.parse(Files.readString(file)));
			}
		}
		orphans.sort(Comparator.comparingLong((o) -> o.name().seq()));
		return orphans;
	}

	List<SpoolSegment.Stored> segments() throws IOException {
		try (Stream<Path> files = Files.walk(this.segmentsDir)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> SpoolSegment.Stored.of(this.segmentsDir, file))
				.flatMap(java.util.Optional::stream)
				.sorted(Comparator.comparingLong((s) -> s.name().seq()))
				.toList();
		}
	}

	private static long readLong(Path file) throws IOException {
		return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : -1;
	}

	static void writeAtomically(Path file, String text) throws IOException {
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
		Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * An HDFS file left open by a failure: its first {@code trustedLength} bytes are
	 * known to be hflushed and belong in the store; anything after them went to the spool
	 * (or, after a crash, is cut at the last complete line).
	 *
	 * @param directory the HDFS directory of the file
	 * @param name its name
	 * @param trustedLength bytes known durable, or {@link #UNKNOWN} after a crash
	 */
	record Orphan(String directory, SequencedFileName name, long trustedLength) implements Pending {

		static final long UNKNOWN = -1;

		@Override
		public long seq() {
			return this.name.seq();
		}

		/** Published up to its trusted length, then no longer listed. */
		@Override
		public long recover(StoreRecovery recovery, NodeState state) throws IOException {
			recovery.publishOrphan(this);
			state.removeOrphan(this);
			return 0;
		}

		String text() {
			return "directory=" + this.directory + "\nnode=" + this.name.nodeId() + "\nseq=" + this.name.seq()
					+ "\nextension=" + this.name.extension() + "\ntrustedLength=" + this.trustedLength + "\n";
		}

		static Orphan parse(String text) throws IOException {
			Properties p = new Properties();
			p.load(new java.io.StringReader(text));
			SequencedFileName name = new SequencedFileName(p.getProperty("node"), Long.parseLong(p.getProperty("seq")),
					p.getProperty("extension"));
			return new Orphan(p.getProperty("directory"), name, Long.parseLong(p.getProperty("trustedLength")));
		}

	}

}
