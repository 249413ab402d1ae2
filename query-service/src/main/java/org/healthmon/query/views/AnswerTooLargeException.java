package org.healthmon.query.views;

/**
 * An answer would hold more points (services × steps) than
 * {@code healthmon.query.max-answer-points} allows: the API refuses it with 400 and says
 * how to ask for less.
 */
public class AnswerTooLargeException extends RuntimeException {

	private final int maxPoints;

	public AnswerTooLargeException(int maxPoints) {
		super("The answer would hold more than " + maxPoints
				+ " points (services × steps, healthmon.query.max-answer-points): ask for one service (service=...), a longer step or a shorter window");
		this.maxPoints = maxPoints;
	}

	public int maxPoints() {
		return this.maxPoints;
	}

}
