package org.healthmon.ui.query;

/**
 * One of healthmon's services answered, but not with what was asked: a 4xx or 5xx, with
 * its problem detail (RFC 9457) when it sent one.
 */
public class ServiceRejectedException extends RuntimeException {

	private final QueryApi.Problem problem;

	/**
	 * @param service the service that answered, e.g. {@code the query service}
	 */
	protected ServiceRejectedException(String service, QueryApi.Problem problem) {
		super(service + " answered " + problem.status() + ": " + problem.title() + ": " + problem.detail());
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
