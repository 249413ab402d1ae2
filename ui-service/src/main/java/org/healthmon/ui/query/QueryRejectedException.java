package org.healthmon.ui.query;

/**
 * The query service answered, but not with what was asked: a 4xx or 5xx, with its problem
 * detail (RFC 9457) when it sent one.
 */
public class QueryRejectedException extends ServiceRejectedException {

	public QueryRejectedException(QueryApi.Problem problem) {
		super("the query service", problem);
	}

}
