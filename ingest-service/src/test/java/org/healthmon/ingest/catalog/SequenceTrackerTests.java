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
