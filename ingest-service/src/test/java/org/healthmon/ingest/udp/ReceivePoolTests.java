package org.healthmon.ingest.udp;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReceivePoolTests {

	@Test
	void whenWorkersAndQueueAreFullThenTheSubmittingThreadRunsTheDatagramItself() throws Exception {
		ReceivePool pool = new ReceivePool(1, Duration.ofSeconds(10));
		pool.start();
		CountDownLatch release = new CountDownLatch(1);
		try {
			// the receive loop's own thread and the one worker, both busy
			for (int i = 0; i < 2; i++) {
				pool.execute(() -> await(release));
			}
			Thread caller = Thread.currentThread();
			AtomicInteger ranOnCaller = new AtomicInteger();
			for (int i = 0; i < 300; i++) {
				pool.execute(() -> {
					if (Thread.currentThread() == caller) {
						ranOnCaller.incrementAndGet();
					}
				});
			}
			// 256 wait in the bounded queue, the rest ran here: nothing piles up
			// unbounded
			assertThat(pool.queued()).isEqualTo(256);
			assertThat(ranOnCaller.get()).isEqualTo(300 - 256);
		}
		finally {
			release.countDown();
			pool.stop();
		}
	}

	@Test
	void whenStoppedThenQueuedDatagramsAreHandledAndLaterOnesRefusedForTheAdapterToRun() {
		ReceivePool pool = new ReceivePool(2, Duration.ofSeconds(10));
		pool.start();
		AtomicInteger handled = new AtomicInteger();
		for (int i = 0; i < 100; i++) {
			pool.execute(handled::incrementAndGet);
		}
		pool.stop();

		assertThat(handled.get()).isEqualTo(100);
		assertThat(pool.isRunning()).isFalse();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> {
		}));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
