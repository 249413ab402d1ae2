package org.healthmon.model;

/**
 * The outcome of decoding one datagram or one raw line: accepted with its message, or
 * rejected with a reason and a human-readable detail.
 */
public sealed interface DecodeResult {

	/** A valid message. */
	record Accepted(HealthMessage message) implements DecodeResult {
	}

	/** An invalid input, with the specific reason and what exactly is wrong. */
	record Rejected(RejectReason reason, String detail) implements DecodeResult {
	}

}
