package org.healthmon.ingest.udp;

import java.net.DatagramSocket;
import java.net.SocketException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationListener;
import org.springframework.integration.ip.udp.UdpServerListeningEvent;
import org.springframework.integration.ip.udp.inbound.UnicastReceivingChannelAdapter;

/**
 * Watches the UDP socket: once it is bound, logs the port and the receive buffer the
 * kernel granted, and warns when that is less than asked for, since a short buffer is
 * where UDP loses datagrams in bursts. Shows the same as the {@code udp} health.
 */
class UdpSocketMonitor implements ApplicationListener<UdpServerListeningEvent> {

	private static final Log log = LogFactory.getLog(UdpSocketMonitor.class);

	private final int askedBufferBytes;

	private volatile UnicastReceivingChannelAdapter adapter;

	private volatile int port = -1;

	private volatile int grantedBufferBytes = -1;

	UdpSocketMonitor(int askedBufferBytes) {
		this.askedBufferBytes = askedBufferBytes;
	}

	@Override
	public void onApplicationEvent(UdpServerListeningEvent event) {
		if (!(event.getSource() instanceof UnicastReceivingChannelAdapter listening)) {
			return;
		}
		this.adapter = listening;
		this.port = event.getPort();
		this.grantedBufferBytes = granted(listening.getSocket());
		log.info("Listening for health datagrams on UDP port " + this.port + ", socket receive buffer "
				+ this.grantedBufferBytes + " bytes (asked " + this.askedBufferBytes + ")");
		if (this.grantedBufferBytes < this.askedBufferBytes) {
			log.warn("The kernel granted a UDP receive buffer of " + this.grantedBufferBytes + " bytes, less than the "
					+ this.askedBufferBytes + " asked for: bursts will be lost. Raise net.core.rmem_max (sysctl -w "
					+ "net.core.rmem_max=" + this.askedBufferBytes + ") or lower "
					+ "healthmon.ingest.udp.socket-receive-buffer");
		}
	}

	/** The bound port, or -1 before the socket is bound. */
	int port() {
		return this.port;
	}

	/** The receive buffer the kernel granted, or -1 before the socket is bound. */
	int grantedBufferBytes() {
		return this.grantedBufferBytes;
	}

	boolean listening() {
		UnicastReceivingChannelAdapter current = this.adapter;
		return current != null && current.isRunning() && current.isListening();
	}

	Health health() {
		Health.Builder health = listening() ? Health.up() : Health.down().withDetail("listening", false);
		if (this.port >= 0) {
			health.withDetail("port", this.port);
		}
		health.withDetail("askedReceiveBufferBytes", this.askedBufferBytes);
		if (this.grantedBufferBytes >= 0) {
			health.withDetail("grantedReceiveBufferBytes", this.grantedBufferBytes);
		}
		return health.build();
	}

	private static int granted(DatagramSocket socket) {
		try {
			return socket.getReceiveBufferSize();
		}
		catch (SocketException ex) {
			log.warn("Could not read the UDP socket's receive buffer size", ex);
			return -1;
		}
	}

}
