package org.healthmon.batch.upkeep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.store.RawSnapshots;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawFileSet;
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
 * the whole store. The work on one hour's files is {@link RawHour}'s.
 *
 * <p>
 * With late-file detection on, only the files of the published version's raw snapshot are
 * compacted or deleted (docs/architecture.md §4.5): the versions count those, while a
 * late file may lie inside a compaction's range and waits, untouched, for the next run to
 * adopt it. With no snapshot named yet (a version from before), nothing is.
 */
public class RawCompactor {

	private static final long HOUR = 3_600_000L;

	private final BatchStore store;

	private final BatchProperties.Compaction settings;

	private final Duration grace;

	private final RawSnapshots snapshots;

	private final Clock clock;

	public RawCompactor(BatchStore store, BatchProperties.Compaction settings, Duration grace, RawSnapshots snapshots,
			Clock clock) {
		this.store = store;
		this.settings = settings;
		this.grace = grace;
		this.snapshots = snapshots;
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
	 * @param snapshot the published version's raw snapshot, the files the compactor may
	 * touch when late-file detection is on
	 */
	public Result compact(Optional<BatchManifest> previous, String snapshot) throws IOException {
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
			RawHour raw = RawHour.list(this.store, partition, counted(snapshot, partition));
			RawHour.Deleted deleted = raw.deleteReplaced(now, this.grace);
			result = result.plusDeleted(deleted.files());
			if (hour >= through) {
				RawHour.Compacted compacted = raw.compact(previous.get().cutoff(),
						this.settings.targetSize().toBytes());
				compactionBlocked = compactionBlocked || !compacted.done();
				// what the new compactions replace goes after the grace, in a later pass
				cleaningBlocked = cleaningBlocked || compacted.written() > 0;
				result = result.plusCompacted(compacted.read(), compacted.written(),
						compactionBlocked ? through : hour + HOUR);
				through = result.throughHour();
			}
			// an hour is clean once compacted and rid of every file its compactions
			// replaced
			cleaningBlocked = cleaningBlocked || deleted.waiting() > 0 || hour >= through;
			if (!cleaningBlocked) {
				clean = hour + HOUR;
			}
		}
		save(new long[] { through, clean }, saved);
		return result;
	}

	/**
	 * The names of a partition's files the published version counts, when detection is
	 * on: those its snapshot holds (none without a snapshot).
	 */
	private Optional<Set<String>> counted(String snapshot, String partition) throws IOException {
		if (!this.snapshots.isOn()) {
			return Optional.empty();
		}
		return Optional.of(snapshot.isEmpty() ? Set.of() : this.snapshots.names(snapshot, partition));
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
