package org.healthmon.query.views;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.ServingViews;

/**
 * Follows the manifests: on each {@link #refresh()} it reads them, and when the views to
 * answer from have changed it caches the parts it lacks (a new batch version's rewritten
 * day segments, a new realtime version) and switches to them in one step. Queries
 * {@link #lease()} the current snapshot; a snapshot's files stay until the last lease on
 * it is closed, so a switch never pulls files from under a running query.
 */
public final class ViewFollower {

	private static final Log log = LogFactory.getLog(ViewFollower.class);

	private final ViewStore store;

	private final ViewCache cache;

	private final Clock clock;

	private final Object lock = new Object();

	private ViewSnapshot current;

	private volatile Status status;

	private final Timer switches;

	public ViewFollower(ViewStore store, ViewCache cache, Clock clock, MeterRegistry registry) {
		this.store = store;
		this.cache = cache;
		this.clock = clock;
		this.switches = Timer.builder("healthmon.query.views.switch")
			.description("time to cache the parts new views lack and switch to them")
			.register(registry);
		this.current = new ViewSnapshot(ServingViews.NONE, List.of(), clock.millis());
		this.status = new Status(0, -1, null, 0);
	}

	/**
	 * Looks at the manifests once and switches to new views when they changed. Failures
	 * (store unreachable, a version deleted while copied) keep the current views and are
	 * reported in {@link #status()}; the next refresh tries again.
	 */
	public void refresh() {
		long now = this.clock.millis();
		try {
			ServingViews chosen = this.store.servingViews();
			if (!chosen.equals(snapshot().views())) {
				switchTo(chosen);
			}
			this.status = new Status(now, this.status.lastChangeMs(), null, this.status.switches());
		}
		catch (IOException | SQLException | RuntimeException ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (!error.equals(this.status.lastError())) {
				log.warn("Could not follow the views (keeping the current ones): " + error);
			}
			this.status = new Status(this.status.lastSuccessMs(), this.status.lastChangeMs(), error,
					this.status.switches());
		}
	}

	private void switchTo(ServingViews chosen) throws IOException, SQLException {
		long started = System.nanoTime();
		List<CachedView> parts = new ArrayList<>();
		try {
			for (ViewStore.Part part : this.store.parts(chosen)) {
				parts.add(this.cache.prepare(part.key(), part.files(), part.dayMs()));
			}
		}
		catch (IOException | SQLException | RuntimeException ex) {
			this.cache.release(parts);
			throw ex;
		}
		ViewSnapshot next = new ViewSnapshot(chosen, parts, this.clock.millis());
		ViewSnapshot previous;
		synchronized (this.lock) {
			previous = this.current;
			this.current = next;
		}
		this.cache.release(previous.parts());
		this.status = new Status(this.status.lastSuccessMs(), next.loadedAtMs(), null, this.status.switches() + 1);
		this.switches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		if (log.isDebugEnabled()) {
			log.debug("Answering from " + describe(chosen) + " (" + parts.size() + " parts) after "
					+ (System.nanoTime() - started) / 1_000_000 + " ms");
		}
	}

	/** The current snapshot, held until the lease is closed. */
	public Lease lease() {
		synchronized (this.lock) {
			this.cache.retain(this.current.parts());
			return new Lease(this.current);
		}
	}

	/** The current snapshot, for status only (not held: do not read its files). */
	public ViewSnapshot snapshot() {
		synchronized (this.lock) {
			return this.current;
		}
	}

	public Status status() {
		return this.status;
	}

	/** Lets go of the current snapshot (at shutdown). */
	public void close() {
		synchronized (this.lock) {
			this.cache.release(this.current.parts());
			this.current = new ViewSnapshot(ServingViews.NONE, List.of(), this.clock.millis());
		}
	}

	static String describe(ServingViews views) {
		String batch = views.batch().map((b) -> "batch v" + b.version()).orElse("no batch view");
		String set = views.realtime()
			.map((r) -> "realtime set " + r.set() + " v" + r.version())
			.orElse("no realtime set");
		return batch + " + " + set;
	}

	/**
	 * How following goes.
	 *
	 * @param lastSuccessMs when the manifests were last read successfully (0: never)
	 * @param lastChangeMs when the views last changed (-1: never)
	 * @param lastError the last refresh's failure, {@code null} when it succeeded
	 * @param switches how often the views changed
	 */
	public record Status(long lastSuccessMs, long lastChangeMs, String lastError, long switches) {
	}

	/** A snapshot held by a query; closing it lets its files go. */
	public final class Lease implements AutoCloseable {

		private final ViewSnapshot snapshot;

		private final AtomicBoolean closed = new AtomicBoolean();

		private Lease(ViewSnapshot snapshot) {
			this.snapshot = snapshot;
		}

		public ViewSnapshot snapshot() {
			return this.snapshot;
		}

		@Override
		public void close() {
			if (this.closed.compareAndSet(false, true)) {
				ViewFollower.this.cache.release(this.snapshot.parts());
			}
		}

	}

}
