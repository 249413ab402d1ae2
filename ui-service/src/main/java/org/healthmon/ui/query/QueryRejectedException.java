package org.healthmon.ui.query;

/**
 * The query service answered, but not with what was asked: a 4xx or 5xx, with its problem
 * detail (RFC 9457) when it sent one.
 */
public class QueryRejectedException extends RuntimeException {

	private final QueryApi.Problem problem;

	public QueryRejectedException(QueryApi.Problem problem) {
		super("the query service answered " + problem.status() + ": " + problem.title() + ": " + problem.detail());
		this.problem = problem;
	}

	public QueryApi.Problem problem() {
		return this.problem;
	}

	/** Whether the request was at fault (4xx) rather than the service (5xx). */
	public boolean rejectedRequest() {
		return this.problem.status() >= 400 && this.problem.status() < 500;
	}

}
