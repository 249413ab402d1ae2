package org.healthmon.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RawFileSetTests {

	private static final String HOUR = "/healthmon/raw/date=2026-11-22/hour=05/";

	@Test
	void whenListingThenOnlyPublishedRawCsvFilesCount() {
		RawFileSet set = RawFileSet.of(List.of(HOUR + "ingest-1-000000000001.csv", HOUR + "_ingest-1-000000000002.csv",
				HOUR + "ingest-1-000000000003.jsonl", HOUR + "_SUCCESS", HOUR + "notes.txt"));
		assertThat(set.files()).extracting(RawFileSet.RawFile::path)
			.containsExactly(HOUR + "ingest-1-000000000001.csv");
	}

	@Test
	void whenTakingTheHighestCutoffThenEachNodeGetsItsLargestSeq() {
		RawFileSet set = RawFileSet.of(List.of(HOUR + "ingest-1-000000000001.csv", HOUR + "ingest-1-000000000007.csv",
				HOUR + "ingest-2-000000000004.csv"));
		assertThat(set.highest()).isEqualTo(new Cutoff(Map.of("ingest-1", 7L, "ingest-2", 4L)));
		assertThat(RawFileSet.of(List.of()).highest()).isEqualTo(Cutoff.NONE);
	}

	@Test
	void whenSelectingBetweenCutoffsThenExactlyTheFilesAboveTheFirstAndUpToTheSecondAreChosen() {
		RawFileSet set = RawFileSet.of(List.of(HOUR + "ingest-1-000000000001.csv", HOUR + "ingest-1-000000000005.csv",
				HOUR + "ingest-1-000000000009.csv", HOUR + "ingest-2-000000000002.csv",
				HOUR + "ingest-3-000000000001.csv"));
		Cutoff after = new Cutoff(Map.of("ingest-1", 1L, "ingest-2", 2L));
		Cutoff upTo = new Cutoff(Map.of("ingest-1", 5L, "ingest-2", 2L, "ingest-3", 1L));
		assertThat(set.select(after, upTo)).extracting(RawFileSet.RawFile::path)
			.containsExactly(HOUR + "ingest-1-000000000005.csv", HOUR + "ingest-3-000000000001.csv");
		assertThat(set.select(Cutoff.NONE, set.highest())).hasSize(5);
		assertThat(set.select(set.highest(), set.highest())).isEmpty();
	}

	@Test
	void whenFilesArePublishedBetweenTwoListingsThenTheSecondListingUpToTheFirstsCutoffMissesNone() {
		// Listing 1 saw hour 05 but not yet hour 06; node 1 then published seq 4 (hour
		// 05) and seq 5 (hour 06)
		RawFileSet first = RawFileSet.of(List.of(HOUR + "ingest-1-000000000003.csv"));
		RawFileSet second = RawFileSet
			.of(List.of(HOUR + "ingest-1-000000000003.csv", HOUR + "ingest-1-000000000004.csv",
					"/healthmon/raw/date=2026-11-22/hour=06/ingest-1-000000000005.csv"));
		Cutoff cutoff = first.highest();
		assertThat(second.select(Cutoff.NONE, cutoff)).extracting((f) -> f.name().first()).containsExactly(3L);
		assertThat(second.select(cutoff, second.highest())).extracting((f) -> f.name().last()).containsExactly(4L, 5L);
	}

	@Test
	void whenACompactionAndTheSmallFilesItReplacesAreBothListedThenOnlyTheCompactionCounts() {
		RawFileSet set = RawFileSet.of(List.of(HOUR + "ingest-1-000000000001.csv", HOUR + "ingest-1-000000000004.csv",
				HOUR + "ingest-1-000000000009.csv", HOUR + "ingest-1-000000000001_000000000004.csv",
				HOUR + "ingest-2-000000000002.csv"));
		assertThat(set.files()).extracting(RawFileSet.RawFile::path)
			.containsExactly(HOUR + "ingest-1-000000000001_000000000004.csv", HOUR + "ingest-1-000000000009.csv",
					HOUR + "ingest-2-000000000002.csv");
		assertThat(set.highest()).isEqualTo(new Cutoff(Map.of("ingest-1", 9L, "ingest-2", 2L)));
		assertThat(set.select(Cutoff.NONE, set.highest())).hasSize(3);
		assertThat(set.select(new Cutoff(Map.of("ingest-1", 4L)), set.highest())).extracting(RawFileSet.RawFile::path)
			.containsExactly(HOUR + "ingest-1-000000000009.csv", HOUR + "ingest-2-000000000002.csv");
	}

	@Test
	void whenACompactionIsCompactedAgainThenTheWiderOneStandsForBoth() {
		RawFileSet set = RawFileSet.of(List.of(HOUR + "ingest-1-000000000001_000000000004.csv",
				HOUR + "ingest-1-000000000001_000000000009.csv", HOUR + "ingest-1-000000000009.csv"));
		assertThat(set.files()).extracting(RawFileSet.RawFile::path)
			.containsExactly(HOUR + "ingest-1-000000000001_000000000009.csv");
	}

	@Test
	void whenASmallFileIsInAnotherPartitionThenACompactionDoesNotReplaceIt() {
		String nextHour = "/healthmon/raw/date=2026-11-22/hour=06/";
		RawFileSet set = RawFileSet
			.of(List.of(HOUR + "ingest-1-000000000001_000000000004.csv", nextHour + "ingest-1-000000000003.csv"));
		assertThat(set.files()).hasSize(2);
	}

	@Test
	void whenACutoffFallsInsideACompactionThenSelectingRefusesInsteadOfSplittingIt() {
		RawFileSet set = RawFileSet.of(List.of(HOUR + "ingest-1-000000000001_000000000004.csv"));
		assertThatIllegalStateException()
			.isThrownBy(() -> set.select(new Cutoff(Map.of("ingest-1", 2L)), set.highest()))
			.withMessageContaining("straddles");
		assertThatIllegalStateException().isThrownBy(() -> set.select(Cutoff.NONE, new Cutoff(Map.of("ingest-1", 3L))))
			.withMessageContaining("ingest-1-000000000001_000000000004.csv");
		assertThat(set.select(new Cutoff(Map.of("ingest-1", 4L)), new Cutoff(Map.of("ingest-1", 9L)))).isEmpty();
	}

	@Test
	void whenFilesAreListedThenEachKnowsItsPartitionHour() {
		RawFileSet set = RawFileSet
			.of(List.of(HOUR + "ingest-1-000000000001.csv", "/elsewhere/ingest-1-000000000002.csv"));
		assertThat(set.files()).extracting(RawFileSet.RawFile::hourMs)
			.containsExactly(Long.MIN_VALUE, Instant.parse("2026-11-22T05:00:00Z").toEpochMilli());
		assertThat(set.newestHour()).isEqualTo(Instant.parse("2026-11-22T05:00:00Z").toEpochMilli());
	}

}
