package org.healthmon.alerts.eval;

import java.util.List;

/**
 * What the last evaluation found, as the API, the metrics and the notifications show it.
 *
 * @param evaluatedAt epoch ms of the evaluation, 0 before the first
 * @param through epoch ms of the end of the last minute evaluated
 * @param alerts the alerts active now, pending and firing, by service
 * @param history the transitions of the history kept, the last minutes' included, oldest
 * first
 */
public record Board(long evaluatedAt, long through, List<Alert> alerts, List<Transition> history) {

	public static final Board NONE = new Board(0, 0, List.of(), List.of());

	public Board {
		alerts = List.copyOf(alerts);
		history = List.copyOf(history);
	}

}
