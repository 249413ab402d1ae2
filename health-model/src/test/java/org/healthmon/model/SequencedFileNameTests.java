package org.healthmon.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SequencedFileNameTests {

	@Test
	void whenFileIsPublishedThenItsNameIsNodeAndZeroPaddedSeq() {
		SequencedFileName name = new SequencedFileName("ingest-0", 42, "csv");
		assertThat(name.published()).isEqualTo("ingest-0-000000000042.csv");
		assertThat(name.hidden()).isEqualTo("_ingest-0-000000000042.csv");
	}

	@Test
	void whenNamesAreParsedThenTheyAreTheNamesTheyCameFrom() {
		List<SequencedFileName> names = List.of(new SequencedFileName("ingest-0", 0, "csv"),
				new SequencedFileName("a", 1, "jsonl"), new SequencedFileName("node.eu-1", 123_456_789_012L, "csv"),
				new SequencedFileName("n-000000000007", 8, "csv"),
				new SequencedFileName("x", 1_234_567_890_123L, "csv"),
				new SequencedFileName("x", Long.MAX_VALUE, "csv"), new SequencedFileName("9".repeat(63), 5, "csv"));
		for (SequencedFileName name : names) {
			assertThat(SequencedFileName.parse(name.published())).contains(new SequencedFileName.Parsed(name, false));
			assertThat(SequencedFileName.parse(name.hidden())).contains(new SequencedFileName.Parsed(name, true));
		}
	}

	@Test
	void whenNamesOfOneNodeAreSortedThenTheyAreInSeqOrder() {
		List<String> names = new ArrayList<>();
		Random random = new Random(7);
		for (int i = 0; i < 200; i++) {
			names.add(new SequencedFileName("ingest-1", (long) (random.nextDouble() * 999_999_999_999L), "csv")
				.published());
		}
		List<String> sorted = new ArrayList<>(names);
		Collections.sort(sorted);
		assertThat(sorted).isEqualTo(names.stream().sorted((a, b) -> Long.compare(seqOf(a), seqOf(b))).toList());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "foo.csv", "ingest-42.csv", "ingest-00000000042.csv", "ingest-000000000042",
			"ingest-000000000042.CSV", "ingest-000000000042.csv.tmp", ".ingest-000000000042.csv",
			"__ingest-000000000042.csv", "-000000000042.csv", "_-000000000042.csv", "_SUCCESS", "part-r-00000",
			"ingest_0-000000000042.csv", "ingest-00000000004x.csv", "a-12345678901234567890.csv",
			"a-9999999999999999999.csv", "a-9223372036854775808.csv" })
	void whenFileIsNotOneOfOursThenParseIsEmpty(String fileName) {
		assertThat(SequencedFileName.parse(fileName)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-ingest", ".ingest", "_ingest", "in gest", "ingest/0", "ingest_0", "knoten-ä" })
	void whenNodeIdIsInvalidThenTheNameIsRefused(String nodeId) {
		assertThat(SequencedFileName.isValidNodeId(nodeId)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new SequencedFileName(nodeId, 1, "csv"))
			.withMessageContaining("node id");
	}

	@Test
	void whenNodeIdIsUpTo63CharsThenItIsValid() {
		assertThat(SequencedFileName.isValidNodeId("n".repeat(63))).isTrue();
		assertThat(SequencedFileName.isValidNodeId("n".repeat(64))).isFalse();
		assertThat(SequencedFileName.isValidNodeId("0.node-A")).isTrue();
	}

	@Test
	void whenSeqIsNegativeThenTheNameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SequencedFileName("ingest-0", -1, "csv"))
			.withMessageContaining("seq");
	}

	private static long seqOf(String published) {
		return SequencedFileName.parse(published).orElseThrow().name().seq();
	}

}
