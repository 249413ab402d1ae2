package org.healthmon.alerts.eval;

/**
 * An alert active now.
 *
 * @param key which alert
 * @param firing false while pending
 * @param since epoch ms when its condition began to hold
 * @param firedAt epoch ms when it fired, 0 while pending
 * @param value the latest mean (percent), or for DOWN the epoch ms of the last message
 * @param prediction AMBER: the trend's value at the horizon; NaN otherwise
 * @param reason in words, e.g. "RAM predicted to reach 80 % in ~7 min"
 */
public record Alert(AlertKey key, boolean firing, long since, long firedAt, double value, double prediction,
		String reason) {

}
