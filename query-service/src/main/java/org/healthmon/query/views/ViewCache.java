package org.healthmon.query.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.model.ViewSchema;
import org.healthmon.query.sql.DuckDb;
import org.healthmon.query.sql.MergeSql;

import org.springframework.util.FileSystemUtils;

/**
 * The local copies of the view parts in use: a batch view's day segments, and realtime
 * versions. DuckDB cannot read {@code hdfs://}, so each part is copied out of the store
 * once (read in place when the store is a local file system) and rewritten by DuckDB into
 * files shaped for the queries: its minutes, a file per UTC day, sorted by minute with
 * small row groups; and their hourly rollup ({@link MergeSql#hourly}, merged by the
 * health-model rule), a file per day for a day segment and per {@link #HOUR_SLICE_MS}
 * otherwise, so that a long window reads one row per service and hour instead of sixty.
 * Batch versions share most of their segments, so a new version costs the segments it
 * rewrote, never the whole view. A query names only the files of the slices its window
 * touches: DuckDB checks every row group of every file it is given, about 10 µs each even
 * when skipped, which in one month-long file was most of a short window's time. Files are
 * written with LZ4, which decodes faster than zstd for a little more disk
 * (BENCHMARKS.md).
 * <p>
 * Each cached version counts the snapshots that use it and is deleted only when none
 * does: a version in use is never deleted under a running query. {@link #prepare} runs on
 * one thread (the follower); {@link #retain} and {@link #release} on any.
 */
public final class ViewCache {

	private static final Log log = LogFactory.getLog(ViewCache.class);

	/** The span of a minute file: one UTC day. */
	public static final long MINUTE_SLICE_MS = 86_400_000;

	/**
	 * The span of an hourly rollup file of a part that is not one day's: 30 days from the
	 * epoch on. A day segment's rollup is a file of its own day.
	 */
	public static final long HOUR_SLICE_MS = 30 * MINUTE_SLICE_MS;

	/** The day of a part whose rows may be in any day. */
	public static final long ANY_DAY = Long.MIN_VALUE;

	/**
	 * Rows per row group of a minute file: 10 minutes of 1,000 services, 100 of 100. A
	 * short window decodes only the groups it overlaps.
	 */
	static final int MINUTE_GROUP_ROWS = 10_000;

	/** Rows per row group of an hourly rollup: 10 hours of 1,000 services. */
	static final int HOUR_GROUP_ROWS = 10_000;

	/** The connection-local table a version is staged in while its files are written. */
	private static final String STAGED = "healthmon_staged_view";

	private static final String COLUMNS = String.join(", ", columns());

	private final ViewStore store;

	private final DuckDb duckdb;

	private final Path dir;

	private final Map<String, Entry> entries = new HashMap<>();

	/** Versions cached so far; counted on the follower's thread only. */
	private long generation;

	public ViewCache(ViewStore store, DuckDb duckdb, Path dir) throws IOException {
		this.store = store;
		this.duckdb = duckdb;
		this.dir = dir.toAbsolutePath();
		// what a previous run left is of no use: every version is prepared anew
		FileSystemUtils.deleteRecursively(this.dir);
		Files.createDirectories(this.dir);
	}

	/**
	 * The cached copy of a view part (a batch view's day segment, or a whole version that
	 * is not split by day), retained once for the caller; copies and rewrites it when it
	 * is not cached yet. Parts are immutable, so a part cached for one version serves
	 * every later version that shares it.
	 * @param key the part's cache key: the same key, the same files
	 * @param files the part's Parquet files in the store
	 * @param dayMs the UTC day all its rows are in, or {@link #ANY_DAY} when they may be
	 * in any
	 */
	public CachedView prepare(String key, List<String> files, long dayMs) throws IOException, SQLException {
		synchronized (this) {
			Entry entry = this.entries.get(key);
			if (entry != null) {
				entry.refs++;
				return entry.view;
			}
		}
		long started = System.nanoTime();
		Path staging = Files.createTempDirectory(this.dir, ".part-");
		try {
			Path copies = staging.resolve("source");
			List<String> sources = new ArrayList<>();
			for (String file : files) {
				org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(file);
				if (this.store.isLocal()) {
					sources.add(this.store.localPath(source).toString());
				}
				else {
					Path local = Files.createDirectories(copies).resolve(sources.size() + ".parquet");
					this.store.copyToLocal(source, local);
					sources.add(local.toString());
				}
			}
			// a part cached again gets other paths: queries prepared for the files of its
			// earlier copy never meet the new ones
			Path target = this.dir.resolve("part-" + (++this.generation));
			long hourSlice = (dayMs == ANY_DAY) ? HOUR_SLICE_MS : MINUTE_SLICE_MS;
			CachedView view = this.duckdb
				.withViewsSession((session) -> write(session.connection(), key, sources, hourSlice, staging, target));
			FileSystemUtils.deleteRecursively(copies);
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			synchronized (this) {
				this.entries.put(key, new Entry(view));
			}
			if (log.isDebugEnabled()) {
				log.debug(String.format("Cached %s: %d rows from %d files in %d ms (%d minute and %d hour files)", key,
						view.rows(), files.size(), (System.nanoTime() - started) / 1_000_000, view.minutes().size(),
						view.hours().size()));
			}
			return view;
		}
		finally {
			FileSystemUtils.deleteRecursively(staging);
		}
	}

	/** One more user of each of the views. */
	public synchronized void retain(Collection<CachedView> views) {
		for (CachedView view : views) {
			this.entries.get(view.key()).refs++;
		}
	}

	/** One user fewer of each of the views; a view nobody uses any more is deleted. */
	public synchronized void release(Collection<CachedView> views) {
		for (CachedView view : views) {
			Entry entry = this.entries.get(view.key());
			if (--entry.refs == 0) {
				this.entries.remove(view.key());
				try {
					FileSystemUtils.deleteRecursively(view.dir());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	/** The cached versions, for status. */
	public synchronized List<String> keys() {
		return this.entries.keySet().stream().sorted().toList();
	}

	/** Bytes the cached files take. */
	public long bytes() throws IOException {
		try (Stream<Path> files = Files.walk(this.dir)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	/**
	 * Stages the version's rows in a table of the connection, then writes them slice by
	 * slice into {@code staging}; the view names the files where they will be once
	 * {@code staging} is moved to {@code target}.
	 */
	private static CachedView write(Connection connection, String key, List<String> sources, long hourSlice,
			Path staging, Path target) throws SQLException {
		if (sources.isEmpty()) {
			// a version without files (nothing to aggregate yet) is a view without rows
			return new CachedView(key, target, List.of(), List.of(), 0);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE OR REPLACE TEMP TABLE " + STAGED + " AS SELECT " + COLUMNS + " FROM read_parquet("
					+ list(sources) + ")");
			try {
				List<CachedView.Slice> minutes = slices(statement, MINUTE_SLICE_MS, "minutes", MINUTE_GROUP_ROWS,
						(rows) -> "SELECT * FROM " + rows + " ORDER BY " + ViewSchema.MINUTE + ", "
								+ ViewSchema.SERVICE,
						staging, target);
				List<CachedView.Slice> hours = slices(statement, hourSlice, "hours", HOUR_GROUP_ROWS, MergeSql::hourly,
						staging, target);
				try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + STAGED)) {
					count.next();
					return new CachedView(key, target, minutes, hours, count.getLong(1));
				}
			}
			finally {
				statement.execute("DROP TABLE " + STAGED);
			}
		}
	}

	/**
	 * One file per slice of {@code span} that holds rows: {@code query} of the slice's
	 * staged rows (an SQL relation), written as {@code <name>-<slice start>.parquet}.
	 */
	private static List<CachedView.Slice> slices(Statement statement, long span, String name, int groupRows,
			Function<String, String> query, Path staging, Path target) throws SQLException {
		List<Long> starts = new ArrayList<>();
		try (ResultSet result = statement.executeQuery("SELECT DISTINCT " + MergeSql.floor(ViewSchema.MINUTE, span)
				+ " AS slice FROM " + STAGED + " ORDER BY slice")) {
			while (result.next()) {
				starts.add(result.getLong(1));
			}
		}
		List<CachedView.Slice> slices = new ArrayList<>();
		for (long start : starts) {
			String file = name + "-" + start + ".parquet";
			String rows = "(SELECT * FROM " + STAGED + " WHERE " + ViewSchema.MINUTE + " >= " + start + " AND "
					+ ViewSchema.MINUTE + " < " + (start + span) + ")";
			statement.execute("COPY (" + query.apply(rows) + ") TO " + DuckDb.literal(staging.resolve(file).toString())
					+ " (FORMAT parquet, COMPRESSION lz4_raw, ROW_GROUP_SIZE " + groupRows + ")");
			slices.add(new CachedView.Slice(start, start + span, target.resolve(file)));
		}
		return slices;
	}

	private static String list(List<String> paths) {
		return "[" + String.join(", ", paths.stream().map(DuckDb::literal).toList()) + "]";
	}

	private static List<String> columns() {
		List<String> columns = new ArrayList<>(List.of(ViewSchema.SERVICE, ViewSchema.MINUTE, ViewSchema.COUNT));
		for (String resource : List.of("cpu", "ram", "disk")) {
			columns.addAll(List.of(ViewSchema.columns(resource)));
		}
		return columns;
	}

	private static final class Entry {

		private final CachedView view;

		private int refs = 1;

		Entry(CachedView view) {
			this.view = view;
		}

	}

}
