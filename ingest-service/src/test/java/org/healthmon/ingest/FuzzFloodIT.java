package org.healthmon.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.hadoop.fs.FileSystem;
import org.healthmon.ingest.support.IngestApp;
import org.healthmon.ingest.support.PublishedFiles;
import org.healthmon.ingest.support.UdpSender;
import org.healthmon.model.BadDatagrams;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RejectReason;
import org.healthmon.model.StorageLayout;
import org.healthmon.testsupport.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flood of 1,000,000 bad datagrams of every kind, with 100,000 valid messages among
 * them, over real UDP into ingest on a 4-datanode MiniDFSCluster, with the default
 * rejected-store budget and event-time window: ingest does not fail, counts every bad
 * datagram by its reason, keeps only what its budget allows, and stores every valid
 * message exactly once.
 */
class FuzzFloodIT {

	private static final int BAD = 1_000_000;

	private static final int VALID_EVERY = 10;

	private static final int SERVICES = 100;

	/**
	 * Datagrams sent and not yet received, at most: the sender waits for ingest rather
	 * than for a clock, so the kernel's receive buffer never overflows on a slow machine.
	 */
	private static final int IN_FLIGHT = 500;

	private static final long BUDGET = 16 * 1024;

	@Test
	void aMillionBadDatagramsAreCountedByReasonWhileEveryValidOneIsStored(@TempDir Path tmp) throws Exception {
		try (MiniHdfs hdfs = MiniHdfs.start(tmp.resolve("hdfs"), 4)) {
			flood(hdfs, tmp);
		}
	}

	private static void flood(MiniHdfs hdfs, Path tmp) throws Exception {
		HealthMessageJson json = new HealthMessageJson();
		BadDatagrams bad = new BadDatagrams(2026);
		Map<RejectReason, Long> sentByReason = new EnumMap<>(RejectReason.class);
		long[] seqs = new long[SERVICES];
		long sent = 0;
		long start;
		long elapsedMs;
		StorageLayout layout = StorageLayout.defaults();
		try (IngestApp app = IngestApp.start(hdfs.uri(), tmp.resolve("spool"), "healthmon.ingest.max-age=30d",
				"healthmon.ingest.rejected.bytes-per-second=" + BUDGET + "B");
				UdpSender sender = new UdpSender(app.udpPort())) {
			start = System.currentTimeMillis();
			for (int i = 0; i < BAD; i++) {
				long now = System.currentTimeMillis();
				if (i % VALID_EVERY == 0) {
					int service = (i / VALID_EVERY) % SERVICES;
					// disk free carries the seq, which the raw store does not keep
					long seq = seqs[service]++;
					sender.send(json.encode(new HealthMessage("valid-" + service, now, 12.5, 16, 8, 1e6, seq, seq)));
					sent++;
				}
				BadDatagrams.Bad datagram = bad.next(now);
				sender.send(datagram.payload());
				sentByReason.merge(datagram.kind().reason(), 1L, Long::sum);
				sent++;
				awaitInFlight(app, sent);
			}
			long all = sent;
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(app.counter("healthmon.ingest.received")).isEqualTo(all));
			elapsedMs = System.currentTimeMillis() - start;
			long valid = BAD / VALID_EVERY;
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(app.counter("healthmon.ingest.store.appended", "store", "raw"))
					.isEqualTo(valid));

			assertThat(app.counter("healthmon.ingest.accepted")).isEqualTo(valid);
			assertThat(app.counter("healthmon.ingest.failed")).isZero();
			assertThat(app.counter("healthmon.ingest.duplicates")).isZero();
			for (RejectReason reason : RejectReason.values()) {
				long expected = sentByReason.getOrDefault(reason, 0L);
				assertThat(app.counter("healthmon.ingest.rejected", "reason", reason.tag())).as(reason.tag())
					.isEqualTo(expected);
				assertThat(app.counter("healthmon.ingest.rejected.kept", "reason", reason.tag())
						+ app.counter("healthmon.ingest.rejected.unkept", "reason", reason.tag()))
					.as("kept or not, each %s is counted once", reason.tag())
					.isEqualTo(expected);
				if (expected > 0) {
					assertThat(app.counter("healthmon.ingest.rejected.kept", "reason", reason.tag()))
						.as("an example of %s is kept", reason.tag())
						.isPositive();
				}
			}
			assertThat(sentByReason.keySet()).as("every reason a kind gets")
				.hasSize((int) Arrays.stream(BadDatagrams.Kind.values())
					.map(BadDatagrams.Kind::reason)
					.distinct()
					.count());
		}

		Map<String, Long> stored = PublishedFiles.publishedLines(hdfs.fs(), layout.rawDir())
			.stream()
			.map(RawCsv::parse)
			.map((record) -> record.message().service() + "#" + (long) record.message().diskFreeGb())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(stored).hasSize(BAD / VALID_EVERY);
		assertThat(stored.values()).as("every valid message exactly once").containsOnly(1L);
		for (int service = 0; service < SERVICES; service++) {
			assertThat(stored).containsKeys("valid-" + service + "#0", "valid-" + service + "#" + (seqs[service] - 1));
		}

		assertRejectedStoreWithinBudget(hdfs.fs(), layout, elapsedMs);
	}

	/**
	 * Waits until at most {@link #IN_FLIGHT} datagrams are on their way to ingest; a
	 * datagram the kernel dropped would keep it waiting, so it gives up after 10 s.
	 */
	private static void awaitInFlight(IngestApp app, long sent) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (sent - app.counter("healthmon.ingest.received") > IN_FLIGHT) {
			assertThat(System.nanoTime())
				.as("ingest received %s of %d sent (a datagram dropped?)", app.counter("healthmon.ingest.received"),
						sent)
				.isLessThan(deadline);
			LockSupport.parkNanos(100_000);
		}
	}

	/**
	 * The rejected store holds at most its budget over the run (a second's burst, and the
	 * first of each reason per minute beyond), each line no more than 4/3 of its payload
	 * plus a header, and at most 1.5 times the payload over all.
	 */
	private static void assertRejectedStoreWithinBudget(FileSystem fs, StorageLayout layout, long elapsedMs)
			throws Exception {
		long storeBytes = fs.getContentSummary(new org.apache.hadoop.fs.Path(layout.rejectedDir())).getLength();
		List<String> lines = PublishedFiles.publishedLines(fs, layout.rejectedDir());
		long payloadBytes = 0;
		Map<String, Long> reasons = new HashMap<>();
		for (String line : lines) {
			String[] fields = line.split("\t", 5);
			reasons.merge(fields[2], 1L, Long::sum);
			byte[] payload = fields[3].equals("base64") ? Base64.getDecoder().decode(fields[4])
					: unescape(fields[4]).getBytes(StandardCharsets.UTF_8);
			payloadBytes += payload.length;
		}
		System.out.printf(
				"Fuzz flood: %d s; rejected store %,d bytes in %,d lines (budget %,d B/s), " + "amplification %.3f%n",
				elapsedMs / 1000, storeBytes, lines.size(), BUDGET, (double) storeBytes / payloadBytes);
		long minutes = elapsedMs / 60_000 + 2;
		long examples = minutes * RejectReason.values().length * 4_000L;
		assertThat(storeBytes).as("rejected store bytes after %d ms", elapsedMs)
			.isLessThanOrEqualTo(BUDGET * (elapsedMs / 1000 + 2) + examples);
		assertThat((double) storeBytes / payloadBytes).as("amplification").isLessThanOrEqualTo(1.5);
		assertThat(reasons.keySet()).as("an example of every reason")
			.containsAll(List.of("not_json", "not_utf8", "oversized", "too_old", "in_future", "bad_timestamp"));
	}

	/** A text payload as the store escaped it: backslash, tab and line breaks. */
	private static String unescape(String text) {
		StringBuilder plain = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\') {
				plain.append(c);
				continue;
			}
			char escaped = text.charAt(++i);
			plain.append(switch (escaped) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				default -> escaped;
			});
		}
		return plain.toString();
	}

}
