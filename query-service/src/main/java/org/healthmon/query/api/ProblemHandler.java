package org.healthmon.query.api;

import java.io.IOException;
import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.query.sql.DuckDb;
import org.healthmon.query.views.AnswerTooLargeException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure as an RFC 9457 problem detail: bad parameters as 400 naming the parameter
 * and the value, an overloaded engine and an unreachable store as 503, anything else as
 * 500 (and logged).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemHandler.class);

	@ExceptionHandler
	ProblemDetail badParameter(BadParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad parameter '" + ex.parameter() + "'");
		problem.setProperty("parameter", ex.parameter());
		if (ex.value() != null) {
			problem.setProperty("value", ex.value());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail answerTooLarge(AnswerTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Answer too large");
		problem.setProperty("maxPoints", ex.maxPoints());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail busy(DuckDb.BusyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Too many queries at once");
		return problem;
	}

	/**
	 * The store (HDFS) could not be read, e.g. the catalog while the namenode is down:
	 * the client gives up after a short retry (the {@code ipc.client.connect.*} defaults
	 * in {@code application.yaml}), and the caller may try again.
	 */
	@ExceptionHandler
	ProblemDetail storeUnreachable(IOException ex) {
		log.warn("The store could not be read: " + ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the store could not be read: " + ex.getMessage());
		problem.setTitle("Store unavailable");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail tooLong(DuckDb.TooLongException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Query took too long");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail queryFailed(SQLException ex) {
		log.error("A query failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"the query failed: " + ex.getMessage());
		problem.setTitle("Query failed");
		return problem;
	}

}
