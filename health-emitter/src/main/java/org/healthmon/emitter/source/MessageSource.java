package org.healthmon.emitter.source;

import org.healthmon.model.HealthMessage;
import org.jspecify.annotations.Nullable;

/**
 * The messages one run sends, one at a time, from a single thread.
 */
public interface MessageSource extends AutoCloseable {

	/**
	 * The next message to send, without a {@code seq}.
	 * @param nowMs the current time, epoch ms: the event time of live sources
	 * @return the message, or {@code null} when the source has no more
	 */
	@Nullable HealthMessage next(long nowMs);

	/** What this source is, for the log. */
	String describe();

	/** Input the source could not read and left out, e.g. bad lines of a replay file. */
	default long skipped() {
		return 0;
	}

	@Override
	default void close() {
	}

}
