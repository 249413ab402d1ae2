package org.healthmon.query.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.model.ViewSchema;
import org.healthmon.query.sql.DuckDb;
import org.healthmon.query.sql.ViewQueries;

import org.springframework.util.FileSystemUtils;

/**
 * The local copies of the view versions in use. DuckDB cannot read {@code hdfs://}, so
 * each version is copied out of the store once (read in place when the store is a local
 * file system) and rewritten by DuckDB into two files: its minutes sorted by minute, with
 * row groups small enough that a short window skips almost all of a month-long view, and
 * an hourly rollup of them ({@link ViewQueries#hourly}), merged by the health-model rule,
 * so that a long window reads one row per service and hour instead of sixty. Each cached
 * version counts the snapshots that use it and is deleted only when none does: a version
 * in use is never deleted under a running query.
 * <p>
 * {@link #prepare} runs on one thread (the follower); {@link #retain} and
 * {@link #release} on any.
 */
public final class ViewCache {

	private static final Log logger = LogFactory.getLog(ViewCache.class);

	/**
	 * Rows per row group of a minute file: 20 minutes of 1,000 services. A short window
	 * decodes only the groups it overlaps; their footers are parsed once
	 * ({@code parquet_metadata_cache}), so many groups cost little. With 100 services, a
	 * 1 h query took 11 ms with 20,000-row groups, 18 ms with 100,000.
	 */
	static final int MINUTE_GROUP_ROWS = 20_000;

	/** Rows per row group of an hourly rollup: 10 hours of 1,000 services. */
	static final int HOUR_GROUP_ROWS = 10_000;

	private static final String COLUMNS = String.join(", ", columns());

	private final ViewStore store;

	private final DuckDb duckdb;

	private final Path dir;

	private final Map<String, Entry> entries = new HashMap<>();

	public ViewCache(ViewStore store, DuckDb duckdb, Path dir) throws IOException {
		this.store = store;
		this.duckdb = duckdb;
		this.dir = dir.toAbsolutePath();
		// what a previous run left is of no use: every version is prepared anew
		FileSystemUtils.deleteRecursively(this.dir);
		Files.createDirectories(this.dir);
	}

	/**
	 * The cached version of a view version directory, retained once for the caller;
	 * copies and rewrites it when it is not cached yet.
	 */
	public CachedView prepare(String key, String versionDir) throws IOException, SQLException {
		synchronized (this) {
			Entry entry = this.entries.get(key);
			if (entry != null) {
				entry.refs++;
				return entry.view;
			}
		}
		long started = System.nanoTime();
		List<org.apache.hadoop.fs.Path> files = this.store.parquetFiles(versionDir);
		Path staging = Files.createTempDirectory(this.dir, "." + key + "-");
		try {
			List<String> sources = new ArrayList<>();
			for (org.apache.hadoop.fs.Path file : files) {
				if (this.store.isLocal()) {
					sources.add(this.store.localPath(file).toString());
				}
				else {
					Path local = staging.resolve(sources.size() + ".parquet");
					this.store.copyToLocal(file, local);
					sources.add(local.toString());
				}
			}
			Path minutes = staging.resolve("minutes.parquet");
			Path hours = staging.resolve("hours.parquet");
			long rows = this.duckdb.withConnection((connection) -> {
				try (Statement statement = connection.createStatement()) {
					statement.execute(copy(select(sources), minutes, MINUTE_GROUP_ROWS));
					statement.execute(copy(ViewQueries.hourly(literal(minutes.toString())), hours, HOUR_GROUP_ROWS));
					try (ResultSet count = statement
						.executeQuery("SELECT count(*) FROM read_parquet(" + literal(minutes.toString()) + ")")) {
						count.next();
						return count.getLong(1);
					}
				}
			});
			CachedView view = new CachedView(key, move(minutes, key + ".parquet"), move(hours, key + "-hours.parquet"),
					rows);
			synchronized (this) {
				this.entries.put(key, new Entry(view));
			}
			logger.info(String.format("Cached %s: %d rows from %d files of %s in %d ms", key, rows, files.size(),
					versionDir, (System.nanoTime() - started) / 1_000_000));
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
					Files.deleteIfExists(view.minutes());
					Files.deleteIfExists(view.hours());
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
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	private Path move(Path written, String name) throws IOException {
		return Files.move(written, this.dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	private static String copy(String select, Path target, int groupRows) {
		return "COPY (" + select + ") TO " + literal(target.toString())
				+ " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE " + groupRows + ")";
	}

	/** The view's rows in the one column order, sorted for pruning by minute. */
	private static String select(List<String> sources) {
		if (sources.isEmpty()) {
			// a version without files (nothing to aggregate yet) is a view without rows
			List<String> typed = new ArrayList<>();
			for (String column : columns()) {
				typed.add((column.equals(ViewSchema.SERVICE) ? "NULL::VARCHAR AS " : "NULL::BIGINT AS ") + column);
			}
			return "SELECT " + String.join(", ", typed) + " WHERE false";
		}
		List<String> quoted = sources.stream().map(ViewCache::literal).toList();
		return "SELECT " + COLUMNS + " FROM read_parquet([" + String.join(", ", quoted) + "]) ORDER BY "
				+ ViewSchema.MINUTE + ", " + ViewSchema.SERVICE;
	}

	private static List<String> columns() {
		List<String> columns = new ArrayList<>(List.of(ViewSchema.SERVICE, ViewSchema.MINUTE, ViewSchema.COUNT));
		for (String resource : List.of("cpu", "ram", "disk")) {
			columns.addAll(List.of(ViewSchema.columns(resource)));
		}
		return columns;
	}

	/**
	 * A path as an SQL string literal. Only paths this service made go here (DuckDB's
	 * COPY takes no parameters); every value a client sends is a bound parameter.
	 */
	private static String literal(String path) {
		return "'" + path.replace("'", "''") + "'";
	}

	private static final class Entry {

		private final CachedView view;

		private int refs = 1;

		Entry(CachedView view) {
			this.view = view;
		}

	}

}
