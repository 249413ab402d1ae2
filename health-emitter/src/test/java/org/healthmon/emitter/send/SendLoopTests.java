package org.healthmon.emitter.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.healthmon.emitter.UdpTestReceiver;
import org.healthmon.emitter.send.RunSummary.StopReason;
import org.healthmon.emitter.source.MessageSource;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send loop against a real UDP socket on 127.0.0.1.
 */
class SendLoopTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final long NOW = Instant.parse("2026-11-22T05:31:02.123Z").toEpochMilli();

	private UdpTestReceiver receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = UdpTestReceiver.start();
	}

	@AfterEach
	void stopReceiver() throws IOException {
		this.receiver.close();
	}

	@Test
	void whenSendingThenEachServiceIsNumberedFromZeroAndEveryDatagramDecodes() throws Exception {
		List<HealthMessage> input = messages(3, 50);
		RunSummary summary = run(new ListSource(input), 0, 0, SendLimits.unlimited());
		List<HealthMessage> received = UdpTestReceiver.decodeAll(this.receiver.await(150, WAIT));
		assertThat(summary.stopReason()).isEqualTo(StopReason.SOURCE_EXHAUSTED);
		assertThat(summary.sent()).isEqualTo(150);
		assertThat(summary.sentPerService()).containsOnly(Map.entry("a-0", 50L), Map.entry("a-1", 50L),
				Map.entry("a-2", 50L));
		assertThat(seqsByService(received)).allSatisfy((service, seqs) -> assertThat(seqs)
			.containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList()));
		assertThat(received).map((m) -> m.withSeq(HealthMessage.NO_SEQ)).containsExactlyElementsOf(input);
	}

	@Test
	void whenCountIsSetThenExactlyThatManyAreSent() throws Exception {
		RunSummary summary = run(new ListSource(messages(2, 100)), 0, 0, new SendLimits(37, Duration.ZERO));
		assertThat(summary.stopReason()).isEqualTo(StopReason.COUNT_REACHED);
		assertThat(summary.sent()).isEqualTo(37);
		assertThat(this.receiver.await(37, WAIT)).hasSize(37);
		assertThat(this.receiver.drainFor(Duration.ofMillis(200))).isEmpty();
	}

	@Test
	void whenAllAreLegacyThenTheyDecodeToTheSameValues() throws Exception {
		List<HealthMessage> input = messages(2, 20);
		RunSummary summary = run(new ListSource(input), 1.0, 0, SendLimits.unlimited());
		List<byte[]> datagrams = this.receiver.await(40, WAIT);
		assertThat(summary.legacy()).isEqualTo(40);
		assertThat(datagrams)
			.allSatisfy((d) -> assertThat(new String(d, StandardCharsets.UTF_8)).contains("\"serviceName\"")
				.containsPattern("\"Timestamp\": \\d{19},"));
		List<HealthMessage> received = UdpTestReceiver.decodeAll(datagrams);
		assertThat(received).map((m) -> m.withSeq(HealthMessage.NO_SEQ)).containsExactlyElementsOf(input);
		assertThat(received).map(HealthMessage::seq).doesNotContain(HealthMessage.NO_SEQ);
	}

	@Test
	void whenSomeAreLegacyThenBothShapesArriveWithTheSameValues() throws Exception {
		List<HealthMessage> input = messages(1, 400);
		RunSummary summary = run(new ListSource(input), 0.25, 0, SendLimits.unlimited());
		List<byte[]> datagrams = this.receiver.await(400, WAIT);
		long legacy = datagrams.stream()
			.filter((d) -> new String(d, StandardCharsets.UTF_8).contains("serviceName"))
			.count();
		assertThat(legacy).isEqualTo(summary.legacy()).isBetween(50L, 150L);
		assertThat(UdpTestReceiver.decodeAll(datagrams)).map((m) -> m.withSeq(HealthMessage.NO_SEQ))
			.containsExactlyElementsOf(input);
	}

	@Test
	void whenRateIsLimitedThenItIsNotMuchFasterThanTheRate() throws Exception {
		// 100 messages at 200/s are due over 495 ms; only an upper bound of speed is
		// asserted, so a slow machine cannot fail this
		RunSummary summary = run(new ListSource(messages(1, 100)), 0, 200, SendLimits.unlimited());
		assertThat(summary.sent()).isEqualTo(100);
		assertThat(summary.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(495 / 2));
		assertThat(this.receiver.await(100, WAIT)).hasSize(100);
	}

	@Test
	void whenDurationIsSetThenTheRunStopsAfterIt() throws Exception {
		RunSummary summary = run(new Endless(), 0, 100, new SendLimits(0, Duration.ofMillis(300)));
		assertThat(summary.stopReason()).isEqualTo(StopReason.DURATION_ELAPSED);
		assertThat(summary.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		// at 100/s, 300 ms allow at most 31 messages, however slow the machine
		assertThat(summary.sent()).isBetween(1L, 31L);
	}

	@Test
	void whenStopIsRequestedThenTheRunEndsWithASummary() throws Exception {
		try (UdpSender sender = new UdpSender("127.0.0.1", this.receiver.port(), 1 << 20)) {
			SendLoop loop = loop(new Endless(), sender, 0, 1000, SendLimits.unlimited());
			CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(loop::run);
			assertThat(this.receiver.await(10, WAIT)).hasSize(10);
			loop.requestStop();
			RunSummary summary = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(summary.stopReason()).isEqualTo(StopReason.STOP_REQUESTED);
			assertThat(summary.sent()).isGreaterThanOrEqualTo(10);
			assertThat(summary.sentPerService()).containsEntry("endless", summary.sent());
		}
	}

	@Test
	void whenNobodyListensThenFailuresAreCountedAndTheRunGoesOn() throws Exception {
		int closedPort = this.receiver.port();
		this.receiver.close();
		RunSummary summary;
		try (UdpSender sender = new UdpSender("127.0.0.1", closedPort, 1 << 20)) {
			summary = loop(new ListSource(messages(1, 200)), sender, 0, 2000, SendLimits.unlimited()).run();
		}
		assertThat(summary.stopReason()).isEqualTo(StopReason.SOURCE_EXHAUSTED);
		assertThat(summary.sent() + summary.failed()).isEqualTo(200);
		// loopback answers with ICMP port unreachable, which the connected channel
		// reports
		assertThat(summary.failed()).isPositive();
	}

	@Test
	void whenHalfAreInvalidThenTheMessagesAreStillNumberedWithoutGapsAndTheRestIsRejected() throws Exception {
		List<HealthMessage> input = messages(2, 500);
		RunSummary summary;
		try (UdpSender sender = new UdpSender("127.0.0.1", this.receiver.port(), 1 << 20)) {
			summary = new SendLoop(new ListSource(input), new DatagramEncoder(new HealthMessageJson(), 0, 0.5, 42),
					sender, new PacedSchedule(20_000, System::nanoTime, LockSupport::parkNanos), SendLimits.unlimited(),
					Duration.ofSeconds(5), System::nanoTime, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC))
				.run();
		}
		assertThat(summary.invalid()).isBetween(800L, 1200L);
		assertThat(summary.sent()).isEqualTo(1000 + summary.invalid());
		List<byte[]> datagrams = this.receiver.await((int) summary.sent(), WAIT);
		HealthMessageJson json = new HealthMessageJson();
		List<HealthMessage> valid = new ArrayList<>();
		long rejected = 0;
		for (byte[] datagram : datagrams) {
			if (json.decode(datagram) instanceof org.healthmon.model.DecodeResult.Accepted accepted
					&& accepted.message().service().startsWith("a-")) {
				valid.add(accepted.message());
			}
			else {
				rejected++;
			}
		}
		assertThat(rejected).isEqualTo(summary.invalid());
		assertThat(seqsByService(valid)).allSatisfy((service, seqs) -> assertThat(seqs)
			.containsExactlyElementsOf(LongStream.range(0, 500).boxed().toList()));
	}

	private RunSummary run(MessageSource source, double legacyFraction, double rate, SendLimits limits)
			throws IOException {
		try (UdpSender sender = new UdpSender("127.0.0.1", this.receiver.port(), 1 << 20)) {
			return loop(source, sender, legacyFraction, rate, limits).run();
		}
	}

	private static SendLoop loop(MessageSource source, UdpSender sender, double legacyFraction, double rate,
			SendLimits limits) {
		return new SendLoop(source, new DatagramEncoder(new HealthMessageJson(), legacyFraction, 42), sender,
				new PacedSchedule(rate, System::nanoTime, LockSupport::parkNanos), limits, Duration.ofSeconds(5),
				System::nanoTime, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
	}

	/** {@code perService} messages for each of {@code services} services, round robin. */
	private static List<HealthMessage> messages(int services, int perService) {
		List<HealthMessage> messages = new ArrayList<>();
		for (int i = 0; i < perService; i++) {
			for (int s = 0; s < services; s++) {
				messages.add(new HealthMessage("a-" + s, NOW + i, (i % 100) + 0.5, 16, 8 - (i % 8), 512, 100.25,
						HealthMessage.NO_SEQ));
			}
		}
		return messages;
	}

	private static Map<String, List<Long>> seqsByService(List<HealthMessage> received) {
		return received.stream()
			.collect(Collectors.groupingBy(HealthMessage::service,
					Collectors.mapping(HealthMessage::seq, Collectors.toList())));
	}

	/** A source that never ends. */
	private static final class Endless implements MessageSource {

		@Override
		public @Nullable HealthMessage next(long nowMs) {
			return new HealthMessage("endless", nowMs, 1, 2, 1, 2, 1, HealthMessage.NO_SEQ);
		}

		@Override
		public String describe() {
			return "endless";
		}

	}

}
