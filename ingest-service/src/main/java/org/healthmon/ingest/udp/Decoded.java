package org.healthmon.ingest.udp;

import org.healthmon.ingest.store.RejectedDatagram;
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

	RejectedDatagram rejected() {
		return rejected((DecodeResult.Rejected) this.result);
	}

	/** This datagram, rejected after decoding (by the catalog). */
	RejectedDatagram rejected(DecodeResult.Rejected rejected) {
		return new RejectedDatagram(arrivalTimeMs(), this.datagram.sender(), rejected.reason(), rejected.detail(),
				this.datagram.payload());
	}

}
