package org.healthmon.ingest.udp;

import java.time.Duration;

import org.healthmon.model.ArrivalWindow;
import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RejectReason;

/**
 * Decodes datagrams with health-model's decoder, then checks the event time against the
 * arrival ({@link ArrivalWindow}, with the datagram's receive time). The adapter reads
 * into a buffer one byte larger than the limit, so a datagram that did not fit is seen as
 * longer than the limit (the kernel truncates it silently otherwise) and rejected as
 * oversized.
 */
class DatagramDecoder {

	/** No window: for tests whose messages carry fixed, long past times. */
	static final ArrivalWindow ANY_TIME = new ArrivalWindow(Duration.ofSeconds(Long.MAX_VALUE),
			Duration.ofSeconds(Long.MAX_VALUE));

	private final HealthMessageJson json;

	private final ArrivalWindow window;

	private final DecodeResult.Rejected oversized;

	DatagramDecoder(int maxDatagramBytes) {
		this(maxDatagramBytes, HealthMessageJson.LegacyCpuUnit.FRACTION, ANY_TIME);
	}

	/**
	 * @param window the event-time window around arrival a message must lie in
	 */
	DatagramDecoder(int maxDatagramBytes, HealthMessageJson.LegacyCpuUnit legacyCpuUnit, ArrivalWindow window) {
		this.json = new HealthMessageJson(maxDatagramBytes, legacyCpuUnit);
		this.window = window;
		this.oversized = new DecodeResult.Rejected(RejectReason.OVERSIZED,
				"datagram larger than the limit of " + maxDatagramBytes + " bytes");
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
			return new Decoded(datagram, this.oversized);
		}
		DecodeResult result = this.json.decode(payload);
		if (result instanceof DecodeResult.Accepted accepted) {
			DecodeResult.Rejected outside = this.window.check(accepted.message().eventTimeMs(),
					datagram.arrivalTimeMs());
			if (outside != null) {
				result = outside;
			}
		}
		return new Decoded(datagram, result);
	}

}
