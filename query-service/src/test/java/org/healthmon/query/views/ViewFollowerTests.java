package org.healthmon.query.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.query.sql.Aggregate;
import org.healthmon.query.sql.DuckDb;
import org.healthmon.query.support.Brute;
import org.healthmon.query.support.FixtureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Switching views never takes files from under a query: a leased snapshot keeps its
 * cached files, and still answers, until its lease is closed.
 */
class ViewFollowerTests {

	private static final long T = 1_763_800_000_000L;

	@TempDir
	Path dir;

	@Test
	void whenTheViewsSwitchUnderALeaseThenTheLeasedFilesStayUntilItIsClosed() throws Exception {
		FixtureStore store = new FixtureStore(this.dir.resolve("store"));
		Cutoff c1 = new Cutoff(Map.of("ingest-1", 1L));
		Cutoff c2 = c1.with("ingest-1", 2);
		List<HealthMessage> first = List.of(message(T, 10), message(T + 60_000, 20));
		List<HealthMessage> second = List.of(message(T + 120_000, 30));
		store.publishBatch(1, c1, Brute.rows(first));
		store.publishRealtime("a", c1, c1, 1, List.of());
		try (FileSystem fs = FileSystem.newInstanceLocal(new Configuration());
				DuckDb duckdb = new DuckDb(2, 1, "256MB", this.dir.resolve("spill"), Duration.ofSeconds(5),
						Duration.ofSeconds(30))) {
			ViewStore viewStore = new ViewStore(fs, store.layout());
			ViewCache cache = new ViewCache(viewStore, duckdb, this.dir.resolve("cache"));
			ViewFollower follower = new ViewFollower(viewStore, cache, Clock.systemUTC(), new SimpleMeterRegistry());
			ViewQueries queries = new ViewQueries(duckdb, 1_000_000);
			follower.refresh();
			ViewFollower.Lease lease = follower.lease();
			List<Path> leased = lease.snapshot().parts().stream().flatMap(CachedView::files).toList();
			assertThat(leased).as("the batch view's minutes and hours (the set has no rows)")
				.hasSize(2)
				.allMatch(Files::exists);

			// batch v2 absorbs the first messages and more; a new set starts at its
			// cutoff
			store.publishBatch(2, c2, Brute.rows(List.of(first.get(0), first.get(1), second.get(0))));
			store.publishRealtime("b", c2, c2, 1, List.of());
			follower.refresh();
			assertThat(follower.snapshot().views().batch().orElseThrow().version()).isEqualTo(2);
			assertThat(follower.status().switches()).isEqualTo(2);

			assertThat(leased).as("files of the leased snapshot, after the switch").allMatch(Files::exists);
			assertThat(count(queries, lease.snapshot())).as("the leased snapshot still answers").isEqualTo(2);
			try (ViewFollower.Lease current = follower.lease()) {
				assertThat(count(queries, current.snapshot())).isEqualTo(3);
			}
			lease.close();
			assertThat(leased).as("files no snapshot uses any more").noneMatch(Files::exists);
			assertThat(cache.keys()).containsExactly(store.segments(2).segments().get(0).files().get(0),
					"realtime-b-v000000000001");
			follower.close();
			assertThat(cache.keys()).isEmpty();
		}
	}

	@Test
	void whenANewBatchVersionSharesDaySegmentsThenOnlyTheRewrittenDayIsCachedAgain() throws Exception {
		FixtureStore store = new FixtureStore(this.dir.resolve("store"));
		long day = 86_400_000L;
		List<HealthMessage> days = List.of(message(T, 10), message(T + day, 20));
		store.publishBatch(1, new Cutoff(Map.of("ingest-1", 1L)), Brute.rows(days));
		try (FileSystem fs = FileSystem.newInstanceLocal(new Configuration());
				DuckDb duckdb = new DuckDb(2, 1, "256MB", this.dir.resolve("spill"), Duration.ofSeconds(5),
						Duration.ofSeconds(30))) {
			ViewStore viewStore = new ViewStore(fs, store.layout());
			ViewFollower follower = new ViewFollower(viewStore,
					new ViewCache(viewStore, duckdb, this.dir.resolve("cache")), Clock.systemUTC(),
					new SimpleMeterRegistry());
			ViewQueries queries = new ViewQueries(duckdb, 1_000_000);
			follower.refresh();
			List<CachedView> v1 = follower.snapshot().parts();

			// late data for the second day only: the first day's segment is shared
			List<HealthMessage> late = List.of(days.get(1), message(T + day + 1000, 90));
			store.publishBatch(2, new Cutoff(Map.of("ingest-1", 2L)), Brute.rows(late), store.segments(1));
			follower.refresh();
			List<CachedView> v2 = follower.snapshot().parts();

			assertThat(v2).hasSize(2);
			assertThat(v2.get(0)).as("day 1: the part cached for v1, not a copy").isSameAs(v1.get(0));
			assertThat(v2.get(1)).isNotSameAs(v1.get(1));
			assertThat(v2.get(0).files()).allMatch(Files::exists);
			assertThat(v1.get(1).files()).as("day 2 of v1: no snapshot uses it").noneMatch(Files::exists);
			try (ViewFollower.Lease lease = follower.lease()) {
				assertThat(count(queries, lease.snapshot())).isEqualTo(3);
			}

			// a version written before segments still answers, whole
			store.publishLegacyBatch(3, new Cutoff(Map.of("ingest-1", 3L)), Brute.rows(days));
			follower.refresh();
			assertThat(follower.snapshot().parts()).hasSize(1);
			try (ViewFollower.Lease lease = follower.lease()) {
				assertThat(count(queries, lease.snapshot())).isEqualTo(2);
			}
			follower.close();
		}
	}

	@Test
	void whenEveryQueryConnectionIsBusyThenNewViewsAreStillPrepared() throws Exception {
		FixtureStore store = new FixtureStore(this.dir.resolve("store"));
		Cutoff cutoff = new Cutoff(Map.of("ingest-1", 1L));
		store.publishBatch(1, cutoff, Brute.rows(List.of(message(T, 10))));
		try (FileSystem fs = FileSystem.newInstanceLocal(new Configuration());
				DuckDb duckdb = new DuckDb(1, 1, "256MB", this.dir.resolve("spill"), Duration.ofSeconds(1),
						Duration.ofSeconds(30))) {
			ViewStore viewStore = new ViewStore(fs, store.layout());
			ViewFollower follower = new ViewFollower(viewStore,
					new ViewCache(viewStore, duckdb, this.dir.resolve("cache")), Clock.systemUTC(),
					new SimpleMeterRegistry());
			CountDownLatch held = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Thread query = new Thread(() -> {
				try {
					duckdb.withSession((session) -> {
						held.countDown();
						return awaitQuietly(release);
					});
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			query.start();
			assertThat(held.await(10, TimeUnit.SECONDS)).as("the only query connection is held").isTrue();
			try {
				follower.refresh();
				assertThat(follower.status().lastError()).isNull();
				assertThat(follower.snapshot().views().batch()).isPresent();
			}
			finally {
				release.countDown();
				query.join();
				follower.close();
			}
		}
	}

	private static boolean awaitQuietly(CountDownLatch latch) {
		try {
			return latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static long count(ViewQueries queries, ViewSnapshot snapshot) throws Exception {
		return queries.analytics(snapshot, 0, Long.MAX_VALUE, Optional.empty())
			.stream()
			.mapToLong(Aggregate::count)
			.sum();
	}

	private static HealthMessage message(long t, double cpu) {
		return new HealthMessage("svc", t, cpu, 16, 8, 100, 50, HealthMessage.NO_SEQ);
	}

}
