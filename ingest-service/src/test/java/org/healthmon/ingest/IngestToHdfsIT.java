package org.healthmon.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.healthmon.ingest.support.IngestApp;
import org.healthmon.ingest.support.KernelUdpCounters;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.ingest.support.PublishedFiles;
import org.healthmon.ingest.support.PublishedFiles.StoredFile;
import org.healthmon.ingest.support.TestMessages;
import org.healthmon.ingest.support.UdpSender;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;
import org.healthmon.model.RejectReason;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 50,000 datagrams (canonical and original shapes, ~1 % invalid of 9 reasons) over real
 * UDP into the real ingest app on a 4-datanode MiniDFSCluster.
 */
class IngestToHdfsIT {

	private static final int VALID = 49_500;

	private static final int INVALID = 500;

	/**
	 * Paced well below what ingest takes, so the kernel's buffer is never the limit here.
	 */
	private static final int RATE = 5_000;

	@TempDir
	static Path tmp;

	static MiniHdfs hdfs;

	@BeforeAll
	static void startHdfs() throws Exception {
		hdfs = MiniHdfs.start(tmp.resolve("hdfs"), 4);
	}

	@AfterAll
	static void stopHdfs() {
		hdfs.close();
	}

	@Test
	void whenFiftyThousandDatagramsArriveThenEachValidOneIsPublishedOnceAndEachInvalidOneIsKeptWithItsReason()
			throws Exception {
		List<HealthMessage> valid = TestMessages.valid(VALID, 8, 1_763_789_462_000L, 7);
		List<byte[]> datagrams = new ArrayList<>();
		Map<RejectReason, Integer> invalidByReason = new HashMap<>();
		for (int i = 0; i < VALID; i++) {
			datagrams.add(TestMessages.encodeMixed(valid.get(i), i));
			if (i % (VALID / INVALID) == 0
					&& invalidByReason.values().stream().mapToInt(Integer::intValue).sum() < INVALID) {
				TestMessages.Invalid invalid = TestMessages.invalid(i / (VALID / INVALID));
				datagrams.add(invalid.payload());
				invalidByReason.merge(invalid.reason(), 1, Integer::sum);
			}
		}
		assertThat(invalidByReason.keySet()).hasSizeGreaterThanOrEqualTo(6);
		int invalidCount = invalidByReason.values().stream().mapToInt(Integer::intValue).sum();

		StorageLayout layout = StorageLayout.defaults();
		long dropsBefore = KernelUdpCounters.receiveBufferErrors();
		// a budget that keeps every rejection here: the fuzz test checks the budget
		try (IngestApp app = IngestApp.start(hdfs.uri(), tmp.resolve("spool"),
				"healthmon.ingest.rejected.bytes-per-second=10MB"); UdpSender sender = new UdpSender(app.udpPort())) {
			sender.sendAll(datagrams.subList(0, datagrams.size() / 2), RATE);
			assertOnlyCompleteFilesAreVisible(layout);
			sender.sendAll(datagrams.subList(datagrams.size() / 2, datagrams.size()), RATE);
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(app.counter("healthmon.ingest.store.appended", "store", "raw"))
					.as("stored; received %s, kernel receive-buffer drops so far %s",
							app.counter("healthmon.ingest.received"),
							KernelUdpCounters.receiveBufferErrors() - dropsBefore)
					.isEqualTo(VALID);
				assertThat(app.counter("healthmon.ingest.store.appended", "store", "rejected")).isEqualTo(invalidCount);
			});
			assertOnlyCompleteFilesAreVisible(layout);
		}

		List<StoredFile> raw = PublishedFiles.list(hdfs.fs(), layout.rawDir());
		assertThat(raw).as("no file is left open after shutdown").noneMatch(StoredFile::hidden);
		assertThat(raw).allSatisfy((file) -> assertThat(file.replication()).isEqualTo((short) 3));
		for (StoredFile file : raw) {
			for (String line : file.lines()) {
				RawRecord record = RawCsv.parse(line);
				assertThat(file.path().getParent().toUri().getPath())
					.isEqualTo(layout.rawPartition(record.ingestTimeMs()));
			}
		}
		Map<HealthMessage, Long> stored = raw.stream()
			.flatMap((f) -> f.lines().stream())
			.map(TestMessages::fromCsv)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		Map<HealthMessage, Long> expected = valid.stream()
			.map(TestMessages::withoutSeq)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(stored).as("each valid message exactly once").isEqualTo(expected);

		assertThat(rejectedReasons(layout)).isEqualTo(invalidByReason);
	}

	private static void assertOnlyCompleteFilesAreVisible(StorageLayout layout) throws Exception {
		for (StoredFile file : PublishedFiles.list(hdfs.fs(), layout.rawDir())) {
			if (!file.hidden()) {
				assertThat(file.lines()).allSatisfy((line) -> RawCsv.parse(line));
				long length = hdfs.fs().getFileStatus(file.path()).getLen();
				try (var in = hdfs.fs().open(file.path())) {
					in.seek(length - 1);
					assertThat(in.read()).as("%s ends with a complete line", file.path()).isEqualTo('\n');
				}
			}
		}
	}

	/**
	 * The reasons of the rejected store's lines:
	 * {@code arrival sender reason form payload}.
	 */
	private static Map<RejectReason, Integer> rejectedReasons(StorageLayout layout) throws Exception {
		Map<RejectReason, Integer> reasons = new HashMap<>();
		for (String line : PublishedFiles.publishedLines(hdfs.fs(), layout.rejectedDir())) {
			reasons.merge(RejectReason.valueOf(line.split("\t")[2].toUpperCase(Locale.ROOT)), 1, Integer::sum);
		}
		return reasons;
	}

}
