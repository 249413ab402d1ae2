package org.healthmon.alerts.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad parameters as RFC 9457 problem details: a 400 naming the parameter and its value.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

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

}
