package org.healthmon.ui.dashboard;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

import org.healthmon.ui.dashboard.DashboardView.Failure;
import org.healthmon.ui.query.QueryApi;
import org.healthmon.ui.query.QueryRejectedException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.client.ResourceAccessException;

/**
 * Why a page has nothing to show, in words: its own address is wrong, the query service
 * does not answer, or it refuses (its problem detail, as it is) or fails.
 */
final class Failures {

	private final URI queryUrl;

	Failures(URI queryUrl) {
		this.queryUrl = queryUrl;
	}

	static Failure input(PageWindow window) {
		return new Failure(Failure.Kind.INPUT, "This page's address has a mistake",
				String.join("; ", window.problems()) + ". Showing nothing until the window is fixed.", null, null);
	}

	Failure unreachable(ResourceAccessException ex) {
		return new Failure(Failure.Kind.UNREACHABLE, "The query service is not answering",
				"The query service at " + this.queryUrl + " could not be reached (" + reason(ex)
						+ "). Nothing can be shown until it answers again; this page works again as soon as it does.",
				null, null);
	}

	/** Why a call got no answer, in words: the JDK's exceptions often have no message. */
	static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return "no answer in time";
			}
			if (cause instanceof UnknownHostException) {
				return "unknown host " + cause.getMessage();
			}
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return (root.getMessage() != null) ? root.getClass().getSimpleName() + ": " + root.getMessage()
				: root.getClass().getSimpleName();
	}

	static Failure rejected(QueryRejectedException ex) {
		QueryApi.Problem problem = ex.problem();
		if (ex.rejectedRequest()) {
			return new Failure(Failure.Kind.REJECTED, "The query service refused this window", sentence(words(problem)),
					problem.parameter(), problem.value());
		}
		return new Failure(Failure.Kind.FAILED, "The query service failed to answer",
				sentence(words(problem)) + " Try again; if it persists, see the query service's log.", null, null);
	}

	/** A problem detail as a sentence: its title, then its detail. */
	static String words(QueryApi.Problem problem) {
		String title = (problem.title() != null) ? problem.title() : "HTTP " + problem.status();
		return (problem.detail() != null) ? title + ": " + problem.detail()
				: title + " (HTTP " + problem.status() + ")";
	}

	/** A sentence ends with one full stop. */
	private static String sentence(String text) {
		return (text.endsWith(".") || text.endsWith("!") || text.endsWith("?")) ? text : text + ".";
	}

}
