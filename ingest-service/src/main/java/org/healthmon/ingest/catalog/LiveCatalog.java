package org.healthmon.ingest.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.ServiceCatalog;

/**
 * The service catalog as ingest keeps it while running: every service seen, with first
 * and last arrival, accepted messages and, for senders that number their messages, lost
 * and duplicate datagrams. Thread-safe: one map lookup and one short per-service lock per
 * message.
 */
public class LiveCatalog {

	private static final Log log = LogFactory.getLog(LiveCatalog.class);

	private final int sequenceWindow;

	private final ConcurrentMap<String, ServiceState> services = new ConcurrentHashMap<>();

	private final LongAdder duplicatesDropped = new LongAdder();

	private final LongAdder senderRestarts = new LongAdder();

	public LiveCatalog(int sequenceWindow) {
		this.sequenceWindow = sequenceWindow;
	}

	/**
	 * Records an accepted message that arrived at {@code arrivalTimeMs}.
	 * @return {@code false} when it repeats a {@code seq} already accepted: the caller
	 * drops it
	 */
	public boolean admit(HealthMessage message, long arrivalTimeMs) {
		ServiceState state = this.services.computeIfAbsent(message.service(), (name) -> new ServiceState());
		SequenceTracker.Verdict verdict;
		synchronized (state) {
			verdict = state.admit(message, arrivalTimeMs, this.sequenceWindow);
		}
		if (verdict == SequenceTracker.Verdict.DUPLICATE) {
			this.duplicatesDropped.increment();
		}
		else if (verdict == SequenceTracker.Verdict.RESTART) {
			this.senderRestarts.increment();
			log.info("Service '" + message.service() + "' restarted its seq numbering at " + message.seq());
		}
		return verdict.accepted();
	}

	/**
	 * Adds the counters of a catalog persisted earlier, so that they continue across
	 * restarts. Additive, so it may come after messages have already been counted.
	 */
	public void restore(ServiceCatalog persisted) {
		for (ServiceCatalog.Entry entry : persisted.services()) {
			ServiceState state = this.services.computeIfAbsent(entry.service(), (name) -> new ServiceState());
			synchronized (state) {
				state.add(entry);
			}
		}
	}

	/** A consistent copy per service, sorted by name. */
	public ServiceCatalog snapshot(String nodeId, long nowMs) {
		List<ServiceCatalog.Entry> entries = new ArrayList<>(this.services.size());
		this.services.forEach((name, state) -> {
			synchronized (state) {
				// a state is in the map a moment before its first message is counted
				if (state.seen()) {
					entries.add(state.toEntry(name));
				}
			}
		});
		entries.sort(Comparator.comparing(ServiceCatalog.Entry::service));
		return new ServiceCatalog(nodeId, nowMs, entries);
	}

	/** Services in the catalog. */
	public int size() {
		return this.services.size();
	}

	/** Datagrams dropped as duplicates since this process started. */
	public long duplicatesDropped() {
		return this.duplicatesDropped.sum();
	}

	/** Sender counter restarts seen since this process started. */
	public long senderRestarts() {
		return this.senderRestarts.sum();
	}

	/** Datagrams currently counted as lost, over all services. */
	public long lost() {
		long lost = 0;
		for (ServiceState state : this.services.values()) {
			synchronized (state) {
				lost += state.lost();
			}
		}
		return lost;
	}

	/** One service's counters; guarded by its own monitor. */
	private static final class ServiceState {

		private long firstSeenMs = Long.MAX_VALUE;

		private long lastSeenMs = Long.MIN_VALUE;

		private long messages;

		/** Counters restored from a persisted catalog. */
		private long baseLost;

		private long baseDuplicates;

		private SequenceTracker tracker;

		SequenceTracker.Verdict admit(HealthMessage message, long arrivalTimeMs, int window) {
			SequenceTracker.Verdict verdict = SequenceTracker.Verdict.IN_ORDER;
			if (message.hasSeq()) {
				if (this.tracker == null) {
					this.tracker = new SequenceTracker(window);
				}
				verdict = this.tracker.offer(message.seq(), message.eventTimeMs());
			}
			if (verdict.accepted()) {
				// several receive threads: arrivals are not handled strictly in order
				this.firstSeenMs = Math.min(this.firstSeenMs, arrivalTimeMs);
				this.lastSeenMs = Math.max(this.lastSeenMs, arrivalTimeMs);
				this.messages++;
			}
			return verdict;
		}

		void add(ServiceCatalog.Entry entry) {
			this.firstSeenMs = Math.min(this.firstSeenMs, entry.firstSeenMs());
			this.lastSeenMs = Math.max(this.lastSeenMs, entry.lastSeenMs());
			this.messages += entry.messages();
			this.baseLost += entry.lost();
			this.baseDuplicates += entry.duplicates();
		}

		boolean seen() {
			return this.lastSeenMs != Long.MIN_VALUE;
		}

		long lost() {
			return this.baseLost + ((this.tracker != null) ? this.tracker.lost() : 0);
		}

		long duplicates() {
			return this.baseDuplicates + ((this.tracker != null) ? this.tracker.duplicates() : 0);
		}

		ServiceCatalog.Entry toEntry(String name) {
			return new ServiceCatalog.Entry(name, this.firstSeenMs, this.lastSeenMs, this.messages, lost(),
					duplicates());
		}

	}

}
