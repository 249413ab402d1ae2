package org.healthmon.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published raw files seen in one listing of the raw store, and the exact cutoff
 * arithmetic over them (DESIGN.md §3). Paths are plain strings, so both the batch and the
 * speed layer use this one implementation around their own file-system listing.
 *
 * <p>
 * How to take an exact cutoff while files keep being published: list once and take
 * {@link #highest()}; list again and {@link #select} the files up to it. Each node
 * publishes in sequence order, so every file at or below a sequence seen in the first
 * listing was already published when the second listing started: none is missed, and a
 * file published in between lies above the cutoff.
 */
public final class RawFileSet {

	private final List<RawFile> files;

	private RawFileSet(List<RawFile> files) {
		this.files = files;
	}

	/**
	 * The published raw files among the given paths; hidden (open) files and names that
	 * are not a node's sequenced CSV are left out.
	 */
	public static RawFileSet of(Collection<String> paths) {
		List<RawFile> files = new ArrayList<>();
		for (String path : paths) {
			String name = path.substring(path.lastIndexOf('/') + 1);
			SequencedFileName.parse(name)
				.filter((parsed) -> !parsed.hidden() && parsed.name().extension().equals("csv"))
				.ifPresent((parsed) -> files.add(new RawFile(path, parsed.name())));
		}
		files.sort((a, b) -> a.path().compareTo(b.path()));
		return new RawFileSet(List.copyOf(files));
	}

	public List<RawFile> files() {
		return this.files;
	}

	/** The cutoff that covers every file of this listing. */
	public Cutoff highest() {
		Map<String, Long> seqs = new TreeMap<>();
		for (RawFile file : this.files) {
			seqs.merge(file.name().nodeId(), file.name().seq(), Math::max);
		}
		return new Cutoff(seqs);
	}

	/** The files covered by {@code upTo} but not by {@code after}, in path order. */
	public List<RawFile> select(Cutoff after, Cutoff upTo) {
		return this.files.stream().filter((f) -> upTo.covers(f.name()) && !after.covers(f.name())).toList();
	}

	/**
	 * A published raw file.
	 *
	 * @param path its path in the store
	 * @param name its parsed name
	 */
	public record RawFile(String path, SequencedFileName name) {
	}

}
