package org.healthmon.alerts.eval;

/**
 * The evaluation state of one active alert after a minute: what a restart needs to go on
 * exactly where it was.
 *
 * @param firing false while pending (RED's condition holds, but not yet for its whole
 * {@code for})
 * @param run minutes in a row the condition held (pending)
 * @param cool minutes in a row it was clear (firing)
 * @param since epoch ms when the condition began to hold: the start of RED's first hot
 * minute, the end of the minute AMBER's prediction first reached the threshold, DOWN's
 * last message plus the catalog's timeout
 * @param firedAt epoch ms when it fired, or 0 while pending
 * @param value the latest mean (percent), or for DOWN the epoch ms of the last message
 * @param prediction AMBER: the trend's value at the horizon; NaN otherwise
 * @param reachMinutes AMBER: minutes until the trend reaches the threshold; NaN otherwise
 */
public record Track(boolean firing, int run, int cool, long since, long firedAt, double value, double prediction,
		double reachMinutes) {

}
