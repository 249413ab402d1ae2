package org.healthmon.model;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of {@link BadDatagrams} gets its own reason from the decoder and the default
 * arrival window, so a fuzz run can count what ingest must reject, reason by reason.
 */
class BadDatagramsTests {

	private static final long NOW = 1_796_000_000_000L;

	private final HealthMessageJson json = new HealthMessageJson();

	private final ArrivalWindow window = new ArrivalWindow(Duration.ofDays(30), Duration.ofMinutes(5));

	@Test
	void everyKindGetsItsReason() {
		BadDatagrams bad = new BadDatagrams(7);
		Map<BadDatagrams.Kind, Integer> seen = new EnumMap<>(BadDatagrams.Kind.class);
		for (int i = 0; i < 200_000; i++) {
			BadDatagrams.Bad datagram = bad.next(NOW);
			assertThat(reasonOf(datagram.payload())).as("%s: %s", datagram.kind(), datagram.payload())
				.isEqualTo(datagram.kind().reason());
			seen.merge(datagram.kind(), 1, Integer::sum);
		}
		assertThat(seen).hasSize(BadDatagrams.Kind.values().length);
		assertThat(seen.values()).allSatisfy((count) -> assertThat(count).isGreaterThan(10_000));
	}

	@Test
	void theSameSeedGivesTheSameDatagrams() {
		BadDatagrams one = new BadDatagrams(3);
		BadDatagrams two = new BadDatagrams(3);
		for (int i = 0; i < 1000; i++) {
			assertThat(one.next(NOW).payload()).isEqualTo(two.next(NOW).payload());
		}
	}

	private RejectReason reasonOf(byte[] payload) {
		DecodeResult result = this.json.decode(payload);
		if (result instanceof DecodeResult.Accepted accepted) {
			DecodeResult.Rejected outside = this.window.check(accepted.message().eventTimeMs(), NOW);
			return (outside != null) ? outside.reason() : null;
		}
		return ((DecodeResult.Rejected) result).reason();
	}

}
