package org.healthmon.ingest.store;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.healthmon.ingest.IngestProperties;
import org.healthmon.model.SequencedFileName;

import org.springframework.context.SmartLifecycle;

/**
 * Writes lines into rolling files on HDFS (docs/architecture.md §4), exactly once: one
 * thread owns the open file; files are hidden while open, hflushed every flush interval,
 * and published by rename when their time, size or arrival bucket is up. Producers hand
 * lines over through a bounded queue and wait when it is full.
 *
 * <p>
 * When HDFS fails, the open file becomes an orphan that keeps only its hflushed bytes,
 * and every later line goes to a local spool; once HDFS answers again,
 * {@link StoreRecovery} publishes the orphan and the spool, in sequence order. The local
 * {@link NodeState} makes the same true across a restart.
 */
final class RollingFileWriter implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RollingFileWriter.class);

	/** Stops after the receivers (higher phases stop first) so nothing arrives after. */
	static final int PHASE = -1000;

	/** Most lines taken from the queue at once. */
	private static final int MAX_BATCH = 8192;

	/** How long the writer naps when the queue is empty: the most it adds to latency. */
	private static final long IDLE_MS = 2;

	private final String store;

	private final FileSystem fs;

	private final String nodeId;

	private final Partitioning partitioning;

	private final IngestProperties.Writer settings;

	private final short replication;

	private final long retryIntervalMs;

	private final NodeState state;

	private final StoreRecovery recovery;

	private final Clock clock;

	private final BlockingQueue<Line> queue;

	private final Metrics metrics;

	private volatile Thread thread;

	private volatile boolean stopRequested;

	private volatile boolean spooling;

	private volatile String lastError;

	private volatile long lastFlushMs;

	private Segment current;

	private long nextRetryMs;

	RollingFileWriter(String store, FileSystem fs, IngestProperties properties, Partitioning partitioning,
			MeterRegistry registry, Clock clock) {
		this.store = store;
		this.fs = fs;
		this.nodeId = properties.nodeId();
		this.partitioning = partitioning;
		this.settings = properties.writer();
		this.replication = properties.hdfs().replication();
		this.retryIntervalMs = properties.spool().retryInterval().toMillis();
		this.state = new NodeState(java.nio.file.Path.of(properties.spool().dir()).toAbsolutePath().resolve(store));
		this.recovery = new StoreRecovery(fs, this.replication);
		this.clock = clock;
		this.queue = new ArrayBlockingQueue<>(this.settings.bufferLines());
		this.metrics = new Metrics(registry, store, this);
	}

	/**
	 * Accepts one line (with its newline) that arrived at the given time; waits while the
	 * buffer is full.
	 */
	void append(long arrivalTimeMs, byte[] line) {
		if (this.stopRequested && this.thread == null) {
			throw new IllegalStateException("the " + this.store + " store is closed");
		}
		try {
			this.queue.put(new Line(this.partitioning.bucketOf(arrivalTimeMs), line));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while handing a line to the " + this.store + " store", ex);
		}
		this.metrics.appended.increment();
	}

	boolean isSpooling() {
		return this.spooling;
	}

	String lastError() {
		return this.lastError;
	}

	long lastFlushMs() {
		return this.lastFlushMs;
	}

	int bufferedLines() {
		return this.queue.size();
	}

	java.nio.file.Path spoolDir() {
		return this.state.dir();
	}

	int spoolSegments() {
		try {
			return this.state.segments().size();
		}
		catch (IOException ex) {
			return -1;
		}
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
		List<Line> batch = new ArrayList<>(MAX_BATCH);
		startup();
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
				failed("writing to the local spool failed; lines stay queued and intake slows", ex);
				pauseQuietly();
			}
		}
		finish();
	}

	/** Writes and removes the lines of a batch; on a spool failure the rest remain. */
	private void write(List<Line> batch) throws IOException {
		int done = 0;
		try {
			for (Line line : batch) {
				writeLine(line);
				done++;
			}
		}
		finally {
			batch.subList(0, done).clear();
		}
	}

	private void writeLine(Line line) throws IOException {
		if (this.current != null && this.current.bucket() != line.bucket()) {
			roll();
		}
		if (this.current == null) {
			this.current = open(line.bucket());
		}
		try {
			this.current.write(line.bytes());
			if (this.current instanceof SpoolSegment) {
				this.metrics.spooled.increment();
			}
		}
		catch (IOException ex) {
			if (!(this.current instanceof HdfsSegment hdfs)) {
				throw ex;
			}
			// The line is among the segment's unflushed lines, which move to the spool
			switchToSpool(hdfs, ex);
		}
	}

	/**
	 * Waits a moment for lines, without blocking on the queue: a writer waiting on the
	 * queue's condition would have every producer wake it, line by line, which at 100,000
	 * lines a second costs the receive thread more than its own work.
	 */
	private void idle() throws InterruptedException {
		long now = this.clock.millis();
		long untilDeadline = Math.max(0, nextDeadline(now) - now);
		LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(IDLE_MS, untilDeadline)));
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
	}

	private void housekeeping(long now) throws IOException {
		if (this.current != null && now - this.lastFlushMs >= this.settings.flushInterval().toMillis()) {
			flush();
		}
		if (this.current != null && (now - this.current.openedAtMs() >= this.settings.rollInterval().toMillis()
				|| this.current.bytes() >= this.settings.rollSize().toBytes())) {
			roll();
		}
		if (this.spooling && now >= this.nextRetryMs) {
			tryRecover(now);
		}
	}

	private long nextDeadline(long now) {
		long deadline = now + this.settings.flushInterval().toMillis();
		if (this.current != null) {
			deadline = Math.min(deadline, this.current.openedAtMs() + this.settings.rollInterval().toMillis());
		}
		if (this.spooling) {
			deadline = Math.min(deadline, this.nextRetryMs);
		}
		return deadline;
	}

	private Segment open(long bucket) throws IOException {
		long now = this.clock.millis();
		SequencedFileName name = new SequencedFileName(this.nodeId, this.state.nextSeq(now),
				this.partitioning.extension());
		String directory = this.partitioning.directoryOf().apply(bucket);
		this.lastFlushMs = now;
		if (!this.spooling) {
			this.state.opened(directory, name);
			try {
				return HdfsSegment.create(this.fs, new Path(directory), name, bucket, now, this.replication);
			}
			catch (IOException ex) {
				// The file may exist on the namenode even though create failed: recover
				// it later
				this.state.addOrphan(new NodeState.Orphan(directory, name, 0));
				enterSpooling(ex);
				name = new SequencedFileName(this.nodeId, this.state.nextSeq(now), this.partitioning.extension());
			}
		}
		return SpoolSegment.create(this.state.segmentsDir(), directory, name, bucket, now);
	}

	private void flush() throws IOException {
		long start = System.nanoTime();
		try {
			this.current.flush();
			this.lastFlushMs = this.clock.millis();
			this.metrics.flush.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
		catch (IOException ex) {
			if (!(this.current instanceof HdfsSegment hdfs)) {
				throw ex;
			}
			switchToSpool(hdfs, ex);
		}
	}

	private void roll() throws IOException {
		Segment segment = this.current;
		try {
			segment.publish();
			this.current = null;
			if (segment instanceof HdfsSegment) {
				this.state.published();
				this.metrics.published.increment();
				this.metrics.publishedLines.increment(segment.lines());
			}
		}
		catch (IOException ex) {
			if (!(segment instanceof HdfsSegment hdfs)) {
				throw ex;
			}
			switchToSpool(hdfs, ex);
			if (this.current != null) {
				roll();
			}
		}
	}

	/**
	 * HDFS failed under the open file: it becomes an orphan that keeps its hflushed
	 * bytes, and its unflushed lines start a spool segment with the next sequence number.
	 */
	private void switchToSpool(HdfsSegment failed, IOException cause) throws IOException {
		failed.abandon();
		this.state.addOrphan(new NodeState.Orphan(failed.directory().toString(), failed.name(), failed.flushedBytes()));
		enterSpooling(cause);
		List<byte[]> carried = List.copyOf(failed.unflushed());
		this.current = null;
		if (!carried.isEmpty()) {
			this.current = open(failed.bucket());
			for (byte[] line : carried) {
				this.current.write(line);
			}
			this.metrics.spooled.increment(carried.size());
		}
	}

	private void enterSpooling(IOException cause) {
		if (!this.spooling) {
			logger.warn("HDFS unavailable for the " + this.store + " store (" + cause + "); spooling accepted lines to "
					+ this.state.dir() + " until it is back");
		}
		this.spooling = true;
		this.lastError = String.valueOf(cause);
		this.nextRetryMs = this.clock.millis() + this.retryIntervalMs;
	}

	private void tryRecover(long now) {
		try {
			this.fs.getFileStatus(new Path("/"));
			if (this.current instanceof SpoolSegment) {
				this.current.publish();
				this.current = null;
			}
			long replayed = this.recovery.recover(this.state);
			this.spooling = false;
			this.lastError = null;
			logger.info("HDFS is back for the " + this.store + " store: replayed " + replayed + " spooled lines");
		}
		catch (IOException | RuntimeException ex) {
			this.lastError = String.valueOf(ex);
			this.nextRetryMs = now + this.retryIntervalMs;
			if (logger.isDebugEnabled()) {
				logger.debug("HDFS still unavailable for the " + this.store + " store", ex);
			}
		}
	}

	private void startup() {
		try {
			NodeState.Orphan crashed = this.state.crashedOpenFile();
			if (crashed != null) {
				logger.warn("Found " + crashed.directory() + "/" + crashed.name().hidden()
						+ " open from an unclean stop; it will be published up to its last complete line");
				this.state.addOrphan(crashed);
			}
			if (!this.state.orphans().isEmpty() || !this.state.segments().isEmpty()) {
				this.spooling = true;
				this.nextRetryMs = this.clock.millis();
				tryRecover(this.nextRetryMs);
			}
		}
		catch (IOException ex) {
			failed("cannot read the node state in " + this.state.dir(), ex);
		}
	}

	/** On stop: publish what is open, and replay the spool if HDFS allows. */
	private void finish() {
		try {
			if (this.current != null) {
				roll();
			}
			if (this.spooling) {
				tryRecover(this.clock.millis());
			}
			if (this.spooling) {
				logger.warn("The " + this.store + " store stops with " + spoolSegments() + " segments in the spool "
						+ this.state.dir() + "; they are replayed into HDFS on the next start");
			}
		}
		catch (IOException | RuntimeException ex) {
			failed("could not publish the last " + this.store + " file on stop; it is recovered on the next start", ex);
		}
	}

	private void failed(String what, Exception ex) {
		this.lastError = what + ": " + ex;
		logger.error("The " + this.store + " store " + what, ex);
	}

	private void pauseQuietly() {
		try {
			Thread.sleep(this.retryIntervalMs);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Line(long bucket, byte[] bytes) {
	}

	private static final class Metrics {

		private final Counter appended;

		private final Counter spooled;

		private final Counter published;

		private final Counter publishedLines;

		private final Timer flush;

		Metrics(MeterRegistry registry, String store, RollingFileWriter writer) {
			this.appended = registry.counter("healthmon.ingest.store.appended", "store", store);
			this.spooled = registry.counter("healthmon.ingest.store.spooled", "store", store);
			this.published = registry.counter("healthmon.ingest.store.files.published", "store", store);
			this.publishedLines = registry.counter("healthmon.ingest.store.lines.published", "store", store);
			this.flush = Timer.builder("healthmon.ingest.store.flush")
				.description("hflush latency")
				.tag("store", store)
				.register(registry);
			Gauge.builder("healthmon.ingest.store.buffer.lines", writer, RollingFileWriter::bufferedLines)
				.description("lines waiting for the writer")
				.tag("store", store)
				.register(registry);
			Gauge.builder("healthmon.ingest.store.spooling", writer, (w) -> w.isSpooling() ? 1 : 0)
				.tag("store", store)
				.register(registry);
			Gauge.builder("healthmon.ingest.store.spool.segments", writer, RollingFileWriter::spoolSegments)
				.tag("store", store)
				.register(registry);
		}

	}

}
