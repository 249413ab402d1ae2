package org.healthmon.speed.support;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.ServingViews;
import org.healthmon.model.StorageLayout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the views the way a query does and checks them against the brute-force aggregate.
 * The reader rule is {@link ServingViews#choose}; the answer is that batch view ⊕ that
 * set, and it must equal the brute-force aggregate over every raw file the set has
 * absorbed: every message counted exactly once.
 */
public final class HandoffReader {

	private final FileSystem fs;

	private final StorageLayout layout;

	private final RawFiles raw;

	private int samples;

	private int mostSets;

	public HandoffReader(FileSystem fs, StorageLayout layout, RawFiles raw) {
		this.fs = fs;
		this.layout = layout;
		this.raw = raw;
	}

	/**
	 * One sampled moment: finds the pair a reader uses and asserts it is exact.
	 */
	public Sample check() throws IOException {
		Map<String, RealtimeManifest> sets = liveSets();
		ServingViews views = ServingViews.choose(manifest(this.layout.batchManifest()),
				manifest(this.layout.previousBatchManifest()), sets.values());
		assertThat(views.realtime()).as("a realtime set pairing with the batch views, of %s", sets).isPresent();
		BatchView view = views.batch()
			.map((b) -> new BatchView(b.version(), b.cutoff(), b.path()))
			.orElse(new BatchView(0, Cutoff.NONE, null));
		return check(view, views.realtime().get());
	}

	private Sample check(BatchView view, RealtimeManifest set) throws IOException {
		Map<RawFiles.Key, MinuteStats> answer = new TreeMap<>();
		if (view.path() != null) {
			ViewParquet.read(this.fs, view.path()).forEach((row) -> add(answer, row));
		}
		ViewParquet.read(this.fs, set.path()).forEach((row) -> add(answer, row));
		Map<RawFiles.Key, MinuteStats> expected = this.raw.aggregate(set.absorbed());
		assertThat(answer)
			.as("batch v%d ⊕ realtime set %s v%d (absorbed %s)", view.version(), set.set(), set.version(),
					set.absorbed())
			.isEqualTo(expected);
		assertThat(answer.values().stream().mapToLong(MinuteStats::count).sum())
			.isEqualTo(this.raw.messages(set.absorbed()));
		this.samples++;
		return new Sample(view.version(), set.set(), set.absorbed());
	}

	private static void add(Map<RawFiles.Key, MinuteStats> answer, MinuteStats row) {
		answer.merge(RawFiles.Key.of(row), row, MinuteStats::merge);
	}

	/** The live realtime sets; asserts no more than two exist. */
	public Map<String, RealtimeManifest> liveSets() throws IOException {
		Map<String, RealtimeManifest> sets = new TreeMap<>();
		FileStatus[] manifests = this.fs.globStatus(new Path(this.layout.manifestsDir(), "realtime-*.json"));
		for (FileStatus status : (manifests != null) ? manifests : new FileStatus[0]) {
			try (InputStream in = this.fs.open(status.getPath())) {
				RealtimeManifest set = RealtimeManifest.fromJson(in.readAllBytes());
				sets.put(set.set(), set);
			}
			catch (FileNotFoundException ex) {
				// expired between the listing and the read
			}
		}
		this.mostSets = Math.max(this.mostSets, sets.size());
		assertThat(sets.keySet()).as("live realtime sets").isSubsetOf("a", "b");
		return sets;
	}

	private Optional<BatchManifest> manifest(String file) throws IOException {
		try (InputStream in = this.fs.open(new Path(file))) {
			return Optional.of(BatchManifest.fromJson(in.readAllBytes()));
		}
		catch (FileNotFoundException ex) {
			return Optional.empty();
		}
	}

	public int samples() {
		return this.samples;
	}

	public int mostSets() {
		return this.mostSets;
	}

	/**
	 * What a sample found.
	 *
	 * @param batchVersion the batch view used
	 * @param set the realtime set used
	 * @param absorbed what the set had absorbed
	 */
	public record Sample(long batchVersion, String set, Cutoff absorbed) {
	}

	private record BatchView(long version, Cutoff cutoff, String path) {
	}

}
