package org.healthmon.ingest.udp;

import java.io.IOException;
import java.net.DatagramPacket;

import org.springframework.integration.ip.udp.inbound.UnicastReceivingChannelAdapter;

/**
 * Spring Integration's UDP inbound adapter, receiving into one packet buffer instead of a
 * new one per datagram when each datagram is handled on the receive thread before the
 * next is read. The adapter's mapper copies the payload out of the packet, so the buffer
 * is free again by then; a fresh zeroed buffer per datagram was most of what ingest
 * allocated at 100,000 datagrams a second, and the young collections it caused let the
 * socket buffer overflow.
 */
class ReusingPacketUdpAdapter extends UnicastReceivingChannelAdapter {

	private final boolean handledBeforeNextReceive;

	private DatagramPacket packet;

	/**
	 * @param port the UDP port
	 * @param handledBeforeNextReceive whether each datagram is handled on the receive
	 * thread before the next one is read: only then may the buffer be reused
	 */
	ReusingPacketUdpAdapter(int port, boolean handledBeforeNextReceive) {
		super(port);
		this.handledBeforeNextReceive = handledBeforeNextReceive;
	}

	@Override
	protected DatagramPacket receive() throws IOException {
		if (!this.handledBeforeNextReceive) {
			return super.receive();
		}
		if (this.packet == null) {
			this.packet = new DatagramPacket(new byte[getReceiveBufferSize()], getReceiveBufferSize());
		}
		this.packet.setLength(this.packet.getData().length);
		getSocket().receive(this.packet);
		return this.packet;
	}

}
