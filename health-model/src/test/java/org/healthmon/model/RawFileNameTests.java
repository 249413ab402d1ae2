package org.healthmon.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RawFileNameTests {

	@Test
	void whenACompactionIsNamedThenItsRangeReadsBackAndNeverAsASmallFile() {
		RawFileName compaction = RawFileName.compaction("ingest-1", 5, 9);
		assertThat(compaction.published()).isEqualTo("ingest-1-000000000005_000000000009.csv");
		assertThat(RawFileName.parse(compaction.published())).contains(compaction);
		assertThat(SequencedFileName.parse(compaction.published())).isEmpty();
		assertThat(RawFileName.parse(compaction.hidden())).isEmpty();
	}

	@Test
	void whenANodeIdEndsInDigitsThenItsSmallFilesAndCompactionsStillParseApart() {
		RawFileName small = RawFileName.parse("n-000000000007-000000000008.csv").orElseThrow();
		assertThat(small).isEqualTo(new RawFileName("n-000000000007", 8, 8, false));
		RawFileName compaction = RawFileName.parse("n-000000000007-000000000008_000000000009.csv").orElseThrow();
		assertThat(compaction).isEqualTo(RawFileName.compaction("n-000000000007", 8, 9));
	}

	@ParameterizedTest
	@ValueSource(strings = { "_ingest-1-000000000001.csv", "ingest-1-000000000001.jsonl",
			"ingest-1-000000000009_000000000005.csv", "ingest-1-000000000001_99999999999999999999.csv",
			"ingest_1-000000000001.csv", "ingest-1-1_2.csv", "part-r-00000.parquet" })
	void whenANameIsNoPublishedRawFileThenItIsNotParsed(String name) {
		assertThat(RawFileName.parse(name)).isEmpty();
	}

	@Test
	void whenAFileIsInsideACompactionsRangeThenTheCompactionContainsIt() {
		RawFileName compaction = RawFileName.compaction("a", 5, 9);
		assertThat(compaction.contains(new RawFileName("a", 5, 5, false))).isTrue();
		assertThat(compaction.contains(new RawFileName("a", 9, 9, false))).isTrue();
		assertThat(compaction.contains(new RawFileName("a", 10, 10, false))).isFalse();
		assertThat(compaction.contains(new RawFileName("b", 6, 6, false))).isFalse();
		assertThat(compaction.contains(RawFileName.compaction("a", 4, 6))).isFalse();
	}

	@Test
	void whenARangeIsNotAFilesThenItIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RawFileName("a", 2, 3, false));
		assertThatIllegalArgumentException().isThrownBy(() -> RawFileName.compaction("a", 3, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> RawFileName.compaction("a_b", 1, 2));
	}

	@Test
	void whenANodeIsAdoptedLateFilesOrAnImportThenItIsBatchOnly() {
		assertThat(RawFileName.isBatchOnly(RawFileName.LATE_NODE)).isTrue();
		assertThat(RawFileName.isBatchOnly("import.0123456789ab")).isTrue();
		assertThat(RawFileName.isBatchOnly("ingest-1")).isFalse();
		assertThat(RawFileName.isBatchOnly("batch.later")).isFalse();
		assertThat(RawFileName.parse("batch.late-000000000007.csv").orElseThrow().batchOnly()).isTrue();
	}

}
