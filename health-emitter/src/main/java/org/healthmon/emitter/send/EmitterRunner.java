package org.healthmon.emitter.send;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Runs the send loop on the main thread once the application has started, and stops it
 * when the context closes, e.g. on SIGTERM: closing waits (a bounded time) for the loop
 * to finish its burst and log its summary, before the channel is closed.
 */
final class EmitterRunner implements ApplicationRunner, DisposableBean {

	private static final Log log = LogFactory.getLog(EmitterRunner.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private final SendLoop loop;

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile boolean started;

	private volatile @Nullable RunSummary summary;

	EmitterRunner(SendLoop loop) {
		this.loop = loop;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.started = true;
		try {
			this.summary = this.loop.run();
		}
		finally {
			this.finished.countDown();
		}
	}

	/** The summary of the finished run, or {@code null} before it has finished. */
	@Nullable RunSummary summary() {
		return this.summary;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.loop.requestStop();
		if (this.started && !this.finished.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
			log.warn("The send loop did not stop within " + STOP_WAIT + "; closing anyway");
		}
	}

}
