package org.healthmon.emitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;

/**
 * A real UDP socket on 127.0.0.1, on a free port, that a daemon thread drains into a
 * queue. Waits for datagrams are always bounded.
 */
public final class UdpTestReceiver implements AutoCloseable {

	private static final HealthMessageJson JSON = new HealthMessageJson();

	private final DatagramChannel channel;

	private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();

	private final AtomicLong count = new AtomicLong();

	private final boolean keepPayloads;

	private UdpTestReceiver(boolean keepPayloads) throws IOException {
		this.keepPayloads = keepPayloads;
		this.channel = DatagramChannel.open();
		// the kernel caps this at net.core.rmem_max (4 MiB here): enough for test bursts
		this.channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
		this.channel.bind(new InetSocketAddress("127.0.0.1", 0));
		Thread thread = new Thread(this::drain, "udp-test-receiver");
		thread.setDaemon(true);
		thread.start();
	}

	/** A receiver that keeps every datagram. */
	public static UdpTestReceiver start() throws IOException {
		return new UdpTestReceiver(true);
	}

	/** A receiver that only counts, for throughput runs. */
	public static UdpTestReceiver counting() throws IOException {
		return new UdpTestReceiver(false);
	}

	public int port() {
		try {
			return ((InetSocketAddress) this.channel.getLocalAddress()).getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public long count() {
		return this.count.get();
	}

	/**
	 * Waits until {@code expected} datagrams have arrived, or the timeout; returns them.
	 */
	public List<byte[]> await(int expected, Duration timeout) throws InterruptedException {
		List<byte[]> datagrams = new ArrayList<>(Math.min(expected, 10_000));
		long deadline = System.nanoTime() + timeout.toNanos();
		while (datagrams.size() < expected) {
			byte[] next = this.received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (next == null) {
				break;
			}
			datagrams.add(next);
		}
		return datagrams;
	}

	/**
	 * Whatever else arrives within the given time; for checking that nothing more came.
	 */
	public List<byte[]> drainFor(Duration quiet) throws InterruptedException {
		return await(Integer.MAX_VALUE, quiet);
	}

	/** Decodes datagrams with the shared codec, failing on any that is not accepted. */
	public static List<HealthMessage> decodeAll(List<byte[]> datagrams) {
		List<HealthMessage> messages = new ArrayList<>(datagrams.size());
		for (byte[] datagram : datagrams) {
			DecodeResult result = JSON.decode(datagram);
			if (!(result instanceof DecodeResult.Accepted accepted)) {
				throw new AssertionError("datagram rejected: " + result + ": " + new String(datagram));
			}
			messages.add(accepted.message());
		}
		return messages;
	}

	private void drain() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
		try {
			while (true) {
				buffer.clear();
				this.channel.receive(buffer);
				buffer.flip();
				this.count.incrementAndGet();
				if (this.keepPayloads) {
					byte[] payload = new byte[buffer.remaining()];
					buffer.get(payload);
					this.received.add(payload);
				}
			}
		}
		catch (AsynchronousCloseException ex) {
			// closed by the test: the normal end
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
