package org.healthmon.ingest.udp;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RejectReason;

/**
 * Decodes datagrams with health-model's decoder. The adapter reads into a buffer one byte
 * larger than the limit, so a datagram that did not fit is seen as longer than the limit
 * (the kernel truncates it silently otherwise) and rejected as oversized.
 */
class DatagramDecoder {

	private final HealthMessageJson json;

	DatagramDecoder(int maxDatagramBytes) {
		this(maxDatagramBytes, HealthMessageJson.LegacyCpuUnit.FRACTION);
	}

	DatagramDecoder(int maxDatagramBytes, HealthMessageJson.LegacyCpuUnit legacyCpuUnit) {
		this.json = new HealthMessageJson(maxDatagramBytes, legacyCpuUnit);
	}

	/**
	 * The size of the adapter's packet buffer that makes an oversized datagram visible.
	 */
	static int packetBufferSize(int maxDatagramBytes) {
		return maxDatagramBytes + 1;
	}

	Decoded decode(Datagram datagram) {
		byte[] payload = datagram.payload();
		if (payload.length > this.json.maxBytes()) {
			// the rest was cut off by the socket: its real size is unknown
			return new Decoded(datagram, new DecodeResult.Rejected(RejectReason.OVERSIZED,
					"datagram larger than the limit of " + this.json.maxBytes() + " bytes"));
		}
		return new Decoded(datagram, this.json.decode(payload));
	}

}
