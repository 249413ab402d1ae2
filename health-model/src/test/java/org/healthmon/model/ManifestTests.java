package org.healthmon.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ManifestTests {

	private static final Cutoff CUTOFF = new Cutoff(Map.of("ingest-1", 1763789462000L, "ingest-2", 17L));

	@Test
	void whenACutoffNamesANodeThenItCoversExactlyThatNodesFilesUpToItsSeq() {
		assertThat(CUTOFF.covers(new SequencedFileName("ingest-2", 17, "csv"))).isTrue();
		assertThat(CUTOFF.covers(new SequencedFileName("ingest-2", 18, "csv"))).isFalse();
		assertThat(CUTOFF.covers(new SequencedFileName("ingest-3", 0, "csv"))).as("unknown node").isFalse();
		assertThat(Cutoff.NONE.seqOf("ingest-1")).isEqualTo(-1);
	}

	@Test
	void whenACutoffIsRaisedThenItIncludesTheOldOneButNotTheOtherWayRound() {
		Cutoff raised = CUTOFF.with("ingest-2", 20).with("ingest-3", 5);
		assertThat(raised.includes(CUTOFF)).isTrue();
		assertThat(CUTOFF.includes(raised)).isFalse();
		assertThat(CUTOFF.with("ingest-2", 3)).as("never lowered").isEqualTo(CUTOFF);
		assertThat(Cutoff.NONE.includes(Cutoff.NONE)).isTrue();
	}

	@Test
	void whenManifestsAreWrittenThenTheyReadBackEqual() throws IOException {
		BatchManifest batch = new BatchManifest(7, CUTOFF, 1763787600000L, "/healthmon/views/batch/v000000000007",
				"/healthmon/views/batch/v000000000007/segments.json", 1200, 1763789400000L, 1763793000000L,
				1763793012345L);
		assertThat(BatchManifest.fromJson(batch.toJson())).isEqualTo(batch);
		assertThat(batch.isSegmented()).isTrue();
		PendingBatch pending = new PendingBatch(8, CUTOFF.with("ingest-2", 30), 1763793100000L);
		assertThat(PendingBatch.fromJson(pending.toJson())).isEqualTo(pending);
		RealtimeManifest realtime = new RealtimeManifest("b", CUTOFF, CUTOFF.with("ingest-2", 40), 3,
				"/healthmon/views/realtime/b/v000000000003", 50, 1763793200000L);
		assertThat(RealtimeManifest.fromJson(realtime.toJson())).isEqualTo(realtime);
		assertThat(realtime.pairsWith(batch)).isTrue();
		assertThat(realtime.pairsWith(new BatchManifest(8, pending.cutoff(), -1, "/x", "", 0, -1, -1, 0))).isFalse();
	}

	@Test
	void whenAManifestFromBeforeWindowsAndSegmentsIsReadThenItSaysSo() throws IOException {
		BatchManifest legacy = BatchManifest.fromJson(bytes("""
				{"version": 3, "cutoff": {"ingest-1": 17}, "path": "/healthmon/views/batch/v000000000003",
				 "rows": 10, "minMinute": 60000, "maxMinute": 120000, "createdAtMs": 5}"""));
		assertThat(legacy.isSegmented()).isFalse();
		assertThat(legacy.rawFrom()).isEqualTo(RawWindow.UNKNOWN);
		assertThat(BatchManifest.fromJson(legacy.toJson())).isEqualTo(legacy);
	}

	@Test
	void whenAManifestNamesARawSnapshotOrCountsFilesThenTheyReadBackAndOldOnesReadAsUnknown() throws IOException {
		BatchManifest batch = new BatchManifest(7, CUTOFF, 5, "/v7", "/v7/segments.json", 1, 0, 0, 9,
				"batch-v000000000007-1234abcd");
		assertThat(BatchManifest.fromJson(batch.toJson())).isEqualTo(batch);
		assertThat(BatchManifest.fromJson(bytes("""
				{"version": 3, "cutoff": {}, "path": "/v3", "rows": 0, "minMinute": -1, "maxMinute": -1,
				 "createdAtMs": 5}""")).rawSnapshot()).isEmpty();
		RealtimeManifest counted = new RealtimeManifest("a", CUTOFF, CUTOFF, 1, "/a", 0, 0, 12);
		assertThat(RealtimeManifest.fromJson(counted.toJson())).isEqualTo(counted);
		assertThat(RealtimeManifest.fromJson(bytes("""
				{"set": "a", "start": {}, "absorbed": {}, "version": 1, "path": "/a", "rows": 0,
				 "updatedAtMs": 5}""")).files()).isEqualTo(RealtimeManifest.UNKNOWN_FILES);
	}

	@Test
	void whenARealtimeSetWouldAbsorbLessThanItsStartThenItIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RealtimeManifest("a", CUTOFF, Cutoff.NONE, 1, "/x", 0, 0));
	}

	@Test
	void whenAManifestIsDamagedThenReadingItSaysWhatIsWrong() {
		assertThatIOException().isThrownBy(() -> BatchManifest.fromJson(bytes("{\"version\":1}")))
			.withMessageContaining("cutoff");
		assertThatIOException()
			.isThrownBy(() -> PendingBatch.fromJson(bytes("{\"version\":\"x\",\"cutoff\":{},\"startedAtMs\":1}")))
			.withMessageContaining("version");
		assertThatIOException()
			.isThrownBy(
					() -> PendingBatch.fromJson(bytes("{\"version\":1,\"cutoff\":{\"n\":\"x\"},\"startedAtMs\":1}")))
			.withMessageContaining("cutoff of node n");
		assertThatIOException().isThrownBy(() -> BatchManifest.fromJson(bytes("[1,2]")));
		assertThatIOException().isThrownBy(() -> BatchManifest.fromJson(bytes("{\"version\":1} trailing")));
	}

	@Test
	void whenVersionsAreNumberedThenTheirDirectoriesSortInOrder() {
		StorageLayout layout = StorageLayout.defaults();
		assertThat(layout.batchVersionDir(9)).isEqualTo("/healthmon/views/batch/v000000000009");
		assertThat(layout.batchVersionDir(10).compareTo(layout.batchVersionDir(9))).isPositive();
		assertThat(layout.realtimeVersionDir("a", 2)).isEqualTo("/healthmon/views/realtime/a/v000000000002");
		assertThat(layout.realtimeManifest("b")).isEqualTo("/healthmon/manifests/realtime-b.json");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
