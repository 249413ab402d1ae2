package org.healthmon.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The published raw files seen in one listing of the raw store, and the exact cutoff
 * arithmetic over them (docs/architecture.md §4). Paths are plain strings, so both the
 * batch and the speed layer use this one implementation around their own file-system
 * listing.
 *
 * <p>
 * How to take an exact cutoff while files keep being published: list once and take
 * {@link #highest()}; list again and {@link #select} the files up to it. Each node
 * publishes in sequence order, so every file at or below a sequence seen in the first
 * listing was already published when the second listing started: none is missed, and a
 * file published in between lies above the cutoff.
 *
 * <p>
 * Compactions ({@link RawFileName#compacted()}) replace the small files of their node and
 * partition that lie in their sequence range. A listing may show both while the small
 * files wait out their grace period; then the compaction stands for them, so every line
 * counts once whichever a reader happened to see. A compaction covers only files at or
 * below every live cutoff, so no reader ever needs part of one: a range that straddles a
 * cutoff is refused, never split.
 */
public final class RawFileSet {

	private final List<RawFile> files;

	private RawFileSet(List<RawFile> files) {
		this.files = files;
	}

	/**
	 * The published raw files among the given paths, without the small files a compaction
	 * in the same partition stands for; hidden (open) files and names that are not raw
	 * files are left out.
	 */
	public static RawFileSet of(Collection<String> paths) {
		List<RawFile> listed = new ArrayList<>();
		Map<String, List<RawFile>> compactions = new HashMap<>();
		for (String path : paths) {
			RawFileName.parse(path.substring(path.lastIndexOf('/') + 1)).ifPresent((name) -> {
				RawFile file = new RawFile(path, name, StorageLayout.partitionHourOf(path));
				listed.add(file);
				if (name.compacted()) {
					compactions.computeIfAbsent(file.directory(), (dir) -> new ArrayList<>()).add(file);
				}
			});
		}
		listed.sort(Comparator.comparing(RawFile::path));
		List<RawFile> standing = listed.stream()
			.filter((file) -> !isReplaced(file, compactions.getOrDefault(file.directory(), List.of())))
			.toList();
		return new RawFileSet(standing);
	}

	/**
	 * Whether one of the compactions in the file's directory replaces it: one whose range
	 * holds the file's, and that is another file (of two compactions of one range, the
	 * first path stands).
	 */
	private static boolean isReplaced(RawFile file, List<RawFile> compactions) {
		for (RawFile compaction : compactions) {
			if (compaction != file && compaction.name().contains(file.name())
					&& (!file.name().contains(compaction.name()) || compaction.path().compareTo(file.path()) < 0)) {
				return true;
			}
		}
		return false;
	}

	public List<RawFile> files() {
		return this.files;
	}

	public boolean isEmpty() {
		return this.files.isEmpty();
	}

	/**
	 * This listing without the files that match, e.g. the batch-only ones a speed run
	 * leaves to the batch layer.
	 */
	public RawFileSet without(Predicate<RawFile> dropped) {
		return new RawFileSet(this.files.stream().filter(dropped.negate()).toList());
	}

	/** This listing and another one's files together (paths seen in both count once). */
	public RawFileSet with(RawFileSet other) {
		List<String> paths = new ArrayList<>();
		this.files.forEach((file) -> paths.add(file.path()));
		other.files.forEach((file) -> paths.add(file.path()));
		return of(paths.stream().distinct().toList());
	}

	/** The cutoff that covers every file of this listing. */
	public Cutoff highest() {
		Map<String, Long> seqs = new TreeMap<>();
		for (RawFile file : this.files) {
			seqs.merge(file.name().nodeId(), file.name().last(), Math::max);
		}
		return new Cutoff(seqs);
	}

	/** The newest partition hour holding a file, or {@link Long#MIN_VALUE} when empty. */
	public long newestHour() {
		return this.files.stream().mapToLong(RawFile::hourMs).max().orElse(Long.MIN_VALUE);
	}

	/**
	 * The files covered by {@code upTo} but not by {@code after}, in path order.
	 * @throws IllegalStateException when a compaction lies partly on both sides of either
	 * cutoff: this listing cannot give the files exactly
	 */
	public List<RawFile> select(Cutoff after, Cutoff upTo) {
		List<RawFile> selected = new ArrayList<>();
		for (RawFile file : this.files) {
			RawFileName name = file.name();
			long from = after.seqOf(name.nodeId());
			long to = upTo.seqOf(name.nodeId());
			if (name.last() <= from || name.first() > to) {
				continue;
			}
			if (name.first() <= from || name.last() > to) {
				throw new IllegalStateException("compaction " + file.path() + " straddles a cutoff (" + name.nodeId()
						+ " above " + from + " up to " + to + "): it cannot be read in part");
			}
			selected.add(file);
		}
		return selected;
	}

	/**
	 * A published raw file.
	 *
	 * @param path its path in the store
	 * @param name its parsed name
	 * @param hourMs the start of its partition's hour, or {@link Long#MIN_VALUE} when the
	 * path is not in a raw partition
	 */
	public record RawFile(String path, RawFileName name, long hourMs) {

		/** The directory the file is in. */
		public String directory() {
			return this.path.substring(0, this.path.lastIndexOf('/') + 1);
		}

	}

}
