package org.healthmon.ingest.udp;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.RawRecord;

/**
 * A datagram with what decoding made of it.
 *
 * @param datagram the datagram as received
 * @param result accepted with its message, or rejected with the reason
 */
record Decoded(Datagram datagram, DecodeResult result) {

	boolean accepted() {
		return this.result instanceof DecodeResult.Accepted;
	}

	HealthMessage message() {
		return ((DecodeResult.Accepted) this.result).message();
	}

	long arrivalTimeMs() {
		return this.datagram.arrivalTimeMs();
	}

	RawRecord rawRecord() {
		return new RawRecord(message(), arrivalTimeMs());
	}

	DecodeResult.Rejected rejected() {
		return (DecodeResult.Rejected) this.result;
	}

}
