package org.healthmon.alerts.state;

import java.util.List;

import org.healthmon.alerts.eval.AlertKey;
import org.healthmon.alerts.eval.Track;
import org.healthmon.alerts.eval.Transition;

/**
 * What survives a restart: the checkpoint of the minute-by-minute evaluation, the DOWN
 * alerts, and the final transitions.
 *
 * @param minute epoch ms of the checkpoint's minute, or 0 before the first evaluation
 * @param tracks the RED and AMBER alerts active at the checkpoint
 * @param down the DOWN alerts firing
 * @param history final transitions, oldest first
 */
public record SavedState(long minute, List<Tracked> tracks, List<Tracked> down, List<Transition> history) {

	public static final SavedState EMPTY = new SavedState(0, List.of(), List.of(), List.of());

	public SavedState {
		tracks = List.copyOf(tracks);
		down = List.copyOf(down);
		history = List.copyOf(history);
	}

	/** An alert and its state. */
	public record Tracked(AlertKey key, Track track) {
	}

}
