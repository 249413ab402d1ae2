package org.healthmon.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exact set of published raw files (docs/architecture.md §4): per ingest node, every
 * file whose sequence number is at most the node's value; nodes not named contribute no
 * file. Each node publishes strictly in sequence order, so a cutoff is immune to clocks,
 * like the offsets a Kafka consumer keeps.
 *
 * @param seqByNode the highest covered sequence number per node id
 */
public record Cutoff(Map<String, Long> seqByNode) {

	/** No file at all. */
	public static final Cutoff NONE = new Cutoff(Map.of());

	public Cutoff {
		seqByNode = Collections.unmodifiableMap(new TreeMap<>(seqByNode));
	}

	/**
	 * The highest covered sequence of a node, or -1 when none of its files is covered.
	 */
	public long seqOf(String nodeId) {
		return this.seqByNode.getOrDefault(nodeId, -1L);
	}

	/** Whether the file is in this set. */
	public boolean covers(SequencedFileName file) {
		return covers(file.nodeId(), file.seq());
	}

	/** Whether a node's sequence is in this set. */
	public boolean covers(String nodeId, long seq) {
		return seq <= seqOf(nodeId);
	}

	/** Whether every file of {@code other} is in this set too. */
	public boolean includes(Cutoff other) {
		return other.seqByNode.entrySet().stream().allMatch((e) -> e.getValue() <= seqOf(e.getKey()));
	}

	/** This cutoff with a node's sequence raised to {@code seq} (never lowered). */
	public Cutoff with(String nodeId, long seq) {
		if (seq <= seqOf(nodeId)) {
			return this;
		}
		Map<String, Long> raised = new TreeMap<>(this.seqByNode);
		raised.put(nodeId, seq);
		return new Cutoff(raised);
	}

}
