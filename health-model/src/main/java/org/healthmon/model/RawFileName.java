package org.healthmon.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a published raw file, as readers see it: one node's files from sequence
 * {@code first} to {@code last}.
 * <ul>
 * <li>An ingest node publishes {@code <node>-<seq>.csv} ({@link SequencedFileName}): one
 * sequence, {@code first == last}.</li>
 * <li>A compaction publishes {@code <node>-<first>_<last>.csv}: the lines of all the
 * node's files of one partition from {@code first} to {@code last}, which it replaces.
 * The separator is {@code _} because node ids may contain {@code -} and digits
 * ({@code ingest-1-000000000005-000000000009} could be node
 * {@code ingest-1-000000000005}'s file 9); {@code _} is in no node id.</li>
 * </ul>
 *
 * @param nodeId the node whose files these are
 * @param first the first sequence covered
 * @param last the last sequence covered
 * @param compacted whether this is a compaction (of any number of files)
 */
public record RawFileName(String nodeId, long first, long last, boolean compacted) {

	/** The extension of raw files. */
	public static final String EXTENSION = "csv";

	/**
	 * The node id the batch layer gives a late file when it adopts it
	 * (docs/architecture.md §4.5): renamed above this node's cutoff, it is read by the
	 * next batch run like any new file.
	 */
	public static final String LATE_NODE = "batch.late";

	/** The prefix of the node ids bulk imports write under. */
	public static final String IMPORT_PREFIX = "import.";

	private static final Pattern COMPACTED = Pattern
		.compile("([A-Za-z0-9][A-Za-z0-9.-]{0,62})-(\\d{12,19})_(\\d{12,19})\\." + EXTENSION);

	public RawFileName {
		if (!SequencedFileName.isValidNodeId(nodeId)) {
			throw new IllegalArgumentException("not a node id: '" + nodeId + "'");
		}
		if (first < 0 || last < first || (!compacted && first != last)) {
			throw new IllegalArgumentException("not a sequence range of a raw file: " + first + ".." + last);
		}
	}

	/** The name of a compaction of a node's files from {@code first} to {@code last}. */
	public static RawFileName compaction(String nodeId, long first, long last) {
		return new RawFileName(nodeId, first, last, true);
	}

	/**
	 * The raw file a published name stands for; empty for hidden (open) files and names
	 * that are not a raw file's.
	 */
	public static Optional<RawFileName> parse(String fileName) {
		Matcher m = COMPACTED.matcher(fileName);
		if (m.matches()) {
			try {
				return Optional.of(compaction(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
			}
			catch (IllegalArgumentException ex) {
				// beyond Long.MAX_VALUE, or last before first: not one of ours
				return Optional.empty();
			}
		}
		return SequencedFileName.parse(fileName)
			.filter((parsed) -> !parsed.hidden() && parsed.name().extension().equals(EXTENSION))
			.map((parsed) -> new RawFileName(parsed.name().nodeId(), parsed.name().seq(), parsed.name().seq(), false));
	}

	/** The published name. */
	public String published() {
		return this.compacted ? String.format("%s-%012d_%012d.%s", this.nodeId, this.first, this.last, EXTENSION)
				: new SequencedFileName(this.nodeId, this.first, EXTENSION).published();
	}

	/** The name while being written (hidden from readers). */
	public String hidden() {
		return SequencedFileName.HIDDEN_PREFIX + published();
	}

	/**
	 * Whether a node's files are read by the batch layer alone: adopted late files and
	 * imports. They lie in any partition, so they neither hold back a listing window nor
	 * make one list further back, and the speed layer leaves them to the next batch run.
	 */
	public static boolean isBatchOnly(String nodeId) {
		return LATE_NODE.equals(nodeId) || nodeId.startsWith(IMPORT_PREFIX);
	}

	/** Whether this file is read by the batch layer alone ({@link #isBatchOnly}). */
	public boolean batchOnly() {
		return isBatchOnly(this.nodeId);
	}

	/** Whether every sequence of {@code other} (same node) lies in this file's range. */
	public boolean contains(RawFileName other) {
		return this.nodeId.equals(other.nodeId) && this.first <= other.first && other.last <= this.last;
	}

	@Override
	public String toString() {
		return published();
	}

}
