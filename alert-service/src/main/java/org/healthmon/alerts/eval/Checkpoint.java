package org.healthmon.alerts.eval;

import java.util.Map;

/**
 * The alerts' state after {@code minute}: every minute up to and including it has been
 * evaluated, and its transitions are final.
 *
 * @param minute epoch ms of the last minute evaluated
 * @param tracks the active RED and AMBER alerts (pending or firing)
 */
public record Checkpoint(long minute, Map<AlertKey, Track> tracks) {

	public Checkpoint {
		tracks = Map.copyOf(tracks);
	}

}
