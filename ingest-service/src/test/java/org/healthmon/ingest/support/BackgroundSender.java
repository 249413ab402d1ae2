package org.healthmon.ingest.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;

/**
 * Keeps sending valid messages at a steady rate from its own thread until stopped, and
 * remembers every message it sent.
 */
public final class BackgroundSender implements AutoCloseable {

	private final List<HealthMessage> sent = Collections.synchronizedList(new ArrayList<>());

	private final Thread thread;

	private volatile boolean stop;

	private volatile Exception failure;

	public BackgroundSender(int port, int perSecond, long seed) {
		this.thread = new Thread(() -> run(port, perSecond, seed), "test-udp-sender");
		this.thread.start();
	}

	private void run(int port, int perSecond, long seed) {
		HealthMessageJson json = new HealthMessageJson();
		java.util.Random random = new java.util.Random(seed);
		long start = System.nanoTime();
		try (UdpSender sender = new UdpSender(port)) {
			for (int i = 0; !this.stop; i++) {
				HealthMessage message = TestMessages.validAt(i, 4, 1_763_789_462_000L, random);
				sender.send(json.encode(message));
				this.sent.add(TestMessages.withoutSeq(message));
				long early = start + (long) ((i + 1) * 1e9 / perSecond) - System.nanoTime();
				if (early > 1_000_000) {
					LockSupport.parkNanos(early);
				}
			}
		}
		catch (IOException ex) {
			// The receiver went away (port unreachable): that ends the sending
			this.failure = ex;
		}
	}

	public List<HealthMessage> sent() {
		synchronized (this.sent) {
			return List.copyOf(this.sent);
		}
	}

	public Exception failure() {
		return this.failure;
	}

	@Override
	public void close() throws InterruptedException {
		this.stop = true;
		this.thread.join(TimeUnit.SECONDS.toMillis(10));
	}

}
