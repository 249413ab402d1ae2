package org.healthmon.ingest.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends datagrams to ingest over a real socket at a steady pace, so the test measures
 * ingest and not the kernel's receive buffer under a burst.
 */
public final class UdpSender implements AutoCloseable {

	private final DatagramChannel channel;

	public UdpSender(int port) throws IOException {
		this.channel = DatagramChannel.open();
		this.channel.connect(new InetSocketAddress("127.0.0.1", port));
	}

	public void send(byte[] payload) throws IOException {
		this.channel.write(ByteBuffer.wrap(payload));
	}

	/**
	 * Sends all payloads at about {@code perSecond}, in bursts of a millisecond's worth.
	 */
	public void sendAll(List<byte[]> payloads, int perSecond) throws IOException {
		long start = System.nanoTime();
		for (int i = 0; i < payloads.size(); i++) {
			send(payloads.get(i));
			long due = start + (long) ((i + 1) * 1e9 / perSecond);
			long early = due - System.nanoTime();
			if (early > 1_000_000) {
				LockSupport.parkNanos(early);
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
