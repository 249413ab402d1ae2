package org.healthmon.batch.upkeep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.SequencedFileName;

/**
 * One hour partition of the raw store, as {@link RawCompactor} works on it, listed once:
 * per node, its standing files at or below the bound become compactions (written hidden,
 * renamed into place), and the files a compaction replaced are deleted once its grace is
 * over. Where the published version's snapshot is known, only the files it holds are
 * touched: a file published late, even inside a compaction's range, is left for the next
 * run to adopt.
 */
final class RawHour {

	private static final Log log = LogFactory.getLog(RawHour.class);

	private final BatchStore store;

	private final String partition;

	/** The hour's files by path, as listed before this pass changed anything. */
	private final Map<String, FileStatus> statuses;

	/**
	 * The names of the files the versions count, or empty when every file may be used.
	 */
	private final Optional<Set<String>> counted;

	private RawHour(BatchStore store, String partition, Map<String, FileStatus> statuses,
			Optional<Set<String>> counted) {
		this.store = store;
		this.partition = partition;
		this.statuses = statuses;
		this.counted = counted;
	}

	/**
	 * Lists an hour.
	 * @param counted the names of the files the published version counts (its
	 * snapshot's), or empty when late-file detection is off
	 */
	static RawHour list(BatchStore store, String partition, Optional<Set<String>> counted) throws IOException {
		Map<String, FileStatus> statuses = new TreeMap<>();
		for (FileStatus status : store.list(partition)) {
			if (status.isFile()) {
				statuses.put(status.getPath().toUri().getPath(), status);
			}
		}
		return new RawHour(store, partition, statuses, counted);
	}

	/** Whether the versions count this file, so that it may be compacted or deleted. */
	private boolean isCounted(String path) {
		return this.counted.map((names) -> names.contains(this.statuses.get(path).getPath().getName())).orElse(true);
	}

	/**
	 * Compacts the hour: per node, its standing files at or below the bound, in groups of
	 * about the target size.
	 */
	Compacted compact(Cutoff bound, long targetBytes) throws IOException {
		Map<String, List<RawFileSet.RawFile>> byNode = new TreeMap<>();
		for (RawFileSet.RawFile file : RawFileSet.of(this.statuses.keySet()).files()) {
			byNode.computeIfAbsent(file.name().nodeId(), (n) -> new ArrayList<>()).add(file);
		}
		boolean done = true;
		int read = 0;
		int written = 0;
		for (Map.Entry<String, List<RawFileSet.RawFile>> node : byNode.entrySet()) {
			List<RawFileSet.RawFile> files = node.getValue()
				.stream()
				.filter((f) -> bound.covers(node.getKey(), f.name().last()) && isCounted(f.path()))
				.sorted(Comparator.comparingLong((RawFileSet.RawFile f) -> f.name().first()))
				.toList();
			done = done && files.size() == node.getValue().size();
			for (List<RawFileSet.RawFile> group : groups(files, targetBytes)) {
				if (group.size() > 1) {
					write(group);
					read += group.size();
					written++;
				}
			}
		}
		if (written > 0) {
			log.info("Compacted " + read + " raw files of " + this.partition + " into " + written);
		}
		return new Compacted(read, written, done);
	}

	/** Consecutive runs of files of about the target size together. */
	private List<List<RawFileSet.RawFile>> groups(List<RawFileSet.RawFile> files, long targetBytes) {
		List<List<RawFileSet.RawFile>> groups = new ArrayList<>();
		List<RawFileSet.RawFile> group = new ArrayList<>();
		long bytes = 0;
		for (RawFileSet.RawFile file : files) {
			long length = this.statuses.get(file.path()).getLen();
			if (!group.isEmpty() && bytes + length > targetBytes) {
				groups.add(group);
				group = new ArrayList<>();
				bytes = 0;
			}
			group.add(file);
			bytes += length;
		}
		if (!group.isEmpty()) {
			groups.add(group);
		}
		return groups;
	}

	/**
	 * Writes the files' lines, in sequence order, into their compaction: hidden first,
	 * then renamed into place. A compaction already in place was written whole by an
	 * earlier pass.
	 */
	private void write(List<RawFileSet.RawFile> group) throws IOException {
		RawFileName name = RawFileName.compaction(group.get(0).name().nodeId(), group.get(0).name().first(),
				group.get(group.size() - 1).name().last());
		Path published = new Path(this.partition, name.published());
		if (this.store.exists(published.toString())) {
			return;
		}
		Path hidden = new Path(this.partition, name.hidden());
		try (OutputStream out = this.store.fs().create(hidden, true)) {
			for (RawFileSet.RawFile file : group) {
				copyLines(file.path(), out);
			}
		}
		this.store.rename(hidden, published);
	}

	/** Copies a file; a last line without its newline gets one, so lines stay apart. */
	private void copyLines(String path, OutputStream out) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		int last = '\n';
		try (InputStream in = this.store.fs().open(new Path(path))) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				if (n > 0) {
					out.write(buffer, 0, n);
					last = buffer[n - 1];
				}
			}
		}
		if (last != '\n') {
			out.write('\n');
		}
	}

	/**
	 * Deletes the files that a compaction older than the grace period replaces, and
	 * hidden compactions a crashed pass left.
	 */
	Deleted deleteReplaced(long now, Duration grace) throws IOException {
		Set<String> standing = RawFileSet.of(this.statuses.keySet())
			.files()
			.stream()
			.map(RawFileSet.RawFile::path)
			.collect(Collectors.toSet());
		Map<String, RawFileName> compactions = new HashMap<>();
		this.statuses.forEach((path, status) -> RawFileName.parse(status.getPath().getName())
			.filter((name) -> name.compacted() && now - status.getModificationTime() >= grace.toMillis())
			.ifPresent((name) -> compactions.put(path, name)));
		int deleted = 0;
		int waiting = 0;
		for (Map.Entry<String, FileStatus> entry : this.statuses.entrySet()) {
			String fileName = entry.getValue().getPath().getName();
			Optional<RawFileName> name = RawFileName.parse(fileName);
			boolean replaced = name.isPresent() && !standing.contains(entry.getKey());
			boolean due = replaced && isCounted(entry.getKey())
					&& compactions.values().stream().anyMatch((c) -> c.contains(name.get()) && !c.equals(name.get()));
			boolean crashed = fileName.startsWith(SequencedFileName.HIDDEN_PREFIX)
					&& RawFileName.parse(fileName.substring(1)).filter(RawFileName::compacted).isPresent();
			boolean crashedLongAgo = crashed && now - entry.getValue().getModificationTime() >= grace.toMillis();
			if ((due || crashedLongAgo) && this.store.delete(entry.getKey())) {
				deleted++;
			}
			else if (replaced || crashed) {
				waiting++;
			}
		}
		return new Deleted(deleted, waiting);
	}

	/**
	 * What compacting an hour did.
	 *
	 * @param read files read into compactions
	 * @param written compactions written
	 * @param done whether every file of the hour was at or below the bound
	 */
	record Compacted(int read, int written, boolean done) {
	}

	/**
	 * What deleting an hour's replaced files did.
	 *
	 * @param files files deleted
	 * @param waiting replaced files (or crashed compactions) left for a later pass
	 */
	record Deleted(int files, int waiting) {
	}

}
