package org.healthmon.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a file an ingest node writes: {@code <nodeId>-<seq>.<ext>}, with the
 * sequence zero-padded to 12 digits so names sort in publish order. Each node publishes
 * its files strictly in sequence order, so the highest sequence seen per node is an exact
 * cutoff (docs/architecture.md §4). While open, a file carries a {@code _} prefix, which
 * Hadoop's input formats skip.
 *
 * @param nodeId the stable id of the ingest node
 * @param seq the node's sequence number of this file, increasing in publish order
 * @param extension {@code csv} for raw files, {@code tsv} for rejected ones
 */
public record SequencedFileName(String nodeId, long seq, String extension) {

	/** Prefix of a file still being written. */
	public static final String HIDDEN_PREFIX = "_";

	private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,62}");

	private static final Pattern NAME = Pattern.compile("(_?)([A-Za-z0-9][A-Za-z0-9.-]{0,62})-(\\d{12,19})\\.([a-z]+)");

	public SequencedFileName {
		if (!NODE_ID.matcher(nodeId).matches()) {
			throw new IllegalArgumentException(
					"node id must be 1-63 chars of [A-Za-z0-9.-], starting with a letter or digit: '" + nodeId + "'");
		}
		if (seq < 0) {
			throw new IllegalArgumentException("seq must be >= 0, was " + seq);
		}
	}

	/** The name once published. */
	public String published() {
		return String.format("%s-%012d.%s", this.nodeId, this.seq, this.extension);
	}

	/** The name while open. */
	public String hidden() {
		return HIDDEN_PREFIX + published();
	}

	/** Parses a published or hidden name; empty when the name is not one of ours. */
	public static Optional<Parsed> parse(String fileName) {
		Matcher m = NAME.matcher(fileName);
		if (!m.matches()) {
			return Optional.empty();
		}
		long seq;
		try {
			seq = Long.parseLong(m.group(3));
		}
		catch (NumberFormatException ex) {
			// 19 digits beyond Long.MAX_VALUE: not one of ours either
			return Optional.empty();
		}
		SequencedFileName name = new SequencedFileName(m.group(2), seq, m.group(4));
		return Optional.of(new Parsed(name, !m.group(1).isEmpty()));
	}

	/** Checks a node id, for configuration validation. */
	public static boolean isValidNodeId(String nodeId) {
		return NODE_ID.matcher(nodeId).matches();
	}

	/**
	 * A parsed file name.
	 *
	 * @param name the name
	 * @param hidden whether the file is still open (not yet published)
	 */
	public record Parsed(SequencedFileName name, boolean hidden) {
	}

}
