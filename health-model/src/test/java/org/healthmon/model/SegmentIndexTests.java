package org.healthmon.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SegmentIndexTests {

	private static final long DAY = StorageLayout.DAY_MS;

	private static final SegmentIndex V1 = new SegmentIndex(1,
			List.of(segment(2 * DAY, "/v1/d2.parquet"), segment(DAY, "/v1/d1a.parquet", "/v1/d1b.parquet")));

	@Test
	void whenAnIndexIsWrittenThenItReadsBackEqualWithItsDaysInOrder() throws IOException {
		assertThat(SegmentIndex.fromJson(V1.toJson())).isEqualTo(V1);
		assertThat(V1.segments()).extracting(SegmentIndex.Segment::dayMs).containsExactly(DAY, 2 * DAY);
		assertThat(V1.rows()).isEqualTo(20);
		assertThat(V1.minMinute()).isEqualTo(DAY);
		assertThat(V1.maxMinute()).isEqualTo(2 * DAY + 60_000);
	}

	@Test
	void whenARunRewritesADayThenTheOthersAreSharedAndOnlyTheOldDaysFilesAreDropped() {
		SegmentIndex v2 = V1.replacing(2, List.of(segment(DAY, "/v2/d1.parquet"), segment(3 * DAY, "/v2/d3.parquet")));
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.segments()).extracting((s) -> s.files().get(0))
			.containsExactly("/v2/d1.parquet", "/v1/d2.parquet", "/v2/d3.parquet");
		assertThat(V1.filesDroppedBy(v2)).containsExactly("/v1/d1a.parquet", "/v1/d1b.parquet");
		assertThat(v2.filesDroppedBy(v2)).isEmpty();
	}

	@Test
	void whenAnIndexIsDamagedThenReadingItSaysWhatIsWrong() {
		assertThatIOException().isThrownBy(() -> SegmentIndex.fromJson(bytes("{\"version\": 1}")))
			.withMessageContaining("segments");
		assertThatIOException()
			.isThrownBy(() -> SegmentIndex.fromJson(bytes("{\"version\": 1, \"segments\": [{\"day\": 0}]}")))
			.withMessageContaining("rows");
		assertThatIOException().isThrownBy(() -> SegmentIndex.fromJson(bytes("[]")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SegmentIndex(1, List.of(segment(DAY, "/a"), segment(DAY, "/b"))));
	}

	private static SegmentIndex.Segment segment(long day, String... files) {
		return new SegmentIndex.Segment(day, List.of(files), 10, day, day + 60_000);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
