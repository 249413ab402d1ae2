package org.healthmon.speed.handoff;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.healthmon.model.Cutoff;
import org.healthmon.model.PendingBatch;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.speed.handoff.HandoffPlan.Expiry;
import org.healthmon.speed.handoff.HandoffPlan.Opening;
import org.healthmon.speed.handoff.HandoffState.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffPlanTests {

	private static final Cutoff C1 = new Cutoff(Map.of("n1", 10L));

	private static final Cutoff C2 = new Cutoff(Map.of("n1", 20L, "n2", 5L));

	private static final Cutoff C3 = new Cutoff(Map.of("n1", 30L, "n2", 9L));

	@Test
	void whenNothingExistsThenTheSetOfVersionZeroOpensEmpty() {
		HandoffPlan plan = HandoffPlan.of(state(0, Cutoff.NONE, null, null));
		assertThat(plan.expire()).isEmpty();
		assertThat(plan.open()).containsExactly(new Opening("a", Cutoff.NONE, Role.CURRENT));
	}

	@Test
	void whenTheCurrentSetExistsAndNothingIsPendingThenNothingChanges() {
		assertThat(HandoffPlan.of(state(1, C1, null, null, set("a", C1, C2))).isEmpty()).isTrue();
	}

	@Test
	void whenABatchRunIsPendingThenASecondSetOpensAtItsCutoff() {
		HandoffPlan plan = HandoffPlan.of(state(1, C1, Cutoff.NONE, new PendingBatch(2, C2, 0), set("a", C1, C3)));
		assertThat(plan.expire()).isEmpty();
		assertThat(plan.open()).containsExactly(new Opening("b", C2, Role.PENDING));
	}

	@Test
	void whenThePendingSetExistsThenNothingChanges() {
		HandoffState state = state(1, C1, Cutoff.NONE, new PendingBatch(2, C2, 0), set("a", C1, C3), set("b", C2, C3));
		assertThat(HandoffPlan.of(state).isEmpty()).isTrue();
		assertThat(state.roleOf(state.sets().get("b"))).isEqualTo(Role.PENDING);
	}

	@Test
	void whenBatchPublishesThenOldRealtimeSetExpiresOnceTheNewSetHasCaughtUp() {
		HandoffState behind = state(2, C2, C1, null, set("a", C1, C3), set("b", C2, C2));
		assertThat(behind.roleOf(behind.sets().get("a"))).isEqualTo(Role.OLDER);
		assertThat(HandoffPlan.of(behind).isEmpty()).isTrue();
		HandoffState caughtUp = state(2, C2, C1, null, set("a", C1, C3), set("b", C2, C3));
		assertThat(HandoffPlan.of(caughtUp).expire()).extracting(Expiry::set).containsExactly("a");
		assertThat(HandoffPlan.of(caughtUp).open()).isEmpty();
	}

	@Test
	void whenAStalePendingMarkerRemainsThenItOpensNothing() {
		HandoffState state = state(2, C2, C1, new PendingBatch(2, C2, 0), set("b", C2, C3));
		assertThat(HandoffPlan.of(state).isEmpty()).isTrue();
	}

	@Test
	void whenTheBatchPublishedWhileSpeedWasDownThenTheNewSetOpensOnTheFreeName() {
		HandoffState state = state(2, C2, C1, null, set("a", C1, C1.with("n1", 15)));
		HandoffPlan plan = HandoffPlan.of(state);
		assertThat(plan.open()).containsExactly(new Opening("b", C2, Role.CURRENT));
		// the older set absorbed less than the new batch view covers: already caught up
		// once the new set exists, which the run's second plan sees
		assertThat(plan.expire()).isEmpty();
		HandoffState after = state(2, C2, C1, null, set("a", C1, C1.with("n1", 15)), set("b", C2, C2));
		assertThat(HandoffPlan.of(after).expire()).extracting(Expiry::set).containsExactly("a");
	}

	@Test
	void whenASetPairsWithNothingThenItExpiresAtOnce() {
		// two batch runs published while speed was down: a's start is two views back
		HandoffState state = state(3, C3, C2, null, set("a", C1, C2), set("b", C2, C3));
		HandoffPlan plan = HandoffPlan.of(state);
		assertThat(plan.expire()).extracting(Expiry::set).containsExactly("a");
		assertThat(plan.open()).containsExactly(new Opening("a", C3, Role.CURRENT));
	}

	@Test
	void whenAPendingRunIsAbandonedThenItsSetExpires() {
		HandoffState state = state(1, C1, Cutoff.NONE, new PendingBatch(2, C3, 0), set("a", C1, C3), set("b", C2, C3));
		HandoffPlan plan = HandoffPlan.of(state);
		assertThat(plan.expire()).extracting(Expiry::set).containsExactly("b");
		assertThat(plan.open()).containsExactly(new Opening("b", C3, Role.PENDING));
	}

	@Test
	void whenBothNamesAreTakenAndNoSetIsCurrentThenThePendingSetMakesRoom() {
		HandoffState state = state(2, C2, C1, new PendingBatch(3, C3, 0), set("a", C1, C3), set("b", C3, C3));
		HandoffPlan plan = HandoffPlan.of(state);
		assertThat(plan.expire()).extracting(Expiry::set).containsExactly("b");
		assertThat(plan.open()).containsExactly(new Opening("b", C2, Role.CURRENT));
	}

	@Test
	void whenThePendingSetWaitsForANameThenAtMostTwoSetsExist() {
		// the older set has not caught up yet: no name for the pending set this run
		HandoffState state = state(2, C2, C1, new PendingBatch(3, C3, 0), set("a", C1, C3), set("b", C2, C2));
		assertThat(HandoffPlan.of(state).isEmpty()).isTrue();
	}

	private static HandoffState state(long version, Cutoff batch, Cutoff previous, PendingBatch pending,
			RealtimeManifest... sets) {
		Map<String, RealtimeManifest> byName = new TreeMap<>();
		for (RealtimeManifest set : sets) {
			byName.put(set.set(), set);
		}
		return new HandoffState(version, batch, Optional.ofNullable(previous), Optional.ofNullable(pending), byName);
	}

	private static RealtimeManifest set(String name, Cutoff start, Cutoff absorbed) {
		return new RealtimeManifest(name, start, absorbed, 1, "/v/" + name, 0, 0);
	}

}
