package org.healthmon.batch.upkeep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.SequencedFileName;
import org.healthmon.model.StorageLayout;

/**
 * Compacts closed hours of the raw store (docs/architecture.md §7): per node and hour
 * partition, the small files ingest published for freshness become one file, or one per
 * {@code target-size}, named by the sequence range it replaces
 * ({@link RawFileName#compaction}). The raw store stays the immutable master dataset: a
 * compaction is written under a hidden name and renamed into place, the files it replaces
 * are deleted only after the grace period, and a reader that sees both counts the
 * compaction alone ({@link RawFileSet}).
 *
 * <p>
 * Only files at or below the previous batch version's cutoff are compacted. Every live
 * reader starts above it (the current batch view, the realtime sets of both published
 * batch views, a pending run), so no reader ever needs part of a compaction, and the
 * batch view has counted every line in it already. An hour is compacted once it has been
 * closed for {@code close-after}; {@code batch/compaction-through} keeps where the
 * compactor has got to, so each run looks at the few hours that closed since, never at
 * the whole store.
 */
public class RawCompactor {

	private static final Log log = LogFactory.getLog(RawCompactor.class);

	private static final long HOUR = 3_600_000L;

	private final BatchStore store;

	private final BatchProperties.Compaction settings;

	private final Duration grace;

	private final Clock clock;

	public RawCompactor(BatchStore store, BatchProperties.Compaction settings, Duration grace, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.grace = grace;
		this.clock = clock;
	}

	/**
	 * Where the compactor keeps its progress: the first hour it has not compacted and the
	 * first that may still hold files a compaction replaced (epoch milliseconds).
	 */
	public String statePath() {
		return this.store.layout().root() + "/batch/compaction-through";
	}

	/**
	 * One pass: deletes the files compactions replaced once their grace is over, and
	 * compacts the hours closed since the last pass, up to {@code max-hours-per-run}; an
	 * hour still holding files above the bound is compacted up to the bound and looked at
	 * again by the next pass.
	 * @param previous the batch view before the published one; nothing is compacted
	 * before there is one
	 */
	public Result compact(Optional<BatchManifest> previous) throws IOException {
		Optional<long[]> saved = state();
		long now = this.clock.millis();
		long closedBefore = StorageLayout.hourOf(now - this.settings.closeAfter().toMillis());
		long oldest = saved.isPresent() ? 0 : oldestHour().orElse(closedBefore);
		long[] start = saved.orElse(new long[] { oldest, oldest });
		long through = start[0];
		long clean = start[1];
		long end = previous.isPresent()
				? Math.max(through, Math.min(closedBefore, through + this.settings.maxHoursPerRun() * HOUR)) : through;
		Result result = new Result(0, 0, 0, through);
		boolean compactionBlocked = false;
		boolean cleaningBlocked = false;
		for (long hour = clean; hour < end; hour += HOUR) {
			String partition = this.store.layout().rawPartition(hour);
			Map<String, FileStatus> statuses = statuses(partition);
			int[] deleted = deleteReplaced(statuses, now);
			result = result.plusDeleted(deleted[0]);
			if (hour >= through) {
				int[] compacted = compactHour(partition, statuses, previous.get().cutoff());
				compactionBlocked = compactionBlocked || compacted[2] == 0;
				// what the new compactions replace goes after the grace, in a later pass
				cleaningBlocked = cleaningBlocked || compacted[1] > 0;
				result = result.plusCompacted(compacted[0], compacted[1], compactionBlocked ? through : hour + HOUR);
				through = result.throughHour();
			}
			// an hour is clean once compacted and rid of every file its compactions
			// replaced
			cleaningBlocked = cleaningBlocked || deleted[1] > 0 || hour >= through;
			if (!cleaningBlocked) {
				clean = hour + HOUR;
			}
		}
		save(new long[] { through, clean }, saved);
		return result;
	}

	/**
	 * Compacts one hour's partition: per node, its standing files at or below the bound.
	 * @return files read, compactions written, and 1 when every file of the hour was at
	 * or below the bound (the hour is done), else 0
	 */
	private int[] compactHour(String partition, Map<String, FileStatus> statuses, Cutoff bound) throws IOException {
		Map<String, List<RawFileSet.RawFile>> byNode = new TreeMap<>();
		for (RawFileSet.RawFile file : RawFileSet.of(statuses.keySet()).files()) {
			byNode.computeIfAbsent(file.name().nodeId(), (n) -> new ArrayList<>()).add(file);
		}
		boolean done = true;
		int read = 0;
		int written = 0;
		for (Map.Entry<String, List<RawFileSet.RawFile>> node : byNode.entrySet()) {
			List<RawFileSet.RawFile> files = node.getValue()
				.stream()
				.filter((f) -> bound.covers(node.getKey(), f.name().last()))
				.sorted(Comparator.comparingLong((RawFileSet.RawFile f) -> f.name().first()))
				.toList();
			done = done && files.size() == node.getValue().size();
			for (List<RawFileSet.RawFile> group : groups(files, statuses)) {
				if (group.size() > 1) {
					write(partition, group);
					read += group.size();
					written++;
				}
			}
		}
		if (written > 0) {
			log.info("Compacted " + read + " raw files of " + partition + " into " + written);
		}
		return new int[] { read, written, done ? 1 : 0 };
	}

	/** Consecutive runs of files of about the target size together. */
	private List<List<RawFileSet.RawFile>> groups(List<RawFileSet.RawFile> files, Map<String, FileStatus> statuses) {
		long target = this.settings.targetSize().toBytes();
		List<List<RawFileSet.RawFile>> groups = new ArrayList<>();
		List<RawFileSet.RawFile> group = new ArrayList<>();
		long bytes = 0;
		for (RawFileSet.RawFile file : files) {
			long length = statuses.get(file.path()).getLen();
			if (!group.isEmpty() && bytes + length > target) {
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
	private void write(String partition, List<RawFileSet.RawFile> group) throws IOException {
		RawFileName name = RawFileName.compaction(group.get(0).name().nodeId(), group.get(0).name().first(),
				group.get(group.size() - 1).name().last());
		Path published = new Path(partition, name.published());
		if (this.store.exists(published.toString())) {
			return;
		}
		Path hidden = new Path(partition, name.hidden());
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
	 * Deletes the files of an hour that a compaction older than the grace period
	 * replaces, and hidden compactions a crashed pass left.
	 * @return files deleted, and replaced files left for a later pass
	 */
	private int[] deleteReplaced(Map<String, FileStatus> statuses, long now) throws IOException {
		Set<String> standing = RawFileSet.of(statuses.keySet())
			.files()
			.stream()
			.map(RawFileSet.RawFile::path)
			.collect(Collectors.toSet());
		Map<String, RawFileName> compactions = new HashMap<>();
		statuses.forEach((path, status) -> RawFileName.parse(status.getPath().getName())
			.filter((name) -> name.compacted() && now - status.getModificationTime() >= this.grace.toMillis())
			.ifPresent((name) -> compactions.put(path, name)));
		int deleted = 0;
		int waiting = 0;
		for (Map.Entry<String, FileStatus> entry : statuses.entrySet()) {
			String fileName = entry.getValue().getPath().getName();
			Optional<RawFileName> name = RawFileName.parse(fileName);
			boolean replaced = name.isPresent() && !standing.contains(entry.getKey());
			boolean due = replaced
					&& compactions.values().stream().anyMatch((c) -> c.contains(name.get()) && !c.equals(name.get()));
			boolean crashed = fileName.startsWith(SequencedFileName.HIDDEN_PREFIX)
					&& RawFileName.parse(fileName.substring(1)).filter(RawFileName::compacted).isPresent();
			boolean crashedLongAgo = crashed && now - entry.getValue().getModificationTime() >= this.grace.toMillis();
			if ((due || crashedLongAgo) && this.store.delete(entry.getKey())) {
				deleted++;
			}
			else if (replaced || crashed) {
				waiting++;
			}
		}
		return new int[] { deleted, waiting };
	}

	private Map<String, FileStatus> statuses(String dir) throws IOException {
		Map<String, FileStatus> statuses = new TreeMap<>();
		for (FileStatus status : this.store.list(dir)) {
			if (status.isFile()) {
				statuses.put(status.getPath().toUri().getPath(), status);
			}
		}
		return statuses;
	}

	/** The first hour of the oldest raw partition (one listing of the raw directory). */
	private Optional<Long> oldestHour() throws IOException {
		return this.store.children(this.store.layout().rawDir())
			.stream()
			.map((path) -> StorageLayout.dayOfPartition(path.substring(path.lastIndexOf('/') + 1)))
			.filter((day) -> day != Long.MIN_VALUE)
			.min(Long::compare);
	}

	/**
	 * The first hour not compacted yet, and the first hour that may still hold replaced
	 * files; empty before the first pass.
	 */
	private Optional<long[]> state() throws IOException {
		Optional<byte[]> bytes = this.store.read(statePath());
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		String[] text = new String(bytes.get(), StandardCharsets.UTF_8).trim().split("\\s+");
		try {
			long through = Long.parseLong(text[0]);
			return Optional.of(new long[] { through, (text.length > 1) ? Long.parseLong(text[1]) : through });
		}
		catch (NumberFormatException ex) {
			throw new IOException("unreadable compaction state " + statePath() + ": " + String.join(" ", text), ex);
		}
	}

	private void save(long[] state, Optional<long[]> saved) throws IOException {
		if (saved.isEmpty() || !Arrays.equals(saved.get(), state)) {
			this.store.writeAtomically(statePath(),
					(state[0] + " " + state[1] + "\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	/**
	 * What a pass did.
	 *
	 * @param filesCompacted small files read into compactions
	 * @param compactions compactions written
	 * @param filesDeleted replaced files deleted after their grace
	 * @param throughHour the first hour not yet compacted
	 */
	public record Result(int filesCompacted, int compactions, int filesDeleted, long throughHour) {

		Result plusDeleted(int deleted) {
			return new Result(this.filesCompacted, this.compactions, this.filesDeleted + deleted, this.throughHour);
		}

		Result plusCompacted(int read, int written, long through) {
			return new Result(this.filesCompacted + read, this.compactions + written, this.filesDeleted, through);
		}

	}

}
