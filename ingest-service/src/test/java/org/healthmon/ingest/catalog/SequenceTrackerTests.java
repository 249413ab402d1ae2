package org.healthmon.ingest.catalog;

import org.healthmon.ingest.catalog.SequenceTracker.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceTrackerTests {

	private static final long T0 = 1_763_789_462_000L;

	private final SequenceTracker tracker = new SequenceTracker(64);

	@Test
	void whenNumbersArriveInOrderThenNothingIsLostOrDuplicated() {
		for (long seq = 0; seq < 1000; seq++) {
			assertThat(this.tracker.offer(seq, T0 + seq)).isEqualTo(Verdict.IN_ORDER);
		}
		assertCounts(0, 0, 0);
	}

	@Test
	void whenTheFirstNumberSeenIsHighThenEarlierNumbersAreNotCountedAsLost() {
		assertThat(this.tracker.offer(5000, T0)).isEqualTo(Verdict.IN_ORDER);
		assertCounts(0, 0, 0);
	}

	@Test
	void whenDatagramsSentBeforeTheFirstSeenArriveLateThenTheyAreAcceptedWithoutUncountingLosses() {
		offerInOrder(10, 12);
		assertThat(this.tracker.offer(9, T0 + 9)).isEqualTo(Verdict.LATE);
		assertThat(this.tracker.offer(9, T0 + 9)).isEqualTo(Verdict.DUPLICATE);
		assertThat(this.tracker.offer(11, T0 + 11)).isEqualTo(Verdict.LATE);
		assertCounts(0, 1, 0);
	}

	@Test
	void whenNumbersAreSkippedThenTheGapIsCountedAsLost() {
		offerInOrder(0, 1, 2, 6, 7, 10);
		assertCounts(3 + 2, 0, 0);
	}

	@Test
	void whenALateDatagramFillsAGapThenItIsAcceptedAndNoLongerLost() {
		offerInOrder(0, 1, 4, 5);
		assertThat(this.tracker.lost()).isEqualTo(2);
		assertThat(this.tracker.offer(2, T0 + 2)).isEqualTo(Verdict.LATE);
		assertThat(this.tracker.offer(3, T0 + 3)).isEqualTo(Verdict.LATE);
		assertCounts(0, 0, 0);
	}

	@Test
	void whenANumberArrivesTwiceThenTheRepeatIsADuplicate() {
		offerInOrder(0, 1, 2);
		assertThat(this.tracker.offer(1, T0 + 1)).isEqualTo(Verdict.DUPLICATE);
		assertThat(this.tracker.offer(2, T0 + 2)).isEqualTo(Verdict.DUPLICATE);
		assertCounts(0, 2, 0);
	}

	@Test
	void whenALateDatagramArrivesTwiceThenOnlyTheSecondIsADuplicate() {
		offerInOrder(0, 2);
		assertThat(this.tracker.offer(1, T0 + 1)).isEqualTo(Verdict.LATE);
		assertThat(this.tracker.offer(1, T0 + 1)).isEqualTo(Verdict.DUPLICATE);
		assertCounts(0, 1, 0);
	}

	@Test
	void whenTheHighestNumberIsRepeatedThenItIsADuplicate() {
		offerInOrder(0, 1);
		assertThat(this.tracker.offer(1, T0 + 1)).isEqualTo(Verdict.DUPLICATE);
	}

	@Test
	void whenANumberIsAtTheWindowsOldestEdgeThenItIsStillRecognised() {
		offerInOrder(0, 100);
		// window of 64 below 100: 37..100; 37 was never seen, so it fills a gap
		assertThat(this.tracker.offer(37, T0 + 37)).isEqualTo(Verdict.LATE);
		assertThat(this.tracker.offer(37, T0 + 37)).isEqualTo(Verdict.DUPLICATE);
		assertThat(this.tracker.lost()).isEqualTo(98);
	}

	@Test
	void whenANumberIsJustBelowTheWindowThenTheSenderRestarted() {
		offerInOrder(0, 100);
		assertThat(this.tracker.offer(36, T0 + 36)).isEqualTo(Verdict.RESTART);
		assertThat(this.tracker.restarts()).isEqualTo(1);
		assertThat(this.tracker.offer(37, T0 + 37)).isEqualTo(Verdict.IN_ORDER);
	}

	@Test
	void whenTheSenderRestartsFarBelowThenTrackingResetsWithoutHugeCounts() {
		for (long seq = 0; seq < 10_000; seq++) {
			this.tracker.offer(seq, T0 + seq);
		}
		// restarted with an old clock reading too: still a restart, the seq is far below
		for (long seq = 0; seq < 500; seq++) {
			Verdict verdict = this.tracker.offer(seq, T0 + seq);
			assertThat(verdict).isEqualTo((seq == 0) ? Verdict.RESTART : Verdict.IN_ORDER);
		}
		assertCounts(0, 0, 1);
	}

	@Test
	void whenTheSenderRestartsWithinTheWindowThenItsLaterClockTellsItFromDuplicates() {
		offerInOrder(0, 1, 2, 3, 4, 5);
		// a restarted sender's clock has moved on while its counter went back to 0
		long later = T0 + 60_000;
		assertThat(this.tracker.offer(0, later)).isEqualTo(Verdict.RESTART);
		assertThat(this.tracker.offer(1, later + 1)).isEqualTo(Verdict.IN_ORDER);
		assertThat(this.tracker.offer(2, later + 2)).isEqualTo(Verdict.IN_ORDER);
		assertThat(this.tracker.offer(2, later + 2)).isEqualTo(Verdict.DUPLICATE);
		assertCounts(0, 1, 1);
	}

	@Test
	void whenLossesWereCountedBeforeARestartThenTheyStayCounted() {
		offerInOrder(0, 5);
		assertThat(this.tracker.offer(0, T0 + 60_000)).isEqualTo(Verdict.RESTART);
		assertCounts(4, 0, 1);
	}

	@Test
	void whenAGapIsLargerThanTheWindowThenItIsCountedAndTheWindowStartsClean() {
		offerInOrder(0, 1000);
		assertThat(this.tracker.lost()).isEqualTo(999);
		// 999 is in the window and was never seen, even though its ring slot was used
		// before
		assertThat(this.tracker.offer(999, T0 + 999)).isEqualTo(Verdict.LATE);
		assertThat(this.tracker.offer(1000, T0 + 1000)).isEqualTo(Verdict.DUPLICATE);
		assertCounts(998, 1, 0);
	}

	@Test
	void whenNumbersArriveShuffledWithinTheWindowThenAllAreAcceptedOnceAndNoneLost() {
		java.util.Random random = new java.util.Random(42);
		long[] order = new long[10_000];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		// swap neighbours up to 20 apart: reordering well within the window
		for (int i = 0; i < order.length - 20; i++) {
			int j = i + random.nextInt(20);
			long swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		SequenceTracker wide = new SequenceTracker(4096);
		int accepted = 0;
		for (long seq : order) {
			if (wide.offer(seq, T0).accepted()) {
				accepted++;
			}
		}
		for (long seq : new long[] { 6000, 8000, 9999 }) {
			assertThat(wide.offer(seq, T0)).isEqualTo(Verdict.DUPLICATE);
		}
		assertThat(accepted).isEqualTo(10_000);
		assertThat(wide.lost()).isZero();
		assertThat(wide.duplicates()).isEqualTo(3);
	}

	@Test
	void whenNumbersNearLongMaxValueArriveThenNothingOverflowsOrThrows() {
		SequenceTracker capped = new SequenceTracker(64, 1_000);
		long top = Long.MAX_VALUE;
		assertThat(capped.offer(top - 10, T0)).isEqualTo(Verdict.IN_ORDER);
		assertThat(capped.offer(top - 5, T0 + 1)).isEqualTo(Verdict.IN_ORDER);
		assertThat(capped.offer(top, T0 + 2)).isEqualTo(Verdict.IN_ORDER);
		assertThat(capped.offer(top, T0 + 2)).isEqualTo(Verdict.DUPLICATE);
		assertThat(capped.offer(top - 1, T0 + 1)).isEqualTo(Verdict.LATE);
		assertThat(capped.lost()).isEqualTo(4 + 4 - 1);
		assertThat(capped.highest()).isEqualTo(top);
		// a counter that wraps to 0 with a later time is a restart, not a negative gap
		assertThat(capped.offer(0, T0 + 3)).isEqualTo(Verdict.RESTART);
		assertThat(capped.lost()).isEqualTo(7);
	}

	@Test
	void whenUncappedGapsAddUpBeyondLongMaxValueThenLostSaturates() {
		SequenceTracker uncapped = new SequenceTracker(64);
		uncapped.offer(0, T0);
		uncapped.offer(Long.MAX_VALUE - 1, T0 + 1);
		uncapped.offer(0, T0 + 2);
		uncapped.offer(Long.MAX_VALUE, T0 + 3);
		assertThat(uncapped.lost()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void whenASenderJumpsFurtherAheadThanTheCapThenItIsARestartAndNotCountedAsLost() {
		SequenceTracker capped = new SequenceTracker(64, 1_000);
		capped.offer(10, T0);
		assertThat(capped.offer(1_011, T0 + 1)).as("a gap of exactly the cap").isEqualTo(Verdict.IN_ORDER);
		assertThat(capped.lost()).isEqualTo(1_000);
		assertThat(capped.offer(1_000_000_000_000L, T0 + 2)).isEqualTo(Verdict.RESTART);
		assertThat(capped.lost()).isEqualTo(1_000);
		assertThat(capped.restarts()).isEqualTo(1);
		assertThat(capped.offer(1_000_000_000_002L, T0 + 3)).isEqualTo(Verdict.IN_ORDER);
		assertThat(capped.lost()).isEqualTo(1_001);
	}

	@Test
	void whenResumedFromAPersistedNumberThenAGapOverTheOutageIsLostAndARepeatADuplicate() {
		SequenceTracker resumed = new SequenceTracker(64, 1_000);
		resumed.resume(100, T0);
		assertThat(resumed.offer(100, T0)).isEqualTo(Verdict.DUPLICATE);
		assertThat(resumed.offer(150, T0 + 50)).isEqualTo(Verdict.IN_ORDER);
		assertThat(resumed.lost()).isEqualTo(49);
	}

	@Test
	void whenResumedAfterNumbersArrivedThenTheGapBeforeTheFirstOfThemIsLost() {
		SequenceTracker early = new SequenceTracker(64, 1_000);
		early.offer(120, T0 + 20);
		early.offer(121, T0 + 21);
		early.resume(100, T0);
		assertThat(early.lost()).isEqualTo(19);
		SequenceTracker restarted = new SequenceTracker(64, 1_000);
		restarted.offer(3, T0 + 20);
		restarted.resume(100, T0);
		assertThat(restarted.lost()).as("the sender restarted meanwhile").isZero();
	}

	private void offerInOrder(long... seqs) {
		for (long seq : seqs) {
			assertThat(this.tracker.offer(seq, T0 + seq)).isEqualTo(Verdict.IN_ORDER);
		}
	}

	private void assertCounts(long lost, long duplicates, long restarts) {
		assertThat(this.tracker.lost()).as("lost").isEqualTo(lost);
		assertThat(this.tracker.duplicates()).as("duplicates").isEqualTo(duplicates);
		assertThat(this.tracker.restarts()).as("restarts").isEqualTo(restarts);
	}

}
