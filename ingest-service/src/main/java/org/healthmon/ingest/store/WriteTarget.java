package org.healthmon.ingest.store;

import java.io.IOException;
import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.healthmon.ingest.IngestProperties;
import org.healthmon.model.SequencedFileName;

/**
 * Where one store's lines go, and the spool state machine behind it (docs/architecture.md
 * §4). While HDFS answers, segments open there; once it fails, every new segment opens in
 * the local spool and HDFS is asked again every retry interval. When it answers,
 * {@link StoreRecovery} publishes the orphaned files and replays the spool, in sequence
 * order, and segments open on HDFS again. The local {@link NodeState} makes the same true
 * across a restart: a file a crash left open is an orphan, and whatever waits for
 * recovery is tried at the start.
 */
final class WriteTarget {

	private static final Log log = LogFactory.getLog(WriteTarget.class);

	private final String store;

	private final FileSystem fs;

	private final String nodeId;

	private final Partitioning partitioning;

	private final short replication;

	private final long retryIntervalMs;

	private final NodeState state;

	private final StoreRecovery recovery;

	private final StoreMetrics metrics;

	private final Clock clock;

	private volatile boolean spooling;

	private volatile String lastError;

	private long nextRetryMs;

	private volatile RawPublishListener listener = RawPublishListener.NONE;

	/** {@link #start} has run: what a crash left was tried. */
	private volatile boolean started;

	WriteTarget(String store, FileSystem fs, IngestProperties properties, Partitioning partitioning,
			StoreMetrics metrics, Clock clock) {
		this.store = store;
		this.fs = fs;
		this.nodeId = properties.nodeId();
		this.partitioning = partitioning;
		this.replication = properties.hdfs().replication();
		this.retryIntervalMs = properties.spool().retryInterval().toMillis();
		this.state = new NodeState(java.nio.file.Path.of(properties.spool().dir()).toAbsolutePath().resolve(store));
		this.recovery = new StoreRecovery(fs, this.replication, this::published);
		this.metrics = metrics;
		this.clock = clock;
	}

	void listen(RawPublishListener listener) {
		this.listener = listener;
	}

	private void published(long seq, String path, RawTally tally) {
		this.listener.published(seq, path, tally);
	}

	/** Started, and not spooling: nothing waits for recovery. */
	boolean settled() {
		return this.started && !this.spooling;
	}

	boolean isSpooling() {
		return this.spooling;
	}

	String lastError() {
		return this.lastError;
	}

	long retryIntervalMs() {
		return this.retryIntervalMs;
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

	/**
	 * Opens the segment for a bucket's next lines, with the next sequence number: a
	 * hidden HDFS file, named in the node state as the open file, unless HDFS is away or
	 * fails to create it; then a spool segment.
	 */
	Segment open(long bucket) throws IOException {
		long now = this.clock.millis();
		SequencedFileName name = nextName(now);
		String directory = this.partitioning.directoryOf().apply(bucket);
		if (!this.spooling) {
			this.state.opened(directory, name);
			try {
				return HdfsSegment.create(this.fs, new Path(directory), name, bucket, now, this.replication, this.state,
						this.metrics, this::published);
			}
			catch (IOException ex) {
				// The file may exist on the namenode even though create failed: recover
				// it later
				this.state.addOrphan(new NodeState.Orphan(directory, name, 0));
				enterSpooling(ex);
				name = nextName(now);
			}
		}
		return SpoolSegment.create(this.state.segmentsDir(), directory, name, bucket, now, this.metrics);
	}

	private SequencedFileName nextName(long now) throws IOException {
		return new SequencedFileName(this.nodeId, this.state.nextSeq(now), this.partitioning.extension());
	}

	/** HDFS failed: segments open in the spool until a retry finds it back. */
	void enterSpooling(IOException cause) {
		if (!this.spooling) {
			log.warn("HDFS unavailable for the " + this.store + " store (" + cause + "); spooling accepted lines to "
					+ this.state.dir() + " until it is back");
		}
		this.spooling = true;
		this.lastError = String.valueOf(cause);
		this.nextRetryMs = this.clock.millis() + this.retryIntervalMs;
	}

	/** When HDFS is next asked whether it is back; never while it answers. */
	long nextRetryMs() {
		return this.spooling ? this.nextRetryMs : Long.MAX_VALUE;
	}

	/**
	 * Asks HDFS whether it is back, when it is time to.
	 * @param current the open segment, if any
	 * @return the segment to go on writing: {@code current}, or {@code null} when HDFS
	 * was back and the open spool segment was closed for replay
	 */
	Segment retry(long now, Segment current) {
		return (this.spooling && now >= this.nextRetryMs) ? tryRecover(now, current) : current;
	}

	private Segment tryRecover(long now, Segment current) {
		Segment open = current;
		try {
			this.fs.getFileStatus(new Path("/"));
			if (open != null) {
				open = open.closeForReplay();
			}
			long replayed = this.recovery.recover(this.state);
			this.spooling = false;
			this.lastError = null;
			log.info("HDFS is back for the " + this.store + " store: replayed " + replayed + " spooled lines");
		}
		catch (IOException | RuntimeException ex) {
			this.lastError = String.valueOf(ex);
			this.nextRetryMs = now + this.retryIntervalMs;
			if (log.isDebugEnabled()) {
				log.debug("HDFS still unavailable for the " + this.store + " store", ex);
			}
		}
		return open;
	}

	/**
	 * At the start: a file a crash left open becomes an orphan, and whatever waits for
	 * recovery is tried at once.
	 */
	void start() {
		try {
			NodeState.Orphan crashed = this.state.crashedOpenFile();
			if (crashed != null) {
				log.warn("Found " + crashed.directory() + "/" + crashed.name().hidden()
						+ " open from an unclean stop; it will be published up to its last complete line");
				this.state.addOrphan(crashed);
			}
			if (!this.state.orphans().isEmpty() || !this.state.segments().isEmpty()) {
				this.spooling = true;
				this.nextRetryMs = this.clock.millis();
				tryRecover(this.nextRetryMs, null);
			}
		}
		catch (IOException ex) {
			failed("cannot read the node state in " + this.state.dir(), ex);
		}
		this.started = true;
	}

	/**
	 * At the stop, once the last segment is published: one more try to replay the spool;
	 * what is left waits for the next start.
	 */
	void stop() {
		if (this.spooling) {
			tryRecover(this.clock.millis(), null);
		}
		if (this.spooling) {
			log.warn("The " + this.store + " store stops with " + spoolSegments() + " segments in the spool "
					+ this.state.dir() + "; they are replayed into HDFS on the next start");
		}
	}

	/** Says what failed, in the log and in the store's health. */
	void failed(String what, Exception ex) {
		this.lastError = what + ": " + ex;
		log.error("The " + this.store + " store " + what, ex);
	}

}
