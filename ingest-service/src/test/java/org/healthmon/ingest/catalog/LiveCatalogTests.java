package org.healthmon.ingest.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.healthmon.ingest.store.RawTally;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCatalogTests {

	private static final long T0 = 1_763_789_462_000L;

	private final LiveCatalog catalog = published(new LiveCatalog(4096));

	private long fileSeq;

	/** A catalog whose persisted state is loaded: a published file counts at once. */
	static LiveCatalog published(LiveCatalog catalog) {
		catalog.publishedCounts().reconcile(List.of());
		return catalog;
	}

	/** Admits a message and, when admitted, publishes it in a file of its own. */
	private LiveCatalog.Admission store(LiveCatalog catalog, HealthMessage message, long arrivalMs) {
		LiveCatalog.Admission admission = catalog.admit(message, arrivalMs);
		if (admission.accepted()) {
			RawTally tally = new RawTally();
			tally.add(message.service(), arrivalMs);
			catalog.published(++this.fileSeq, "/healthmon/raw/date=2025-11-22/hour=05/f.csv", tally);
		}
		return admission;
	}

	private boolean store(HealthMessage message, long arrivalMs) {
		return store(this.catalog, message, arrivalMs).accepted();
	}

	@Test
	void whenServicesReportThenEachIsListedWithFirstAndLastArrivalAndCount() {
		store(message("orders", HealthMessage.NO_SEQ), T0 + 5);
		store(message("billing", HealthMessage.NO_SEQ), T0 + 1);
		store(message("orders", HealthMessage.NO_SEQ), T0 + 2);
		store(message("orders", HealthMessage.NO_SEQ), T0 + 9);

		ServiceCatalog snapshot = this.catalog.snapshot("ingest-1", T0 + 10);

		assertThat(snapshot.nodeId()).isEqualTo("ingest-1");
		assertThat(snapshot.updatedAtMs()).isEqualTo(T0 + 10);
		assertThat(snapshot.services()).containsExactly(
				new ServiceCatalog.Entry("billing", T0 + 1, T0 + 1, 1, 0, 0, HealthMessage.NO_SEQ, 0, 1),
				new ServiceCatalog.Entry("orders", T0 + 2, T0 + 9, 3, 0, 0, HealthMessage.NO_SEQ, 0, 3));
		assertThat(this.catalog.size()).isEqualTo(2);
	}

	@Test
	void whenMessagesHaveNoSeqThenNoneIsEverADuplicate() {
		for (int i = 0; i < 3; i++) {
			assertThat(store(message("legacy", HealthMessage.NO_SEQ), T0)).isTrue();
		}
		assertThat(this.catalog.snapshot("n", T0).services()).singleElement()
			.satisfies((entry) -> assertThat(entry.messages()).isEqualTo(3));
	}

	@Test
	void whenASeqRepeatsThenTheRepeatIsRefusedAndCountedButNotAsAMessage() {
		assertThat(store(message("orders", 1), T0)).isTrue();
		assertThat(store(message("orders", 3), T0 + 1)).isTrue();
		assertThat(store(message("orders", 3), T0 + 2)).isFalse();
		// the same seq from another service is that service's own
		assertThat(store(message("billing", 3), T0 + 3)).isTrue();

		assertThat(this.catalog.snapshot("n", T0).services()).containsExactly(
				new ServiceCatalog.Entry("billing", T0 + 3, T0 + 3, 1, 0, 0, 3, T0, 1),
				new ServiceCatalog.Entry("orders", T0, T0 + 1, 2, 1, 1, 3, T0, 2));
		assertThat(this.catalog.duplicatesDropped()).isEqualTo(1);
		assertThat(this.catalog.lost()).isEqualTo(1);
	}

	@Test
	void whenAPersistedCatalogIsRestoredThenItsCountersContinue() {
		store(message("orders", 10), T0 + 100);
		this.catalog.restore(new ServiceCatalog("ingest-1", T0,
				List.of(new ServiceCatalog.Entry("orders", T0 - 50, T0 - 1, 40, 3, 2),
						new ServiceCatalog.Entry("gone", T0 - 90, T0 - 80, 7, 0, 0))));
		store(message("orders", 12), T0 + 200);

		assertThat(this.catalog.snapshot("ingest-1", T0).services()).containsExactly(
				new ServiceCatalog.Entry("gone", T0 - 90, T0 - 80, 7, 0, 0),
				new ServiceCatalog.Entry("orders", T0 - 50, T0 + 200, 42, 4, 2, 12, T0, 2));
		assertThat(this.catalog.duplicatesDropped()).as("dropped by this process").isZero();
	}

	@Test
	void whenManyThreadsReportAtOnceThenTheCountsAreExact() throws Exception {
		int threads = 8;
		int perThread = 20_000;
		String[] services = { "a", "b", "c" };
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch go = new CountDownLatch(1);
		AtomicLong seqs = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		Map<String, LongAdder> admitted = new ConcurrentHashMap<>();
		// a window wide enough for any thread stalled by the scheduler on 2 cores
		LiveCatalog catalog = new LiveCatalog(1 << 20);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					assertThat(go.await(30, TimeUnit.SECONDS)).as("start signal").isTrue();
					for (int i = 0; i < perThread; i++) {
						String service = services[(thread + i) % services.length];
						if (!catalog.admit(message(service, HealthMessage.NO_SEQ), T0 + i).accepted()) {
							refused.incrementAndGet();
						}
						else {
							admitted.computeIfAbsent(service, (name) -> new LongAdder()).increment();
						}
						// one shared numbered sender, each number sent twice by racing
						// threads
						long seq = seqs.getAndIncrement() / 2;
						if (!catalog.admit(message("numbered", seq), T0 + i).accepted()) {
							refused.incrementAndGet();
						}
						else {
							admitted.computeIfAbsent("numbered", (name) -> new LongAdder()).increment();
						}
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> f : done) {
				f.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long total = (long) threads * perThread;
		long[] expected = new long[services.length];
		for (int t = 0; t < threads; t++) {
			for (int i = 0; i < perThread; i++) {
				expected[(t + i) % services.length]++;
			}
		}
		// the writer tallies what the catalog admitted
		RawTally tally = new RawTally();
		admitted.forEach((service, n) -> {
			for (long i = 0; i < n.sum(); i++) {
				tally.add(service, T0);
			}
		});
		published(catalog).published(1, "/f.csv", tally);
		ServiceCatalog snapshot = catalog.snapshot("n", T0);
		assertThat(snapshot.services().stream().filter((e) -> !e.service().equals("numbered")))
			.extracting(ServiceCatalog.Entry::messages)
			.containsExactly(expected[0], expected[1], expected[2]);
		ServiceCatalog.Entry numbered = snapshot.services()
			.stream()
			.filter((e) -> e.service().equals("numbered"))
			.findFirst()
			.orElseThrow();
		assertThat(numbered.messages()).isEqualTo(total / 2);
		assertThat(numbered.duplicates()).isEqualTo(total / 2);
		assertThat(numbered.lost()).isZero();
		assertThat(refused.get()).isEqualTo(total / 2);
		assertThat(catalog.duplicatesDropped()).isEqualTo(total / 2);
	}

	@Test
	void whenTheCatalogIsFullThenOnlyKnownServicesAreAdmitted() {
		LiveCatalog full = published(new LiveCatalog(64, Long.MAX_VALUE, 2));
		assertThat(store(full, message("a", HealthMessage.NO_SEQ), T0)).isEqualTo(LiveCatalog.Admission.ACCEPTED);
		assertThat(store(full, message("b", HealthMessage.NO_SEQ), T0)).isEqualTo(LiveCatalog.Admission.ACCEPTED);
		assertThat(store(full, message("c", HealthMessage.NO_SEQ), T0))
			.isEqualTo(LiveCatalog.Admission.TOO_MANY_SERVICES);
		assertThat(store(full, message("a", HealthMessage.NO_SEQ), T0)).isEqualTo(LiveCatalog.Admission.ACCEPTED);
		assertThat(full.size()).isEqualTo(2);
		assertThat(full.snapshot("n", T0).services()).extracting(ServiceCatalog.Entry::service)
			.containsExactly("a", "b");
	}

	@Test
	void whenARestoredCatalogFillsTheCatalogThenItsServicesCountTowardTheMaximum() {
		LiveCatalog restarted = published(new LiveCatalog(64, Long.MAX_VALUE, 2));
		restarted.restore(new ServiceCatalog("n", T0, List.of(new ServiceCatalog.Entry("a", T0, T0, 1, 0, 0),
				new ServiceCatalog.Entry("b", T0, T0, 1, 0, 0), new ServiceCatalog.Entry("c", T0, T0, 1, 0, 0))));
		assertThat(restarted.admit(message("d", HealthMessage.NO_SEQ), T0))
			.isEqualTo(LiveCatalog.Admission.TOO_MANY_SERVICES);
		assertThat(restarted.admit(message("c", HealthMessage.NO_SEQ), T0)).isEqualTo(LiveCatalog.Admission.ACCEPTED);
	}

	@Test
	void whenManyThreadsAddServicesAtOnceThenTheMaximumIsExact() throws Exception {
		LiveCatalog bounded = new LiveCatalog(64, Long.MAX_VALUE, 100);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		AtomicLong admitted = new AtomicLong();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					for (int i = 0; i < 1000; i++) {
						if (bounded.admit(message("s" + thread + "-" + i, HealthMessage.NO_SEQ), T0).accepted()) {
							admitted.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> f : done) {
				f.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(bounded.size()).isEqualTo(100);
		assertThat(admitted.get()).isEqualTo(100);
	}

	/**
	 * Numbers 0..100 were admitted when the catalog was saved, but only 95 messages
	 * reached the raw store before the crash: 95..100 were lost in flight, and with the
	 * outage's gap up to 109 they count as lost when 110 arrives.
	 */
	@Test
	void whenFewerWereStoredThanAdmittedAtTheSaveThenTheLossInFlightCountsAsLost() {
		ServiceCatalog saved = new ServiceCatalog("n", T0,
				List.of(new ServiceCatalog.Entry("orders", T0, T0, 95, 0, 0, 100, T0, 101)),
				ServiceCatalog.RawProgress.UNKNOWN);
		LiveCatalog resumed = new LiveCatalog(4096);
		resumed.restore(saved);
		resumed.resumeSequences(saved, new RawReconcile(null, StorageLayout.defaults(), "n", T0));
		published(resumed);
		assertThat(store(resumed, message("orders", 110), T0 + 1)).isEqualTo(LiveCatalog.Admission.ACCEPTED);
		assertThat(resumed.snapshot("n", T0 + 2).services()).singleElement()
			.satisfies((entry) -> assertThat(entry.lost()).isEqualTo(15));
	}

	@Test
	void theHighestStoredNumberSaturates() {
		assertThat(LiveCatalog.highestStored(100, 5)).isEqualTo(105);
		assertThat(LiveCatalog.highestStored(100, -6)).isEqualTo(94);
		assertThat(LiveCatalog.highestStored(3, -10)).isEqualTo(-1);
		assertThat(LiveCatalog.highestStored(Long.MAX_VALUE - 1, 5)).isEqualTo(Long.MAX_VALUE);
	}

	private static HealthMessage message(String service, long seq) {
		return new HealthMessage(service, T0, 10.0, 16.0, 8.0, 512.0, 256.0, seq);
	}

}
