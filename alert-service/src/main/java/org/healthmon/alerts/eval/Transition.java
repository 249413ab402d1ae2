package org.healthmon.alerts.eval;

/**
 * An alert fired or resolved.
 *
 * @param key which alert
 * @param change what happened
 * @param at epoch ms: the end of the minute whose data decided it (RED, AMBER); for DOWN
 * the last message plus the timeout (fired) or the evaluation that saw the service back
 * (resolved)
 * @param since epoch ms when its condition began to hold
 * @param value the mean (percent) behind it, or for DOWN the epoch ms of the last message
 * @param prediction AMBER: the trend's value at the horizon; NaN otherwise
 * @param reason in words, e.g. "CPU 93 % for 4 min"
 */
public record Transition(AlertKey key, Change change, long at, long since, double value, double prediction,
		String reason) {

	/** What happened to an alert. */
	public enum Change {

		FIRING, RESOLVED

	}

}
