package org.healthmon.query.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an answer of the API be written whole: with Tomcat's 8 KiB response buffer, an
 * answer for 100 services (~30 KB) went out as chunks of a chunked response, each its own
 * write and read; buffered, it goes in one write with its length. Answers larger than the
 * buffer are still streamed.
 */
public class WholeAnswerFilter extends OncePerRequestFilter {

	/** Holds the answer for a few hundred services. */
	static final int BUFFER_BYTES = 128 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setBufferSize(BUFFER_BYTES);
		chain.doFilter(request, response);
	}

}
