package org.healthmon.ingest.store;

import java.util.concurrent.atomic.AtomicLong;

import org.healthmon.model.RejectReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectedBudgetTests {

	/** The time, moved by hand. */
	private final AtomicLong clock = new AtomicLong(1_796_000_000_000L);

	@Test
	void aFloodKeepsWithinTheBudgetOverTime() {
		RejectedBudget budget = new RejectedBudget(10_000, this.clock::get);
		long kept = 0;
		// 60 s of a flood of 300-byte lines, a datagram every 10 µs (a tick is 1 ms)
		for (int ms = 0; ms < 60_000; ms++) {
			for (int i = 0; i < 100; i++) {
				if (budget.admit(RejectReason.NOT_JSON)) {
					budget.charge(300);
					kept += 300;
				}
			}
			this.clock.addAndGet(1);
		}
		assertThat(kept).isLessThanOrEqualTo(10_000L * 61 + 300 * 2);
		assertThat(kept).isGreaterThan(10_000L * 59);
	}

	@Test
	void theFirstOfEachReasonInAMinuteIsKeptPastTheBudget() {
		RejectedBudget budget = new RejectedBudget(1_000, this.clock::get);
		assertThat(budget.admit(RejectReason.NOT_JSON)).isTrue();
		budget.charge(5_000);
		assertThat(budget.admit(RejectReason.NOT_JSON)).isFalse();
		assertThat(budget.admit(RejectReason.TOO_OLD)).as("the minute's first too_old").isTrue();
		budget.charge(500);
		assertThat(budget.admit(RejectReason.TOO_OLD)).isFalse();
		this.clock.addAndGet(60_000);
		assertThat(budget.admit(RejectReason.NOT_UTF8)).isTrue();
		this.clock.addAndGet(1);
		assertThat(budget.admit(RejectReason.NOT_UTF8)).as("the debt is paid back, a second's worth is in").isTrue();
	}

	@Test
	void aZeroBudgetKeepsOnlyTheExamples() {
		RejectedBudget budget = new RejectedBudget(0, this.clock::get);
		assertThat(budget.admit(RejectReason.OVERSIZED)).isTrue();
		budget.charge(100);
		this.clock.addAndGet(30_000);
		assertThat(budget.admit(RejectReason.OVERSIZED)).isFalse();
		this.clock.addAndGet(30_000);
		assertThat(budget.admit(RejectReason.OVERSIZED)).isTrue();
	}

}
