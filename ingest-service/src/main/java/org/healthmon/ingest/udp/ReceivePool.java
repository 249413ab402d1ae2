package org.healthmon.ingest.udp;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The threads of the UDP adapter: one runs its receive loop, {@code receiveThreads}
 * decode, catalog and store the datagrams it hands over through a bounded queue. With no
 * workers (the default) the receive thread handles each datagram itself: on two cores
 * that is several times faster than a hand-off per datagram (BENCHMARKS.md).
 *
 * <p>
 * The adapter's own default is a fixed pool with an unbounded queue, which under a slow
 * store grows until the heap runs out. Here, when the queue is full the receive thread
 * handles the datagram itself: it stops reading the socket meanwhile, so the kernel's
 * receive buffer takes the burst, and the store's blocking {@code append} reaches back to
 * the socket. After shutdown the adapter handles any last datagram on the receive thread
 * too (it does so on {@link RejectedExecutionException}), so none is dropped silently.
 *
 * <p>
 * Stops right after the adapter (phase {@code Integer.MAX_VALUE / 2}) and waits for the
 * datagrams in hand, so that everything received reaches the catalog and the store before
 * they stop.
 */
class ReceivePool implements Executor, SmartLifecycle {

	static final int PHASE = Integer.MAX_VALUE / 2 - 100;

	/** Datagrams waiting per worker; beyond that the receive thread helps. */
	private static final int QUEUE_PER_THREAD = 256;

	private static final Log log = LogFactory.getLog(ReceivePool.class);

	private final int workers;

	private final Duration drainTimeout;

	private volatile ThreadPoolExecutor pool;

	ReceivePool(int workers, Duration drainTimeout) {
		this.workers = workers;
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Marks the pool's own threads, so that with no workers they run datagrams inline.
	 */
	private static final ThreadLocal<Boolean> POOL_THREAD = ThreadLocal.withInitial(() -> false);

	@Override
	public void execute(Runnable task) {
		if (this.workers == 0 && POOL_THREAD.get()) {
			// The adapter's receive thread hands itself a datagram: handle it right here
			task.run();
			return;
		}
		ThreadPoolExecutor current = this.pool;
		if (current == null) {
			throw new RejectedExecutionException("receive pool is not running");
		}
		current.execute(task);
	}

	@Override
	public synchronized void start() {
		if (this.pool != null) {
			return;
		}
		AtomicInteger count = new AtomicInteger();
		int threads = this.workers + 1;
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, this.workers * QUEUE_PER_THREAD)),
				(task) -> daemon(task, "udp-receive-" + count.incrementAndGet()), ReceivePool::runOnReceiver);
	}

	@Override
	public synchronized void stop() {
		ThreadPoolExecutor current = this.pool;
		if (current == null) {
			return;
		}
		current.shutdown();
		try {
			if (!current.awaitTermination(this.drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("UDP receive threads still busy after " + this.drainTimeout + " (store blocked?): "
						+ current.getQueue().size() + " datagrams queued");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.pool = null;
	}

	@Override
	public boolean isRunning() {
		return this.pool != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Whether each datagram is handled on the receive thread itself (no workers). */
	boolean handlesOnReceiveThread() {
		return this.workers == 0;
	}

	/** Datagrams waiting for a worker. */
	int queued() {
		ThreadPoolExecutor current = this.pool;
		return (current != null) ? current.getQueue().size() : 0;
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(() -> {
			POOL_THREAD.set(true);
			task.run();
		}, name);
		// shutdown is ordered by the lifecycle; these threads must never keep a JVM alive
		thread.setDaemon(true);
		return thread;
	}

	private static void runOnReceiver(Runnable task, ThreadPoolExecutor pool) {
		if (pool.isShutdown()) {
			throw new RejectedExecutionException("receive pool is shut down");
		}
		task.run();
	}

}
