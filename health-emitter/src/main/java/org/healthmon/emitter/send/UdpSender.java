package org.healthmon.emitter.send;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * One connected UDP channel to the target. Connecting resolves the host once and lets the
 * kernel skip the per-datagram route lookup; one direct buffer is reused for every
 * datagram, so sending allocates nothing beyond the encoded message. Not thread-safe.
 */
final class UdpSender implements AutoCloseable {

	/** Largest UDP payload over IPv4. */
	private static final int MAX_DATAGRAM = 65_507;

	private final DatagramChannel channel;

	private final InetSocketAddress target;

	private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);

	UdpSender(String host, int port, int sendBufferBytes) throws IOException {
		this.target = new InetSocketAddress(host, port);
		if (this.target.isUnresolved()) {
			throw new IOException("cannot resolve the target host '" + host + "'");
		}
		this.channel = DatagramChannel.open();
		try {
			this.channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
			this.channel.connect(this.target);
		}
		catch (IOException ex) {
			this.channel.close();
			throw ex;
		}
	}

	InetSocketAddress target() {
		return this.target;
	}

	/** The send buffer the kernel granted, which may be less than asked for. */
	int sendBufferBytes() throws IOException {
		return this.channel.getOption(StandardSocketOptions.SO_SNDBUF);
	}

	/**
	 * Sends one datagram. A connected UDP socket reports an earlier datagram refused by
	 * the target (ICMP port unreachable) as a {@link java.net.PortUnreachableException}
	 * here.
	 */
	void send(byte[] payload) throws IOException {
		this.buffer.clear();
		this.buffer.put(payload).flip();
		this.channel.write(this.buffer);
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
