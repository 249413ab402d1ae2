package org.healthmon.ingest.udp;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One received datagram: when it arrived, who sent it, and its bytes.
 *
 * @param arrivalTimeMs arrival time, epoch ms; taken once and used for the catalog, the
 * raw record and the rejected store alike
 * @param headers the adapter's headers, for the sender (only rejections need it)
 * @param payload the bytes received (one more than the limit when it was larger)
 */
record Datagram(long arrivalTimeMs, MessageHeaders headers, byte[] payload) {

	/**
	 * The adapter's message for one packet. Its timestamp is set when the adapter maps
	 * the packet, right after the socket delivered it, so it is the arrival time.
	 */
	static Datagram of(Message<?> message) {
		Long timestamp = message.getHeaders().getTimestamp();
		long arrival = (timestamp != null) ? timestamp : System.currentTimeMillis();
		return new Datagram(arrival, message.getHeaders(), (byte[]) message.getPayload());
	}

	/** The sender's address and port, {@code ip:port}. */
	String sender() {
		return this.headers.get(IpHeaders.IP_ADDRESS) + ":" + this.headers.get(IpHeaders.PORT);
	}

}
