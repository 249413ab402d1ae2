package org.healthmon.model;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(second.select(Cutoff.NONE, cutoff)).extracting((f) -> f.name().seq()).containsExactly(3L);
		assertThat(second.select(cutoff, second.highest())).extracting((f) -> f.name().seq()).containsExactly(4L, 5L);
	}

}
