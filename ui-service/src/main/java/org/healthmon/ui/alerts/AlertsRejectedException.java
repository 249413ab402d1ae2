package org.healthmon.ui.alerts;

import org.healthmon.ui.query.QueryApi;
import org.healthmon.ui.query.ServiceRejectedException;

/**
 * The alert service answered, but not with what was asked: a 4xx or 5xx, with its problem
 * detail (RFC 9457, the same shape as the query service's) when it sent one.
 */
public class AlertsRejectedException extends ServiceRejectedException {

	public AlertsRejectedException(QueryApi.Problem problem) {
		super("the alert service", problem);
	}

}
