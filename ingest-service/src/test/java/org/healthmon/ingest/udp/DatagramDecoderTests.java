package org.healthmon.ingest.udp;

import java.time.Duration;
import java.util.Map;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.healthmon.model.ArrivalWindow;
import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RejectReason;
import org.junit.jupiter.api.Test;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.MessageHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class DatagramDecoderTests {

	private static final int MAX = 4096;

	private final DatagramDecoder decoder = new DatagramDecoder(MAX);

	@Test
	void whenADatagramFillsThePacketBufferThenItIsRejectedAsOversizedNotTruncated() {
		// what the socket hands over for a larger datagram: the buffer's worth, the rest
		// cut
		byte[] truncated = Arrays.copyOf(TestDatagrams.oversized(MAX + 100), DatagramDecoder.packetBufferSize(MAX));

		Decoded decoded = this.decoder.decode(datagram(truncated));

		assertThat(decoded.accepted()).isFalse();
		assertThat(decoded.rejected().reason()).isEqualTo(RejectReason.OVERSIZED);
		assertThat(decoded.rejected().detail()).contains("4096");
		assertThat(decoded.datagram().payload()).isEqualTo(truncated);
	}

	@Test
	void theLegacyCpuUnitSaysHowTheAssignmentsShapeIsRead() {
		byte[] legacy = """
				{"serviceName": "PRINTER", "Timestamp": 1763789462123456789, "CPU": 0.53,
				 "RAM": {"Total": 32, "Free": 12.7}, "Disk": {"Total": 4096, "Free": 1510.2},}
				""".getBytes(StandardCharsets.UTF_8);
		assertThat(this.decoder.decode(datagram(legacy)).message().cpuPct()).as("fraction, the default")
			.isEqualTo(53.0);
		assertThat(new DatagramDecoder(MAX, HealthMessageJson.LegacyCpuUnit.PERCENT, DatagramDecoder.ANY_TIME)
			.decode(datagram(legacy))
			.message()
			.cpuPct()).isEqualTo(0.53);
	}

	@Test
	void whenTheEventTimeLiesOutsideTheWindowAroundTheArrivalThenItIsRejectedWithAFixedDetail() {
		DatagramDecoder windowed = new DatagramDecoder(MAX, HealthMessageJson.LegacyCpuUnit.FRACTION,
				new ArrivalWindow(Duration.ofDays(30), Duration.ofMinutes(5)));
		byte[] bytes = new HealthMessageJson().encode(TestDatagrams.message("orders", 7));
		long event = TestDatagrams.message("orders", 7).eventTimeMs();

		assertThat(windowed.decode(datagram(event + Duration.ofDays(30).toMillis(), bytes)).accepted()).isTrue();
		assertThat(windowed.decode(datagram(event - Duration.ofMinutes(5).toMillis(), bytes)).accepted()).isTrue();
		Decoded old = windowed.decode(datagram(event + Duration.ofDays(30).toMillis() + 1, bytes));
		assertThat(old.rejected().reason()).isEqualTo(RejectReason.TOO_OLD);
		assertThat(old.rejected().detail()).isEqualTo("event time more than PT720H before arrival");
		assertThat(old.datagram().payload()).isEqualTo(bytes);
		assertThat(windowed.decode(datagram(event - Duration.ofMinutes(5).toMillis() - 1, bytes)).rejected().reason())
			.isEqualTo(RejectReason.IN_FUTURE);
	}

	@Test
	void whenADatagramIsExactlyTheLimitThenItIsDecoded() {
		byte[] atLimit = TestDatagrams.oversized(MAX);

		assertThat(this.decoder.decode(datagram(atLimit)).accepted()).isTrue();
	}

	@Test
	void whenEachKindOfInvalidDatagramIsDecodedThenItsReasonIsNamed() {
		DatagramDecoder windowed = new DatagramDecoder(MAX, HealthMessageJson.LegacyCpuUnit.FRACTION,
				new ArrivalWindow(Duration.ofDays(30), Duration.ofMinutes(5)));
		TestDatagrams.invalid(MAX).forEach((reason, bytes) -> {
			byte[] received = Arrays.copyOf(bytes, Math.min(bytes.length, DatagramDecoder.packetBufferSize(MAX)));
			Decoded decoded = windowed.decode(datagram(TestDatagrams.EVENT_TIME_MS, received));
			assertThat(decoded.result()).as(reason.name())
				.isInstanceOfSatisfying(DecodeResult.Rejected.class, (r) -> assertThat(r.reason()).isEqualTo(reason));
		});
	}

	@Test
	void whenTheOriginalShapeIsDecodedThenItIsAcceptedAsTheRecordOfItsArrival() {
		Decoded decoded = this.decoder.decode(datagram(42L, TestDatagrams.LEGACY.getBytes(StandardCharsets.UTF_8)));

		assertThat(decoded.accepted()).isTrue();
		assertThat(decoded.rawRecord().ingestTimeMs()).isEqualTo(42L);
		assertThat(decoded.message().service()).isEqualTo("PRINTER");
		assertThat(decoded.message().eventTimeMs()).isEqualTo(TestDatagrams.EVENT_TIME_MS);
	}

	@Test
	void whenACanonicalMessageIsDecodedThenItKeepsItsSeq() {
		byte[] bytes = new HealthMessageJson().encode(TestDatagrams.message("orders", 7));

		assertThat(this.decoder.decode(datagram(bytes)).message().seq()).isEqualTo(7);
	}

	private static Datagram datagram(byte[] payload) {
		return datagram(1L, payload);
	}

	private static Datagram datagram(long arrivalTimeMs, byte[] payload) {
		return new Datagram(arrivalTimeMs,
				new MessageHeaders(Map.of(IpHeaders.IP_ADDRESS, "127.0.0.1", IpHeaders.PORT, 1234)), payload);
	}

}
