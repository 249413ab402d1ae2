package org.healthmon.ingest.store;

/**
 * Told of every raw file this node publishes, in sequence order, whoever publishes it:
 * the writer rolling a file, or {@link StoreRecovery} publishing an orphan or a spooled
 * segment. What makes the catalog's counts equal to the raw store's (docs/architecture.md
 * §3.4). Recovery may tell of a file more than once (after a crash it cannot know whether
 * it told before); a listener ignores a sequence it has already counted.
 */
@FunctionalInterface
public interface RawPublishListener {

	/** Listens to nothing (the rejected store). */
	RawPublishListener NONE = (seq, path, tally) -> {
	};

	/**
	 * A raw file was published.
	 * @param seq its sequence number
	 * @param path its path in the store
	 * @param tally its lines per service, or {@code null} when only the file can tell
	 * (recovered files: the writer did not see their lines, or not all of them)
	 */
	void published(long seq, String path, RawTally tally);

}
