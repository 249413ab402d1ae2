package org.healthmon.ingest.udp;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;

/**
 * One received datagram: when it arrived, who sent it, and its bytes.
 *
 * @param arrivalTimeMs arrival time, epoch ms; taken once and used for the catalog, the
 * raw record and the rejected store alike
 * @param sender the sender's address and port, {@code ip:port}
 * @param payload the bytes received (one more than the limit when it was larger)
 */
record Datagram(long arrivalTimeMs, String sender, byte[] payload) {

	/**
	 * The adapter's message for one packet. Its timestamp is set when the adapter maps
	 * the packet, right after the socket delivered it (at most a bounded queue's wait),
	 * so it is the arrival time.
	 */
	static Datagram of(Message<byte[]> message) {
		String sender = message.getHeaders().get(IpHeaders.IP_ADDRESS) + ":" + message.getHeaders().get(IpHeaders.PORT);
		Long timestamp = message.getHeaders().getTimestamp();
		long arrival = (timestamp != null) ? timestamp : System.currentTimeMillis();
		return new Datagram(arrival, sender, message.getPayload());
	}

}
