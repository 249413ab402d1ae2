package org.healthmon.ingest.store;

import org.healthmon.ingest.IngestProperties;

/**
 * When a writer flushes its open segment and when it publishes it: a flush every flush
 * interval, and the segment rolls once it is a roll interval old or holds the roll size.
 * (A line of another arrival bucket rolls it too; the writer sees that line by line.)
 *
 * @param flushIntervalMs how often buffered lines are written and hflushed
 * @param rollIntervalMs a segment is published at the latest this long after it opened
 * @param rollSizeBytes a segment is published once it holds this much
 */
record RollPolicy(long flushIntervalMs, long rollIntervalMs, long rollSizeBytes) {

	static RollPolicy of(IngestProperties.Writer settings) {
		return new RollPolicy(settings.flushInterval().toMillis(), settings.rollInterval().toMillis(),
				settings.rollSize().toBytes());
	}

	boolean flushDue(long lastFlushMs, long now) {
		return now - lastFlushMs >= this.flushIntervalMs;
	}

	boolean rollDue(Segment segment, long now) {
		return now - segment.openedAtMs() >= this.rollIntervalMs || segment.bytes() >= this.rollSizeBytes;
	}

	/** The next moment a flush, or the open segment's roll, is due. */
	long nextDeadline(Segment current, long now) {
		long deadline = now + this.flushIntervalMs;
		return (current != null) ? Math.min(deadline, current.openedAtMs() + this.rollIntervalMs) : deadline;
	}

}
