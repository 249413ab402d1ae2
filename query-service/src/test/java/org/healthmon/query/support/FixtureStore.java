package org.healthmon.query.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawWindow;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.SegmentIndex;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.StorageLayout;

/**
 * A healthmon store on the local file system, filled the way the batch and speed layers
 * fill HDFS: view versions as Parquet files in the one view schema, published by
 * replacing manifests atomically. The query service reads it in place
 * ({@code healthmon.query.hdfs.uri=file:///}, {@code root} = {@link #root()}). For tests,
 * benchmarks and the UI's browser tests.
 */
public final class FixtureStore {

	private static final String TABLE = """
			CREATE TEMP TABLE rows (service VARCHAR, minute BIGINT, count BIGINT,
			  cpu_sum BIGINT, cpu_max BIGINT, cpu_max_at BIGINT,
			  ram_sum BIGINT, ram_max BIGINT, ram_max_at BIGINT,
			  disk_sum BIGINT, disk_max BIGINT, disk_max_at BIGINT)""";

	private final Path root;

	private final StorageLayout layout;

	public FixtureStore(Path root) {
		this.root = root.toAbsolutePath();
		this.layout = new StorageLayout(this.root.toString());
	}

	/** The store's root: {@code healthmon.query.hdfs.root}. */
	public String root() {
		return this.layout.root();
	}

	public StorageLayout layout() {
		return this.layout;
	}

	/**
	 * Writes a batch view version as the batch layer does, a segment per UTC day with its
	 * index, and publishes it, keeping the old manifest as previous.
	 */
	public BatchManifest publishBatch(long version, Cutoff cutoff, Collection<MinuteStats> rows)
			throws IOException, SQLException {
		return publishBatch(version, cutoff, rows, new SegmentIndex(version - 1, List.of()));
	}

	/**
	 * Writes the segments of the days {@code rows} hold, shares the other days' segments
	 * of {@code base} (as a batch run that rewrites only the days its new data touches),
	 * and publishes the version.
	 */
	public BatchManifest publishBatch(long version, Cutoff cutoff, Collection<MinuteStats> rows, SegmentIndex base)
			throws IOException, SQLException {
		Map<Long, List<MinuteStats>> byDay = new TreeMap<>();
		rows.forEach((row) -> byDay
			.computeIfAbsent(Math.floorDiv(row.minute(), StorageLayout.DAY_MS) * StorageLayout.DAY_MS,
					(d) -> new ArrayList<>())
			.add(row));
		List<SegmentIndex.Segment> segments = new ArrayList<>();
		for (Map.Entry<Long, List<MinuteStats>> day : byDay.entrySet()) {
			String dir = this.layout.segmentDir(version, day.getKey());
			writeView(dir, day.getValue());
			List<Long> minutes = day.getValue().stream().map(MinuteStats::minute).toList();
			segments.add(new SegmentIndex.Segment(day.getKey(), List.of(dir + "/part-r-00000.parquet"),
					day.getValue().size(), minutes.stream().min(Long::compare).orElseThrow(),
					minutes.stream().max(Long::compare).orElseThrow()));
		}
		return publishIndex(version, cutoff, base.replacing(version, segments));
	}

	/**
	 * Writes a batch view version of the rows of an SQL relation (in the view schema's
	 * columns) as the batch layer does, a segment per UTC day sorted by service then
	 * minute, and publishes it.
	 */
	public BatchManifest publishBatch(long version, Cutoff cutoff, Connection connection, String rows)
			throws IOException, SQLException {
		List<SegmentIndex.Segment> segments = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet days = statement.executeQuery("SELECT minute // " + StorageLayout.DAY_MS + " * "
						+ StorageLayout.DAY_MS + " AS day, count(*), min(minute), max(minute) FROM (" + rows
						+ ") GROUP BY day ORDER BY day")) {
			while (days.next()) {
				long day = days.getLong(1);
				String dir = this.layout.segmentDir(version, day);
				writeView(connection, "SELECT * FROM (" + rows + ") WHERE minute >= " + day + " AND minute < "
						+ (day + StorageLayout.DAY_MS) + " ORDER BY service, minute", dir);
				segments.add(new SegmentIndex.Segment(day, List.of(dir + "/part-r-00000.parquet"), days.getLong(2),
						days.getLong(3), days.getLong(4)));
			}
		}
		return publishIndex(version, cutoff, new SegmentIndex(version, segments));
	}

	private BatchManifest publishIndex(long version, Cutoff cutoff, SegmentIndex index) throws IOException {
		write(this.layout.segmentIndex(version), index.toJson());
		BatchManifest manifest = new BatchManifest(version, cutoff, RawWindow.UNKNOWN,
				this.layout.batchVersionDir(version), this.layout.segmentIndex(version), index.rows(),
				index.minMinute(), index.maxMinute(), System.currentTimeMillis());
		publishBatch(manifest);
		return manifest;
	}

	/**
	 * Writes a batch view version as the batch layer did before segments (one directory
	 * holding every day) and publishes it.
	 */
	public BatchManifest publishLegacyBatch(long version, Cutoff cutoff, Collection<MinuteStats> rows)
			throws IOException, SQLException {
		String dir = this.layout.batchVersionDir(version);
		writeView(dir, rows);
		BatchManifest manifest = new BatchManifest(version, cutoff, RawWindow.UNKNOWN, dir, "", rows.size(), -1, -1,
				System.currentTimeMillis());
		publishBatch(manifest);
		return manifest;
	}

	/** The segments of a published version. */
	public SegmentIndex segments(long version) throws IOException {
		return SegmentIndex.fromJson(Files.readAllBytes(Path.of(this.layout.segmentIndex(version))));
	}

	/** Publishes a batch manifest whose version directory is written already. */
	public void publishBatch(BatchManifest manifest) throws IOException {
		Path current = Path.of(this.layout.batchManifest());
		if (Files.exists(current)) {
			write(this.layout.previousBatchManifest(), Files.readAllBytes(current));
		}
		write(this.layout.batchManifest(), manifest.toJson());
	}

	/** Writes a version of a realtime set and publishes it. */
	public RealtimeManifest publishRealtime(String set, Cutoff start, Cutoff absorbed, long version,
			Collection<MinuteStats> rows) throws IOException, SQLException {
		String dir = this.layout.realtimeVersionDir(set, version);
		writeView(dir, rows);
		RealtimeManifest manifest = new RealtimeManifest(set, start, absorbed, version, dir, rows.size(),
				System.currentTimeMillis());
		write(this.layout.realtimeManifest(set), manifest.toJson());
		return manifest;
	}

	public void writeCatalog(ServiceCatalog catalog) throws IOException {
		write(this.layout.catalogFile(catalog.nodeId()), catalog.toJson());
	}

	/**
	 * Writes view rows as one Parquet file in {@code dir} (as the jobs do: part files).
	 */
	public static void writeView(String dir, Collection<MinuteStats> rows) throws IOException, SQLException {
		Files.createDirectories(Path.of(dir));
		try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(TABLE);
			}
			try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rows")) {
				for (MinuteStats row : rows) {
					appender.beginRow();
					appender.append(row.service());
					appender.append(row.minute());
					appender.append(row.count());
					for (var resource : new org.healthmon.model.ResourceStats[] { row.cpu(), row.ram(), row.disk() }) {
						appender.append(resource.sum());
						appender.append(resource.max());
						appender.append(resource.maxAt());
					}
					appender.endRow();
				}
			}
			copy(connection, "SELECT * FROM rows ORDER BY service, minute", dir);
		}
	}

	/**
	 * Writes the rows of a query (in the view schema's columns) as one Parquet file in
	 * {@code dir}.
	 */
	public static void writeView(Connection connection, String select, String dir) throws IOException, SQLException {
		Files.createDirectories(Path.of(dir));
		copy(connection, select, dir);
	}

	private static void copy(Connection connection, String select, String dir) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("COPY (" + select + ") TO '" + Path.of(dir, "part-r-00000.parquet") + "' (FORMAT parquet)");
		}
	}

	private static void write(String file, byte[] bytes) throws IOException {
		Path target = Path.of(file);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), ".", ".tmp");
		Files.write(temp, bytes);
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

}
