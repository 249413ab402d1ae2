package org.healthmon.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawWindowTests {

	private static final long HOUR = 3_600_000L;

	/** 2026-11-22T10:00Z. */
	private static final long H10 = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();

	private final StorageLayout layout = StorageLayout.defaults();

	@Test
	void whenEveryNodeIsActiveThenTheNextWindowStartsAtTheOldestCutoffFile() {
		RawFileSet listing = listing(file("a", 1, H10 - 3 * HOUR), file("a", 2, H10), file("b", 1, H10 - 2 * HOUR),
				file("b", 3, H10 + HOUR));
		Cutoff cutoff = new Cutoff(Map.of("a", 2L, "b", 3L));
		assertThat(RawWindow.ALL.nextFrom(listing, cutoff)).isEqualTo(H10);
		// b's cutoff file two hours back holds the window there
		Cutoff behind = new Cutoff(Map.of("a", 2L, "b", 1L));
		assertThat(RawWindow.ALL.nextFrom(listing, behind)).isEqualTo(H10 - 2 * HOUR);
	}

	@Test
	void whenAllNodesAreInTheNewestHourThenTheWindowStillHoldsTheHourBefore() {
		RawFileSet listing = listing(file("a", 1, H10), file("b", 1, H10));
		assertThat(RawWindow.ALL.nextFrom(listing, listing.highest())).isEqualTo(H10 - HOUR);
	}

	@Test
	void whenANodeHasBeenSilentForADayThenItNoLongerHoldsTheWindowBack() {
		RawFileSet listing = listing(file("old", 1, H10 - 30 * HOUR), file("a", 5, H10));
		assertThat(RawWindow.ALL.nextFrom(listing, listing.highest())).isEqualTo(H10 - HOUR);
		RawFileSet recent = listing(file("old", 1, H10 - 20 * HOUR), file("a", 5, H10));
		assertThat(RawWindow.ALL.nextFrom(recent, recent.highest())).isEqualTo(H10 - 20 * HOUR);
	}

	@Test
	void whenNothingIsListedOrTheCutoffIsBehindThenTheWindowNeverMovesBack() {
		RawFileSet empty = listing();
		assertThat(RawWindow.ALL.nextFrom(empty, Cutoff.NONE)).isEqualTo(RawWindow.UNKNOWN);
		assertThat(RawWindow.from(H10).nextFrom(empty, Cutoff.NONE)).isEqualTo(H10);
		RawFileSet listing = listing(file("a", 5, H10));
		assertThat(RawWindow.from(H10).nextFrom(listing, listing.highest())).isEqualTo(H10);
		assertThat(RawWindow.from(RawWindow.UNKNOWN)).isEqualTo(RawWindow.ALL);
	}

	@Test
	void whenANewOrReturningNodeShowsFilesThenADayBeforeTheWindowIsListedOnce() {
		RawWindow window = RawWindow.from(H10 - HOUR);
		RawFileSet active = listing(file("a", 4, H10 - HOUR), file("a", 5, H10));
		Cutoff cutoff = new Cutoff(Map.of("a", 4L));
		assertThat(window.catchUp(active, cutoff)).isEmpty();

		RawFileSet newcomer = listing(file("a", 4, H10 - HOUR), file("new", 7, H10));
		assertThat(window.catchUp(newcomer, cutoff)).contains(new RawWindow(H10 - 24 * HOUR, H10 - HOUR));

		// "old" published its cutoff file long before the window: its new file may
		// follow others it spooled into the partitions before the window
		RawFileSet returning = listing(file("a", 4, H10 - HOUR), file("old", 9, H10));
		assertThat(window.catchUp(returning, new Cutoff(Map.of("a", 4L, "old", 8L))))
			.contains(new RawWindow(H10 - 24 * HOUR, H10 - HOUR));
		assertThat(RawWindow.ALL.catchUp(returning, Cutoff.NONE)).isEmpty();
	}

	@Test
	void whenBatchOnlyFilesLieInOldPartitionsThenTheyNeitherHoldTheWindowBackNorCatchUp() {
		RawWindow window = RawWindow.from(H10 - HOUR);
		RawFileSet listing = listing(file("a", 4, H10 - HOUR), file("a", 5, H10),
				file(RawFileName.LATE_NODE, 3, H10 - 20 * HOUR), file("import.0123456789ab", 1, H10 - 20 * HOUR));
		Cutoff cutoff = new Cutoff(Map.of("a", 5L, RawFileName.LATE_NODE, 3L, "import.0123456789ab", 1L));
		assertThat(window.nextFrom(listing, cutoff)).isEqualTo(H10 - HOUR);
		assertThat(window.catchUp(listing, new Cutoff(Map.of("a", 4L)))).isEmpty();
	}

	@Test
	void whenAWindowIsListedThenOnlyItsDaysAndHoursAreOpened() throws Exception {
		Map<String, List<String>> tree = new TreeMap<>();
		for (long hour = H10 - 30 * HOUR; hour <= H10 + HOUR; hour += HOUR) {
			String partition = this.layout.rawPartition(hour);
			String date = partition.substring(0, partition.lastIndexOf('/'));
			tree.computeIfAbsent(this.layout.rawDir(), (d) -> new ArrayList<>());
			if (!tree.get(this.layout.rawDir()).contains(date)) {
				tree.get(this.layout.rawDir()).add(date);
			}
			tree.computeIfAbsent(date, (d) -> new ArrayList<>()).add(partition);
			tree.put(partition, List.of(file("a", hour / HOUR, hour)));
		}
		tree.get(this.layout.rawDir()).add(this.layout.rawDir() + "/_compaction-notes");
		List<String> opened = new ArrayList<>();
		RawWindow.DirectoryLister lister = (dir) -> {
			opened.add(dir);
			return tree.getOrDefault(dir, List.of());
		};
		List<String> files = RawWindow.from(H10 - HOUR).list(this.layout, lister);
		assertThat(files).containsExactly(file("a", H10 / HOUR - 1, H10 - HOUR), file("a", H10 / HOUR, H10),
				file("a", H10 / HOUR + 1, H10 + HOUR));
		assertThat(opened).containsExactly(this.layout.rawDir(), "/healthmon/raw/date=2026-11-22",
				this.layout.rawPartition(H10 - HOUR), this.layout.rawPartition(H10),
				this.layout.rawPartition(H10 + HOUR));
		assertThat(RawWindow.ALL.list(this.layout, lister)).hasSize(32);
		assertThat(new RawWindow(H10 - 24 * HOUR, H10 - 22 * HOUR).list(this.layout, lister)).hasSize(2);
	}

	private RawFileSet listing(String... paths) {
		return RawFileSet.of(List.of(paths));
	}

	private String file(String node, long seq, long hour) {
		return this.layout.rawPartition(hour) + "/" + new SequencedFileName(node, seq, "csv").published();
	}

}
