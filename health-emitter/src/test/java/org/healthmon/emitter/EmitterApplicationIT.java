package org.healthmon.emitter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.healthmon.emitter.source.ReplayFiles;
import org.healthmon.model.HealthMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application, as {@code java -jar} runs it, sending to a real UDP socket.
 */
class EmitterApplicationIT {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private UdpTestReceiver receiver;

	@TempDir
	Path dir;

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = UdpTestReceiver.start();
	}

	@AfterEach
	void stopReceiver() throws Exception {
		this.receiver.close();
	}

	@Test
	void whenSimulatingACountThenEachServiceSendsSeqZeroToNAndEveryDatagramIsAccepted() throws Exception {
		run("--healthmon.emitter.count=200", "--healthmon.emitter.services=4",
				"--healthmon.emitter.rate-per-service=0");
		List<HealthMessage> received = UdpTestReceiver.decodeAll(this.receiver.await(200, WAIT));
		assertThat(received).hasSize(200);
		Map<String, List<Long>> seqs = received.stream()
			.collect(Collectors.groupingBy(HealthMessage::service,
					Collectors.mapping(HealthMessage::seq, Collectors.toList())));
		assertThat(seqs).containsOnlyKeys("svc-1", "svc-2", "svc-3", "svc-4")
			.allSatisfy((service, numbers) -> assertThat(numbers)
				.containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList()));
		assertThat(this.receiver.drainFor(Duration.ofMillis(200))).isEmpty();
	}

	@Test
	void whenAllAreLegacyThenTheSameSeedSendsTheSameFleetInTheLegacyShape() throws Exception {
		run("--healthmon.emitter.count=40", "--healthmon.emitter.rate-per-service=0",
				"--healthmon.emitter.legacy-fraction=1");
		List<byte[]> legacy = this.receiver.await(40, WAIT);
		assertThat(legacy).allSatisfy((d) -> assertThat(new String(d)).contains("\"serviceName\""));
		run("--healthmon.emitter.count=40", "--healthmon.emitter.rate-per-service=0");
		List<HealthMessage> canonical = UdpTestReceiver.decodeAll(this.receiver.await(40, WAIT));
		// the load follows the wall clock's time of day, so two runs agree on the fleet
		// (names, numbering, machine sizes), not on every reading; SendLoopTests compares
		// values exactly on a fixed clock
		assertThat(UdpTestReceiver.decodeAll(legacy)).map(EmitterApplicationIT::fleetShape)
			.containsExactlyElementsOf(canonical.stream().map(EmitterApplicationIT::fleetShape).toList());
	}

	@Test
	void whenReplayingCsvThenEveryLineIsSentOnce() throws Exception {
		List<HealthMessage> expected = ReplayFiles.messages(300);
		Path file = ReplayFiles.csv(this.dir.resolve("raw.csv"), expected);
		run("--healthmon.emitter.mode=replay", "--healthmon.emitter.replay.file=" + file,
				"--healthmon.emitter.replay.rate=0");
		assertReplayed(expected);
	}

	@Test
	void whenReplayingJsonLinesThenEveryMessageIsSentOnceAndRenumbered() throws Exception {
		List<HealthMessage> expected = ReplayFiles.messages(300);
		Path file = ReplayFiles.jsonLines(this.dir.resolve("messages.jsonl"), expected);
		run("--healthmon.emitter.mode=replay", "--healthmon.emitter.replay.file=" + file,
				"--healthmon.emitter.replay.rate=5000");
		assertReplayed(expected);
	}

	@Test
	void whenHostModeRunsThenThisMachineReportsUnderItsName() throws Exception {
		run("--healthmon.emitter.mode=host", "--healthmon.emitter.count=3", "--healthmon.emitter.rate-per-service=50",
				"--healthmon.emitter.host-service-name=this-box");
		List<HealthMessage> received = UdpTestReceiver.decodeAll(this.receiver.await(3, WAIT));
		assertThat(received).map(HealthMessage::service).containsOnly("this-box");
		assertThat(received).map(HealthMessage::seq).containsExactly(0L, 1L, 2L);
	}

	private void assertReplayed(List<HealthMessage> expected) throws InterruptedException {
		List<HealthMessage> received = UdpTestReceiver.decodeAll(this.receiver.await(expected.size(), WAIT));
		assertThat(received).map((m) -> m.withSeq(HealthMessage.NO_SEQ)).containsExactlyElementsOf(expected);
		assertThat(received.stream().filter((m) -> m.service().equals("replayed-0")).map(HealthMessage::seq))
			.containsExactlyElementsOf(LongStream.range(0, 100).boxed().toList());
		assertThat(this.receiver.drainFor(Duration.ofMillis(200))).isEmpty();
	}

	private void run(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--healthmon.emitter.target.host=127.0.0.1";
		all[args.length + 1] = "--healthmon.emitter.target.port=" + this.receiver.port();
		// run() returns once the runner has finished: a finite run is over by then
		try (ConfigurableApplicationContext context = SpringApplication.run(EmitterApplication.class, all)) {
			assertThat(context.isActive()).isTrue();
		}
	}

	private static String fleetShape(HealthMessage m) {
		return m.service() + "#" + m.seq() + " ram " + m.ramTotalGb() + " disk " + m.diskTotalGb();
	}

}
