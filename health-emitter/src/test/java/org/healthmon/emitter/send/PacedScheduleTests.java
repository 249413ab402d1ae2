package org.healthmon.emitter.send;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The schedule on a fake clock: parking moves the clock, so every assertion is exact and
 * no test waits.
 */
class PacedScheduleTests {

	private final FakeClock clock = new FakeClock();

	@Test
	void whenRateIsLimitedThenOneSecondGrantsTheRate() {
		PacedSchedule schedule = new PacedSchedule(1000, this.clock::now, this.clock::park);
		schedule.start();
		long granted = grantUntil(schedule, this.clock.now + 1_000_000_000L);
		// messages are due at 0, 1 ms, ..., 1000 ms: the one at the end of the second too
		assertThat(granted).isBetween(1000L, 1001L);
	}

	@Test
	void whenRateIsLimitedThenFirstMessageIsDueAtOnceAndTheNextAfterOneInterval() {
		PacedSchedule schedule = new PacedSchedule(10, this.clock::now, this.clock::park);
		schedule.start();
		assertThat(schedule.acquire()).isEqualTo(1);
		assertThat(this.clock.parked).isEmpty();
		int permits = 0;
		while (permits == 0) {
			permits = schedule.acquire();
		}
		assertThat(permits).isEqualTo(1);
		assertThat(this.clock.now).isEqualTo(1_000_000L + 100_000_000L);
	}

	@Test
	void whenNothingIsDueThenItParksAtMostTheMaximumSlice() {
		PacedSchedule schedule = new PacedSchedule(1, this.clock::now, this.clock::park);
		schedule.start();
		schedule.acquire();
		assertThat(schedule.acquire()).isZero();
		assertThat(this.clock.parked).containsExactly(PacedSchedule.MAX_PARK_NANOS);
	}

	@Test
	void whenRateIsHighThenPermitsComeInBurstsOfAboutOneMillisecond() {
		PacedSchedule schedule = new PacedSchedule(100_000, this.clock::now, this.clock::park);
		schedule.start();
		long end = this.clock.now + 10_000_000L;
		List<Integer> bursts = new ArrayList<>();
		while (this.clock.now < end) {
			int permits = schedule.acquire();
			if (permits > 0) {
				bursts.add(permits);
			}
			// sending a burst takes time too
			this.clock.now += 20_000;
		}
		assertThat(schedule.maxBurst()).isEqualTo(100);
		assertThat(bursts).allSatisfy((burst) -> assertThat(burst).isBetween(1, 100));
		assertThat(bursts.stream().mapToLong(Integer::longValue).sum()).isBetween(999L, 1001L);
	}

	@Test
	void whenSenderStallsThenItCatchesUpByAtMostOneSecondOfMessages() {
		PacedSchedule schedule = new PacedSchedule(1000, this.clock::now, this.clock::park);
		schedule.start();
		schedule.acquire();
		this.clock.now += 10_000_000_000L;
		long caughtUp = 0;
		int permits;
		while ((permits = schedule.acquire()) > 0 && this.clock.parked.isEmpty()) {
			caughtUp += permits;
		}
		assertThat(caughtUp).isBetween(1000L, 1001L);
	}

	@Test
	void whenRateIsZeroThenItNeverWaits() {
		PacedSchedule schedule = new PacedSchedule(0, this.clock::now, this.clock::park);
		schedule.start();
		for (int i = 0; i < 1000; i++) {
			assertThat(schedule.acquire()).isEqualTo(PacedSchedule.UNLIMITED_BURST);
		}
		assertThat(this.clock.parked).isEmpty();
		assertThat(schedule.describeRate()).isEqualTo("full speed");
	}

	@Test
	void whenRateIsNegativeOrNotANumberThenItIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PacedSchedule(-1, this.clock::now, this.clock::park));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PacedSchedule(Double.NaN, this.clock::now, this.clock::park));
	}

	private long grantUntil(PacedSchedule schedule, long endNanos) {
		long granted = 0;
		while (this.clock.now < endNanos) {
			granted += schedule.acquire();
		}
		return granted;
	}

	/** Time stands still until someone parks. */
	static final class FakeClock {

		long now = 1_000_000L;

		final List<Long> parked = new ArrayList<>();

		long now() {
			return this.now;
		}

		void park(long nanos) {
			this.parked.add(nanos);
			this.now += nanos;
		}

	}

}
