package org.healthmon.model;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArrivalWindowTests {

	private static final long ARRIVAL = 1_763_789_462_123L;

	private static final ArrivalWindow WINDOW = new ArrivalWindow(Duration.ofDays(30), Duration.ofMinutes(5));

	@Test
	void whenEventTimeIsOnTheEdgesOfTheWindowThenTheEdgesAreInside() {
		long maxAge = Duration.ofDays(30).toMillis();
		long maxAhead = Duration.ofMinutes(5).toMillis();
		assertThat(WINDOW.check(ARRIVAL, ARRIVAL)).isNull();
		assertThat(WINDOW.check(ARRIVAL - maxAge, ARRIVAL)).isNull();
		assertThat(WINDOW.check(ARRIVAL + maxAhead, ARRIVAL)).isNull();
		assertThat(WINDOW.check(ARRIVAL - maxAge - 1, ARRIVAL).reason()).isEqualTo(RejectReason.TOO_OLD);
		assertThat(WINDOW.check(ARRIVAL + maxAhead + 1, ARRIVAL).reason()).isEqualTo(RejectReason.IN_FUTURE);
	}

	@Test
	void whenRejectedThenTheDetailIsFixedAndTheSameInstanceEveryTime() {
		DecodeResult.Rejected old = WINDOW.check(MessageRules.MIN_EVENT_TIME_MS, ARRIVAL);
		assertThat(old)
			.isEqualTo(new DecodeResult.Rejected(RejectReason.TOO_OLD, "event time more than PT720H before arrival"));
		assertThat(WINDOW.check(MessageRules.MIN_EVENT_TIME_MS + 1, ARRIVAL)).isSameAs(old);
		assertThat(WINDOW.check(MessageRules.MAX_EVENT_TIME_MS - 1, ARRIVAL))
			.isEqualTo(new DecodeResult.Rejected(RejectReason.IN_FUTURE, "event time more than PT5M after arrival"));
	}

	@Test
	void whenLimitsAreHugeThenNothingOverflowsAndTheStaticBoundsAreAllThatIsLeft() {
		ArrivalWindow open = new ArrivalWindow(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofDays(365 * 200));
		assertThat(open.check(MessageRules.MIN_EVENT_TIME_MS, ARRIVAL)).isNull();
		assertThat(open.check(MessageRules.MAX_EVENT_TIME_MS - 1, ARRIVAL)).isNull();
		assertThat(open.check(MessageRules.MIN_EVENT_TIME_MS, Long.MAX_VALUE / 2)).isNull();
	}

	@Test
	void whenALimitIsNotPositiveThenTheWindowIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ArrivalWindow(Duration.ZERO, Duration.ofMinutes(5)))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ArrivalWindow(Duration.ofDays(1), Duration.ofMinutes(-5)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ArrivalWindow(null, Duration.ofMinutes(5)));
		assertThat(ArrivalWindow.isPositive(Duration.ofMillis(1))).isTrue();
	}

}
