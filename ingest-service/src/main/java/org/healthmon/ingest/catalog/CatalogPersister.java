package org.healthmon.ingest.catalog;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.Path;

import org.healthmon.model.ServiceCatalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the persisted catalog in step with the {@link LiveCatalog}: adds the counters
 * persisted earlier (so they continue across restarts), writes the catalog every
 * {@code persist-interval} and once more on shutdown. The store may be unavailable at any
 * of these moments: failures are logged and shown by health, never fatal, and the load is
 * retried before every write so that an earlier catalog is never overwritten unread.
 */
class CatalogPersister implements SmartLifecycle {

	/**
	 * Stops after the UDP adapter (phase {@code Integer.MAX_VALUE / 2}) and its receive
	 * pool have drained, so the last write holds every datagram received.
	 */
	static final int PHASE = Integer.MAX_VALUE / 2 - 200;

	private static final Log log = LogFactory.getLog(CatalogPersister.class);

	private final LiveCatalog catalog;

	private final CatalogFile file;

	private final String nodeId;

	private final Duration interval;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	private ScheduledFuture<?> schedule;

	private volatile boolean loaded;

	private volatile PersistState state = new PersistState(null, 0, 0, null);

	CatalogPersister(LiveCatalog catalog, CatalogFile file, String nodeId, Duration interval, Clock clock) {
		this.catalog = catalog;
		this.file = file;
		this.nodeId = nodeId;
		this.interval = interval;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "catalog-persist");
			thread.setDaemon(true);
			return thread;
		});
		// not on the starting thread: an unreachable store must not hold up startup
		this.scheduler.execute(this::loadIfNeeded);
		long millis = this.interval.toMillis();
		this.schedule = this.scheduler.scheduleWithFixedDelay(this::persist, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop(Runnable callback) {
		if (this.scheduler == null) {
			callback.run();
			return;
		}
		this.schedule.cancel(false);
		ScheduledExecutorService scheduler = this.scheduler;
		this.scheduler = null;
		scheduler.execute(() -> {
			try {
				persist();
			}
			finally {
				callback.run();
			}
		});
		scheduler.shutdown();
	}

	@Override
	public void stop() {
		throw new UnsupportedOperationException("stop(Runnable) only");
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Loads (if still needed) and writes the catalog now; never throws. */
	void persist() {
		if (!loadIfNeeded()) {
			return;
		}
		ServiceCatalog snapshot = this.catalog.snapshot(this.nodeId, this.clock.millis());
		try {
			this.file.write(snapshot);
			if (this.state.error() != null) {
				log.info("Catalog written to " + this.file.path() + " again");
			}
			this.state = new PersistState(null, snapshot.updatedAtMs(), snapshot.services().size(), null);
		}
		catch (IOException | RuntimeException ex) {
			failed("write", ex);
		}
	}

	Health health() {
		PersistState current = this.state;
		Health.Builder health = (current.error() == null) ? Health.up() : Health.down();
		health.withDetail("file", this.file.path().toString());
		health.withDetail("loaded", this.loaded);
		if (current.lastWrittenMs() > 0) {
			health.withDetail("lastWrittenMs", current.lastWrittenMs());
			health.withDetail("services", current.services());
		}
		if (current.error() != null) {
			health.withDetail("failedAction", current.failedAction()).withDetail("error", current.error());
		}
		return health.build();
	}

	private boolean loadIfNeeded() {
		if (this.loaded) {
			return true;
		}
		try {
			Optional<byte[]> json = this.file.read();
			if (json.isPresent()) {
				restore(json.get());
			}
			else {
				log.info("No catalog at " + this.file.path() + " yet: starting a new one");
			}
			this.loaded = true;
			this.state = new PersistState(null, this.state.lastWrittenMs(), this.state.services(), null);
		}
		catch (IOException | RuntimeException ex) {
			failed("load", ex);
		}
		return this.loaded;
	}

	private void restore(byte[] json) throws IOException {
		try {
			ServiceCatalog persisted = ServiceCatalog.fromJson(json);
			this.catalog.restore(persisted);
			log.info("Catalog loaded from " + this.file.path() + ": " + persisted.services().size()
					+ " services, written by node '" + persisted.nodeId() + "'");
		}
		catch (IOException | RuntimeException ex) {
			Path aside = this.file.moveAside(this.clock.millis());
			log.error("Catalog at " + this.file.path() + " is unreadable (" + ex.getMessage() + "); moved to " + aside
					+ " and starting a new one", ex);
		}
	}

	private void failed(String action, Exception ex) {
		boolean first = this.state.error() == null;
		this.state = new PersistState(action, this.state.lastWrittenMs(), this.state.services(), ex.toString());
		String message = "Could not " + action + " the catalog " + this.file.path() + ": " + ex + " (will retry in "
				+ this.interval + ")";
		// once per outage at WARN with the stack trace, then briefly until it recovers
		if (first) {
			log.warn(message, ex);
		}
		else {
			log.debug(message);
		}
	}

	private record PersistState(String failedAction, long lastWrittenMs, int services, String error) {
	}

}
