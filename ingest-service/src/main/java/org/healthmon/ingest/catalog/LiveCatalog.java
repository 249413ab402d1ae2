package org.healthmon.ingest.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.healthmon.ingest.store.RawTally;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.ServiceCatalog;

/**
 * The service catalog as ingest keeps it while running: every service seen, at most
 * {@code maxServices} of them, with first and last arrival and messages as the raw store
 * holds them ({@link PublishedCounts}) and, for senders that number their messages, lost
 * and duplicate datagrams ({@link SequenceTracker}). Thread-safe: one map lookup and one
 * short per-service lock per message; a new service takes the catalog's lock once, so the
 * bound is exact.
 */
public class LiveCatalog {

	private static final Log log = LogFactory.getLog(LiveCatalog.class);

	/** What became of a message the catalog was asked to admit. */
	public enum Admission {

		/** Admitted: store it. */
		ACCEPTED,
		/** It repeats a {@code seq} already accepted: drop it. */
		DUPLICATE,
		/** A new service while the catalog is full: reject it. */
		TOO_MANY_SERVICES;

		public boolean accepted() {
			return this == ACCEPTED;
		}

	}

	private final int sequenceWindow;

	private final long maxSeqJump;

	private final int maxServices;

	private final ConcurrentMap<String, ServiceState> services = new ConcurrentHashMap<>();

	private final PublishedCounts published = new PublishedCounts();

	private final LongAdder duplicatesDropped = new LongAdder();

	private final LongAdder senderRestarts = new LongAdder();

	public LiveCatalog(int sequenceWindow) {
		this(sequenceWindow, Long.MAX_VALUE, Integer.MAX_VALUE);
	}

	public LiveCatalog(int sequenceWindow, long maxSeqJump, int maxServices) {
		this.sequenceWindow = sequenceWindow;
		this.maxSeqJump = maxSeqJump;
		this.maxServices = maxServices;
	}

	/**
	 * Records an accepted message that arrived at {@code arrivalTimeMs}, unless it
	 * repeats a {@code seq} or names a new service while the catalog is full.
	 */
	public Admission admit(HealthMessage message, long arrivalTimeMs) {
		ServiceState state = this.services.get(message.service());
		if (state == null) {
			state = addService(message.service());
			if (state == null) {
				return Admission.TOO_MANY_SERVICES;
			}
		}
		SequenceTracker.Verdict verdict;
		synchronized (state) {
			verdict = state.admit(message, this.sequenceWindow, this.maxSeqJump);
		}
		if (verdict == SequenceTracker.Verdict.DUPLICATE) {
			this.duplicatesDropped.increment();
		}
		else if (verdict == SequenceTracker.Verdict.RESTART) {
			this.senderRestarts.increment();
			log.info("Service '" + message.service() + "' restarted its seq numbering at " + message.seq());
		}
		return verdict.accepted() ? Admission.ACCEPTED : Admission.DUPLICATE;
	}

	/**
	 * A new service, unless the catalog is full; under the lock so the bound is exact.
	 */
	private synchronized ServiceState addService(String service) {
		ServiceState state = this.services.get(service);
		if (state == null && this.services.size() < this.maxServices) {
			state = new ServiceState();
			this.services.put(service, state);
		}
		return state;
	}

	/** The raw files this node publishes: what the message counts come from. */
	public void published(long seq, String path, RawTally tally) {
		this.published.published(seq, path, tally);
	}

	PublishedCounts publishedCounts() {
		return this.published;
	}

	/**
	 * Adds the counters of a catalog persisted earlier: its services are known (they
	 * count toward the maximum, even beyond it), their counts and cutoff are where the
	 * published counts go on. Additive, so it may come after messages have been admitted.
	 */
	public void restore(ServiceCatalog persisted) {
		this.published.restore(persisted);
		for (ServiceCatalog.Entry entry : persisted.services()) {
			ServiceState state = this.services.computeIfAbsent(entry.service(), (name) -> new ServiceState());
			synchronized (state) {
				state.baseLost += entry.lost();
				state.baseDuplicates += entry.duplicates();
			}
		}
	}

	/**
	 * Continues each sender's numbering from the persisted catalog. Raw lines carry no
	 * {@code seq}, so counts tell how far it went on after the save: the lines earlier
	 * processes left in the raw store (the persisted count plus those read above its
	 * cutoff that arrived before this process started) minus the messages admitted when
	 * the persisted {@code lastSeq} was taken (both counted from the same base) are the
	 * numbers that arrived, and were stored, after it. When fewer were stored than
	 * admitted, the difference is the last numbers admitted before the save and lost in
	 * flight at the crash: the highest stored is that much below {@code lastSeq}. A gap
	 * over the outage then counts as lost, and so does every datagram lost in flight.
	 * Exact for a sender that numbers without reordering; no clock is involved.
	 */
	void resumeSequences(ServiceCatalog persisted, RawReconcile reconcile) {
		Map<String, ServiceCatalog.Entry> entries = new HashMap<>();
		for (String service : reconcile.servicesBefore()) {
			entries.put(service, new ServiceCatalog.Entry(service, 0, 0, 0, 0, 0));
		}
		persisted.services().forEach((entry) -> entries.put(entry.service(), entry));
		for (ServiceCatalog.Entry entry : entries.values()) {
			long stored = entry.messages() + reconcile.before(entry.service());
			ServiceState state = this.services.computeIfAbsent(entry.service(), (name) -> new ServiceState());
			synchronized (state) {
				state.admittedBase = stored;
				if (entry.lastSeq() != HealthMessage.NO_SEQ) {
					long highest = highestStored(entry.lastSeq(), stored - entry.admitted());
					state.tracker(this.sequenceWindow, this.maxSeqJump).resume(highest, entry.lastSeqEventMs());
				}
			}
		}
	}

	/**
	 * The highest number stored, from the persisted {@code lastSeq} and how many more
	 * (or, negative, fewer) were stored than admitted when it was taken; saturated at
	 * {@code Long.MAX_VALUE}, and at -1 (nothing numbered stored yet).
	 */
	static long highestStored(long lastSeq, long more) {
		if (more > 0 && lastSeq > Long.MAX_VALUE - more) {
			return Long.MAX_VALUE;
		}
		return Math.max(-1, lastSeq + more);
	}

	/**
	 * A consistent copy per service, sorted by name: the published counts up to their
	 * cutoff, and the sequences as of {@code nowMs}.
	 */
	public ServiceCatalog snapshot(String nodeId, long nowMs) {
		Map<String, RawTally.Lines> counts = this.published.counts();
		ServiceCatalog.RawProgress progress = this.published.progress();
		List<ServiceCatalog.Entry> entries = new ArrayList<>(counts.size());
		for (String name : new TreeSet<>(counts.keySet())) {
			RawTally.Lines published = counts.get(name);
			ServiceState state = this.services.get(name);
			if (state == null) {
				entries.add(new ServiceCatalog.Entry(name, published.firstArrivalMs(), published.lastArrivalMs(),
						published.count(), 0, 0));
				continue;
			}
			synchronized (state) {
				entries.add(state.toEntry(name, published));
			}
		}
		entries.sort(Comparator.comparing(ServiceCatalog.Entry::service));
		return new ServiceCatalog(nodeId, nowMs, entries, progress);
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

	/** One service's sequence counters; guarded by its own monitor. */
	private static final class ServiceState {

		/** Counters restored from a persisted catalog. */
		private long baseLost;

		private long baseDuplicates;

		private SequenceTracker tracker;

		/** The raw store's count of the service when this process loaded the catalog. */
		private long admittedBase;

		/** Messages admitted by this process. */
		private long admitted;

		SequenceTracker.Verdict admit(HealthMessage message, int window, long maxJump) {
			SequenceTracker.Verdict verdict = message.hasSeq()
					? tracker(window, maxJump).offer(message.seq(), message.eventTimeMs())
					: SequenceTracker.Verdict.IN_ORDER;
			if (verdict.accepted()) {
				this.admitted++;
			}
			return verdict;
		}

		SequenceTracker tracker(int window, long maxJump) {
			if (this.tracker == null) {
				this.tracker = new SequenceTracker(window, maxJump);
			}
			return this.tracker;
		}

		long lost() {
			return this.baseLost + ((this.tracker != null) ? this.tracker.lost() : 0);
		}

		long duplicates() {
			return this.baseDuplicates + ((this.tracker != null) ? this.tracker.duplicates() : 0);
		}

		ServiceCatalog.Entry toEntry(String name, RawTally.Lines published) {
			boolean numbered = this.tracker != null && this.tracker.started();
			return new ServiceCatalog.Entry(name, published.firstArrivalMs(), published.lastArrivalMs(),
					published.count(), lost(), duplicates(), numbered ? this.tracker.highest() : HealthMessage.NO_SEQ,
					numbered ? this.tracker.highestEventTimeMs() : 0, this.admittedBase + this.admitted);
		}

	}

}
