package org.healthmon.speed.handoff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.healthmon.model.Cutoff;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.speed.handoff.HandoffState.Role;

/**
 * The changes of realtime sets the handoff rules ask for in a given state
 * (docs/architecture.md §8): which sets expire and which open, on which name. Pure, so
 * every state can be tested without a cluster.
 *
 * <ul>
 * <li>A set whose start is the published batch cutoff (CURRENT) always exists: when none
 * does, one opens there, empty.</li>
 * <li>When a batch run is pending and no set starts at its cutoff, one opens there on the
 * free name (at most two sets ever exist, so it may have to wait a run).</li>
 * <li>The set of the previous batch view (OLDER) expires once the CURRENT set has
 * absorbed everything it had; until then readers may stay on (previous batch, older
 * set).</li>
 * <li>A set that pairs with no batch view and no pending run (DEAD) expires at once.</li>
 * </ul>
 *
 * @param expire the sets to expire, with the reason
 * @param open the sets to open
 */
public record HandoffPlan(List<Expiry> expire, List<Opening> open) {

	public boolean isEmpty() {
		return this.expire.isEmpty() && this.open.isEmpty();
	}

	public static HandoffPlan of(HandoffState state) {
		List<Expiry> expire = new ArrayList<>();
		Map<String, RealtimeManifest> sets = state.sets();
		Optional<RealtimeManifest> current = setWithStart(state, state.batchCutoff());
		Set<Cutoff> starts = new HashSet<>();
		for (RealtimeManifest set : sets.values()) {
			Role role = state.roleOf(set);
			if (!starts.add(set.start())) {
				expire.add(new Expiry(set.set(), "a second set with the same start"));
			}
			else if (role == Role.DEAD) {
				expire.add(new Expiry(set.set(), "pairs with no batch view and no pending batch run"));
			}
			else if (role == Role.OLDER && current.isPresent() && current.get().absorbed().includes(set.absorbed())) {
				expire.add(new Expiry(set.set(), "batch view " + state.batchVersion() + " is published and its set "
						+ current.get().set() + " has caught up"));
			}
		}
		List<Opening> open = new ArrayList<>();
		List<String> free = freeNames(sets, expire);
		if (current.isEmpty()) {
			if (free.isEmpty()) {
				// Both names taken by sets readers can do without once the current set
				// exists: give up the pending one (it reopens later), else the older one
				String victim = sets.values()
					.stream()
					.filter((s) -> state.roleOf(s) == Role.PENDING)
					.findFirst()
					.orElseGet(() -> sets.values().iterator().next())
					.set();
				expire.add(new Expiry(victim, "its name is needed for the set of batch view " + state.batchVersion()));
				free = freeNames(sets, expire);
			}
			open.add(new Opening(free.remove(0), state.batchCutoff(), Role.CURRENT));
		}
		Optional<Cutoff> pending = state.activePendingCutoff();
		if (pending.isPresent() && setWithStart(state, pending.get()).isEmpty() && !free.isEmpty()) {
			open.add(new Opening(free.remove(0), pending.get(), Role.PENDING));
		}
		return new HandoffPlan(List.copyOf(expire), List.copyOf(open));
	}

	private static Optional<RealtimeManifest> setWithStart(HandoffState state, Cutoff start) {
		return state.sets().values().stream().filter((s) -> s.start().equals(start)).findFirst();
	}

	private static List<String> freeNames(Map<String, RealtimeManifest> sets, List<Expiry> expire) {
		List<String> free = new ArrayList<>();
		for (String name : HandoffState.SET_NAMES) {
			if (!sets.containsKey(name) || expire.stream().anyMatch((e) -> e.set().equals(name))) {
				free.add(name);
			}
		}
		return free;
	}

	/**
	 * A set to expire: its manifest goes now, its versions after the grace period.
	 *
	 * @param set the set's name
	 * @param reason why, for the log
	 */
	public record Expiry(String set, String reason) {
	}

	/**
	 * A set to open, empty: it covers no file yet.
	 *
	 * @param set the name to use
	 * @param start the batch cutoff it starts at
	 * @param role what it is for
	 */
	public record Opening(String set, Cutoff start, Role role) {
	}

}
