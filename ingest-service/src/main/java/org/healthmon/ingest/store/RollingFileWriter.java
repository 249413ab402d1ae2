package org.healthmon.ingest.store;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.ingest.IngestProperties;

import org.springframework.context.SmartLifecycle;

/**
 * Writes lines into rolling files on HDFS (docs/architecture.md §4), exactly once: one
 * thread owns the open {@link Segment}; files are hidden while open, hflushed every flush
 * interval, and published by rename when their time, size or arrival bucket is up
 * ({@link RollPolicy}). Producers hand lines over through a bounded queue and wait when
 * it is full. When HDFS fails, the open segment fails over to the local spool, and
 * {@link WriteTarget} brings the store back to HDFS once it answers.
 */
final class RollingFileWriter implements SmartLifecycle {

	/** Stops after the receivers (higher phases stop first) so nothing arrives after. */
	static final int PHASE = -1000;

	/** Most lines taken from the queue at once. */
	private static final int MAX_BATCH = 8192;

	/** How long the writer naps when the queue is empty: the most it adds to latency. */
	private static final long IDLE_MS = 2;

	private final String store;

	private final RollPolicy policy;

	private final Clock clock;

	private final LineQueue queue;

	private final StoreMetrics metrics;

	private final WriteTarget target;

	private volatile Thread thread;

	private volatile boolean stopRequested;

	private volatile long lastFlushMs;

	private Segment current;

	RollingFileWriter(String store, FileSystem fs, IngestProperties properties, Partitioning partitioning,
			MeterRegistry registry, Clock clock) {
		this.store = store;
		this.policy = RollPolicy.of(properties.writer());
		this.clock = clock;
		this.metrics = new StoreMetrics(registry, store);
		this.queue = new LineQueue(properties.writer().bufferLines(), partitioning, this.metrics);
		this.target = new WriteTarget(store, fs, properties, partitioning, this.metrics, clock);
		this.metrics.watch(this);
	}

	/**
	 * Accepts one line (with its newline) that arrived at the given time; waits while the
	 * buffer is full. A line with its service (raw lines) is counted in its published
	 * file's {@link RawTally}.
	 */
	void append(long arrivalTimeMs, byte[] line, String service) {
		if (closed()) {
			throw new IllegalStateException("the " + this.store + " store is closed");
		}
		try {
			this.queue.put(arrivalTimeMs, line, service);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while handing a line to the " + this.store + " store", ex);
		}
	}

	/**
	 * Hands over one line if the buffer has room; never waits.
	 * @return whether the line was taken
	 */
	boolean offer(long arrivalTimeMs, byte[] line) {
		return !closed() && this.queue.offer(arrivalTimeMs, line);
	}

	private boolean closed() {
		return this.stopRequested && this.thread == null;
	}

	/** Whether this store is behind: its buffer half full, or spooling. */
	boolean behind() {
		return this.queue.halfFull() || this.target.isSpooling();
	}

	/** Where the lines go: HDFS or the spool, with the spool's state. */
	WriteTarget target() {
		return this.target;
	}

	long lastFlushMs() {
		return this.lastFlushMs;
	}

	int bufferedLines() {
		return this.queue.size();
	}

	@Override
	public void start() {
		this.stopRequested = false;
		Thread writer = new Thread(this::run, "healthmon-" + this.store + "-writer");
		writer.setDaemon(false);
		this.thread = writer;
		writer.start();
	}

	@Override
	public void stop() {
		this.stopRequested = true;
		Thread writer = this.thread;
		if (writer != null) {
			try {
				writer.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void run() {
		List<LineQueue.Line> batch = new ArrayList<>(MAX_BATCH);
		this.target.start();
		while (!this.stopRequested || !this.queue.isEmpty() || !batch.isEmpty()) {
			try {
				if (batch.isEmpty() && this.queue.drainTo(batch, MAX_BATCH) == 0) {
					idle();
				}
				write(batch);
				housekeeping(this.clock.millis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (IOException | RuntimeException ex) {
				// Only the spool (local disk) can fail here: keep the lines and try again
				this.target.failed("writing to the local spool failed; lines stay queued and intake slows", ex);
				pauseQuietly();
			}
		}
		finish();
	}

	/** Writes and removes the lines of a batch; on a spool failure the rest remain. */
	private void write(List<LineQueue.Line> batch) throws IOException {
		int done = 0;
		try {
			for (LineQueue.Line line : batch) {
				writeLine(line);
				done++;
			}
		}
		finally {
			batch.subList(0, done).clear();
		}
	}

	private void writeLine(LineQueue.Line line) throws IOException {
		if (this.current != null && this.current.bucket() != line.bucket()) {
			roll();
		}
		if (this.current == null) {
			use(this.target.open(line.bucket()));
		}
		try {
			this.current.write(line.bytes(), line.service(), line.arrivalTimeMs());
		}
		catch (IOException ex) {
			// The line is among the segment's unflushed lines, which move to the spool
			failOver(this.current, ex);
		}
	}

	/**
	 * Waits a moment for lines, without blocking on the queue: a writer waiting on the
	 * queue's condition would have every producer wake it, line by line, which at 100,000
	 * lines a second costs the receive thread more than its own work.
	 */
	private void idle() throws InterruptedException {
		long now = this.clock.millis();
		long deadline = Math.min(this.policy.nextDeadline(this.current, now), this.target.nextRetryMs());
		LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(IDLE_MS, Math.max(0, deadline - now))));
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
	}

	private void housekeeping(long now) throws IOException {
		if (this.current != null && this.policy.flushDue(this.lastFlushMs, now)) {
			flush();
		}
		if (this.current != null && this.policy.rollDue(this.current, now)) {
			roll();
		}
		this.current = this.target.retry(now, this.current);
	}

	/**
	 * Makes a newly opened segment the one written; it counts as flushed at its start.
	 */
	private void use(Segment segment) {
		this.current = segment;
		this.lastFlushMs = segment.openedAtMs();
	}

	private void flush() throws IOException {
		long start = System.nanoTime();
		try {
			this.current.flush();
			this.lastFlushMs = this.clock.millis();
			this.metrics.flushed(System.nanoTime() - start);
		}
		catch (IOException ex) {
			failOver(this.current, ex);
		}
	}

	private void roll() throws IOException {
		Segment segment = this.current;
		try {
			segment.publish();
			this.current = null;
		}
		catch (IOException ex) {
			failOver(segment, ex);
			if (this.current != null) {
				roll();
			}
		}
	}

	/** A segment's storage failed: the lines it hands back start a spool segment. */
	private void failOver(Segment failed, IOException cause) throws IOException {
		List<byte[]> carried = failed.failOver(cause);
		this.target.enterSpooling(cause);
		this.current = null;
		if (!carried.isEmpty()) {
			use(this.target.open(failed.bucket()));
			for (byte[] line : carried) {
				this.current.write(line, null, 0);
			}
		}
	}

	/** On stop: publish what is open, and replay the spool if HDFS allows. */
	private void finish() {
		try {
			if (this.current != null) {
				roll();
			}
			this.target.stop();
		}
		catch (IOException | RuntimeException ex) {
			this.target.failed(
					"could not publish the last " + this.store + " file on stop; it is recovered on the next start",
					ex);
		}
	}

	private void pauseQuietly() {
		try {
			Thread.sleep(this.target.retryIntervalMs());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
