package org.healthmon.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServingViewsTests {

	private static final Cutoff C1 = new Cutoff(Map.of("ingest-1", 100L));

	private static final Cutoff C2 = C1.with("ingest-1", 200);

	private static final BatchManifest V1 = batch(1, C1);

	private static final BatchManifest V2 = batch(2, C2);

	@Test
	void whenNoViewExistsThenNothingAnswers() {
		ServingViews views = ServingViews.choose(Optional.empty(), Optional.empty(), List.of());
		assertThat(views).isEqualTo(ServingViews.NONE);
		assertThat(views.covered()).isEqualTo(Cutoff.NONE);
	}

	@Test
	void whenNoBatchViewExistsYetThenTheSetStartingAtNothingAnswersAlone() {
		RealtimeManifest a = set("a", Cutoff.NONE, C1);
		ServingViews views = ServingViews.choose(Optional.empty(), Optional.empty(), List.of(a));
		assertThat(views.batch()).isEmpty();
		assertThat(views.realtime()).contains(a);
		assertThat(views.covered()).isEqualTo(C1);
	}

	@Test
	void whenTheNewSetHasCaughtUpThenTheNewBatchViewAnswersWithIt() {
		RealtimeManifest a = set("a", C1, C2.with("ingest-1", 250));
		RealtimeManifest b = set("b", C2, C2.with("ingest-1", 260));
		ServingViews views = ServingViews.choose(Optional.of(V2), Optional.of(V1), List.of(a, b));
		assertThat(views.batch()).contains(V2);
		assertThat(views.realtime()).contains(b);
	}

	@Test
	void whenTheNewBatchViewHasNoSetYetThenThePreviousPairAnswers() {
		RealtimeManifest a = set("a", C1, C2.with("ingest-1", 250));
		ServingViews views = ServingViews.choose(Optional.of(V2), Optional.of(V1), List.of(a));
		assertThat(views.batch()).contains(V1);
		assertThat(views.realtime()).contains(a);
		assertThat(views.covered()).isEqualTo(a.absorbed());
	}

	@Test
	void whenNoSetPairsWithEitherBatchViewThenTheNewestBatchViewAnswersAlone() {
		RealtimeManifest stray = set("b", C2.with("ingest-1", 300), C2.with("ingest-1", 300));
		ServingViews views = ServingViews.choose(Optional.of(V2), Optional.of(V1), List.of(stray));
		assertThat(views.batch()).contains(V2);
		assertThat(views.realtime()).isEmpty();
		assertThat(views.covered()).isEqualTo(C2);
	}

	@Test
	void whenThereIsAPreviousBatchViewThenASetStartingAtNothingNoLongerPairs() {
		RealtimeManifest old = set("a", Cutoff.NONE, C2);
		ServingViews views = ServingViews.choose(Optional.of(V2), Optional.of(V1), List.of(old));
		assertThat(views.realtime()).isEmpty();
	}

	@Test
	void whenASetDoesNotStartAtTheBatchCutoffThenTheyCannotBePaired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServingViews(Optional.of(V2), Optional.of(set("a", C1, C2))))
			.withMessageContaining("starts at");
	}

	private static BatchManifest batch(long version, Cutoff cutoff) {
		return new BatchManifest(version, cutoff, -1, "/healthmon/views/batch/v" + version, "", 10, -1, -1, version);
	}

	private static RealtimeManifest set(String name, Cutoff start, Cutoff absorbed) {
		return new RealtimeManifest(name, start, absorbed, 1, "/healthmon/views/realtime/" + name, 5, 1);
	}

}
