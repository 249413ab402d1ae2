package org.healthmon.ingest.catalog;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.Path;

import org.healthmon.model.ServiceCatalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the persisted catalog in step with the {@link LiveCatalog}: adds the counters
 * persisted earlier (so they continue across restarts), reconciles them with the raw
 * files published after the persisted cutoff (so that a crash loses no count,
 * docs/architecture.md §3.4), writes the catalog every {@code persist-interval} and once
 * more on shutdown. The store may be unavailable at any of these moments: failures are
 * logged and shown by health, never fatal, and the load is retried before every write so
 * that an earlier catalog is never overwritten unread. The load waits until the raw
 * store's start-up recovery is done ({@code storeSettled}), so that the files it
 * publishes for the previous process are among those reconciled.
 */
class CatalogPersister implements SmartLifecycle {

	/**
	 * Stops after the UDP adapter and its receive pool have drained and the writers
	 * (phase -1000) have published their last files, so the last write holds every line
	 * stored; starts before them, which the load allows for (it waits until the raw store
	 * has settled).
	 */
	static final int PHASE = -2000;

	private static final Log log = LogFactory.getLog(CatalogPersister.class);

	/** How often the first load looks whether the raw store has settled. */
	private static final long SETTLE_POLL_MS = 100;

	private final LiveCatalog catalog;

	private final CatalogFile file;

	private final String nodeId;

	private final Duration interval;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	private ScheduledFuture<?> schedule;

	private final RawReconcile reconcile;

	private final BooleanSupplier storeSettled;

	private volatile boolean loaded;

	/** The persisted catalog was restored (once), waiting for the reconcile to finish. */
	private ServiceCatalog restored;

	private volatile PersistState state = new PersistState(null, 0, 0, null);

	CatalogPersister(LiveCatalog catalog, CatalogFile file, String nodeId, Duration interval, Clock clock,
			RawReconcile reconcile, BooleanSupplier storeSettled) {
		this.catalog = catalog;
		this.reconcile = reconcile;
		this.storeSettled = storeSettled;
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
		this.scheduler.execute(this::loadSoon);
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

	/**
	 * Loads the catalog as soon as the raw store has recovered what a crash left (it
	 * starts on its own thread); a failed load is retried with the next write.
	 */
	private void loadSoon() {
		if (!this.loaded && !this.storeSettled.getAsBoolean()) {
			ScheduledExecutorService scheduler = this.scheduler;
			if (scheduler != null) {
				scheduler.schedule(this::loadSoon, SETTLE_POLL_MS, TimeUnit.MILLISECONDS);
			}
			return;
		}
		loadIfNeeded();
	}

	/** Loads (if still needed) and writes the catalog now; never throws. */
	void persist() {
		if (!loadIfNeeded()) {
			return;
		}
		try {
			this.catalog.publishedCounts().drain(this.reconcile);
		}
		catch (IOException | RuntimeException ex) {
			// the counts stay at the last file read; the next write tries again
			failed("read recovered raw files for", ex);
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

	private synchronized boolean loadIfNeeded() {
		if (this.loaded) {
			return true;
		}
		if (!this.storeSettled.getAsBoolean()) {
			return false;
		}
		try {
			if (this.restored == null) {
				Optional<byte[]> json = this.file.read();
				ServiceCatalog persisted = json.isPresent() ? parse(json.get()) : null;
				if (json.isEmpty()) {
					log.info("No catalog at " + this.file.path() + " yet: starting a new one from the raw store");
				}
				List<PublishedCounts.Published> after = this.reconcile.listAfter(persisted);
				ServiceCatalog base = (persisted != null) ? persisted
						: new ServiceCatalog(this.nodeId, 0, List.of(), null);
				this.catalog.restore(base);
				this.catalog.publishedCounts().reconcile(after);
				this.restored = base;
				if (!after.isEmpty()) {
					log.info("Catalog reconciled with " + after.size() + " raw files published after its last write");
				}
			}
			this.catalog.publishedCounts().drain(this.reconcile);
			this.catalog.resumeSequences(this.restored, this.reconcile);
			this.loaded = true;
			this.state = new PersistState(null, this.state.lastWrittenMs(), this.state.services(), null);
		}
		catch (IOException | RuntimeException ex) {
			failed("load", ex);
		}
		return this.loaded;
	}

	/** The persisted catalog, or {@code null} when it is unreadable (moved aside). */
	private ServiceCatalog parse(byte[] json) throws IOException {
		try {
			ServiceCatalog persisted = ServiceCatalog.fromJson(json);
			log.info("Catalog loaded from " + this.file.path() + ": " + persisted.services().size()
					+ " services, written by node '" + persisted.nodeId() + "'");
			return persisted;
		}
		catch (IOException | RuntimeException ex) {
			Path aside = this.file.moveAside(this.clock.millis());
			log.error("Catalog at " + this.file.path() + " is unreadable (" + ex.getMessage() + "); moved to " + aside
					+ " and rebuilding it from the raw store", ex);
			return null;
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
