package org.healthmon.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The raw partitions a reader lists to find every file above a cutoff, so that no
 * periodic step lists the whole store (docs/architecture.md §4). Partitions are hours of
 * arrival; this is a range of them, {@code [fromMs, toMs)}.
 *
 * <p>
 * Why a window from a cutoff is enough: a node publishes its files in sequence order,
 * each into the partition of its lines' arrival hour, so its files above its cutoff lie
 * in the partition of its cutoff file or later ones. The window a manifest records
 * ({@link #nextFrom}) therefore starts at the oldest partition holding a node's cutoff
 * file, and never later than an hour before the newest partition, where a node seen for
 * the first time may have opened its first file just before the hour turned. Two
 * exceptions keep it from being pinned forever: a node whose cutoff file lies more than
 * {@link #DORMANT_MS} before the newest partition is dormant and no longer holds the
 * window back; when such a node, or a new one, shows files in the window, the reader
 * lists {@link #catchUp} once: the day before the window, where a node returning from an
 * outage publishes what it spooled. A file outside both breaks the writer contract
 * (README, "Writer contract").
 *
 * @param fromMs the first partition hour listed
 * @param toMs the end of the partition hours listed (exclusive)
 */
public record RawWindow(long fromMs, long toMs) {

	/** A node seen for the first time may have a file in the hour before the newest. */
	public static final long RECENT_MS = 3_600_000L;

	/**
	 * A node whose cutoff file is this much older than the newest partition stops holding
	 * the window back; it is listed this far back when it returns.
	 */
	public static final long DORMANT_MS = 24 * 3_600_000L;

	/** Every partition: where nothing is known yet, or asked for on purpose. */
	public static final RawWindow ALL = new RawWindow(Long.MIN_VALUE, Long.MAX_VALUE);

	/** Recorded where no window is known (an older manifest): list everything. */
	public static final long UNKNOWN = -1;

	/** The partitions from {@code fromMs} on; {@link #UNKNOWN} gives {@link #ALL}. */
	public static RawWindow from(long fromMs) {
		return (fromMs == UNKNOWN) ? ALL : new RawWindow(fromMs, Long.MAX_VALUE);
	}

	/** The partitions from the earlier of two windows' starts on. */
	public RawWindow union(RawWindow other) {
		return new RawWindow(Math.min(this.fromMs, other.fromMs), Math.max(this.toMs, other.toMs));
	}

	public boolean isAll() {
		return this.fromMs == Long.MIN_VALUE && this.toMs == Long.MAX_VALUE;
	}

	public boolean includes(long hourMs) {
		return this.fromMs <= hourMs && hourMs < this.toMs;
	}

	/**
	 * The start of the window the next reader after {@code cutoff} lists, from a listing
	 * of this window that holds every file up to the cutoff (see the class comment);
	 * never before this window's start.
	 */
	public long nextFrom(RawFileSet listing, Cutoff cutoff) {
		long newest = listing.newestHour();
		if (newest == Long.MIN_VALUE) {
			return isAll() ? UNKNOWN : this.fromMs;
		}
		long from = newest - RECENT_MS;
		for (Map.Entry<String, Long> hour : cutoffHours(listing, cutoff).entrySet()) {
			if (hour.getValue() >= newest - DORMANT_MS) {
				from = Math.min(from, hour.getValue());
			}
		}
		return Math.max(from, this.fromMs);
	}

	/**
	 * The partitions to list once more, before this window: the day before it, when the
	 * listing shows files above the cutoff of a node that is new or whose cutoff file is
	 * not in the window (dormant); empty otherwise.
	 */
	public Optional<RawWindow> catchUp(RawFileSet listing, Cutoff cutoff) {
		if (this.fromMs == Long.MIN_VALUE) {
			return Optional.empty();
		}
		Map<String, Long> hours = cutoffHours(listing, cutoff);
		boolean returning = listing.files()
			.stream()
			.map(RawFileSet.RawFile::name)
			.filter((name) -> !name.batchOnly())
			.anyMatch((name) -> name.last() > cutoff.seqOf(name.nodeId()) && !hours.containsKey(name.nodeId()));
		long from = listing.newestHour() - DORMANT_MS;
		return (returning && from < this.fromMs) ? Optional.of(new RawWindow(from, this.fromMs)) : Optional.empty();
	}

	/**
	 * Per node of the cutoff, the partition hour of its newest file the cutoff covers,
	 * for the nodes that have one in the listing; batch-only nodes
	 * ({@link RawFileName#isBatchOnly}) write into any partition and hold back nothing.
	 */
	private static Map<String, Long> cutoffHours(RawFileSet listing, Cutoff cutoff) {
		Map<String, Long> hours = new TreeMap<>();
		for (RawFileSet.RawFile file : listing.files()) {
			if (!file.name().batchOnly() && cutoff.covers(file.name().nodeId(), file.name().last())) {
				hours.merge(file.name().nodeId(), file.hourMs(), Math::max);
			}
		}
		return hours;
	}

	/**
	 * The paths of the files in this window's partitions: the raw directory's date
	 * directories, their hour directories, their files, each listed only when it can hold
	 * an hour of the window.
	 * @param layout where the raw store is
	 * @param lister lists a directory: its children's paths, none when it does not exist
	 */
	public List<String> list(StorageLayout layout, DirectoryLister lister) throws IOException {
		return list(layout.rawDir(), lister);
	}

	/**
	 * As {@link #list(StorageLayout, DirectoryLister)}, under another raw directory: a
	 * snapshot of the raw store ({@code raw/.snapshot/<name>}) lists as the store did.
	 */
	public List<String> list(String rawDir, DirectoryLister lister) throws IOException {
		List<String> files = new ArrayList<>();
		for (String date : lister.children(rawDir)) {
			long day = StorageLayout.dayOfPartition(nameOf(date));
			if (day == Long.MIN_VALUE || day + StorageLayout.DAY_MS <= this.fromMs || day >= this.toMs) {
				continue;
			}
			for (String hour : lister.children(date)) {
				long hourMs = StorageLayout.hourOfPartition(nameOf(date), nameOf(hour));
				if (hourMs != Long.MIN_VALUE && includes(hourMs)) {
					files.addAll(lister.children(hour));
				}
			}
		}
		return files;
	}

	private static String nameOf(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** Lists one directory of the store (the reader's file-system client). */
	@FunctionalInterface
	public interface DirectoryLister {

		/** The paths of a directory's children; none when it does not exist. */
		List<String> children(String dir) throws IOException;

	}

}
