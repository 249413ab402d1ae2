package org.healthmon.query.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.duckdb.DuckDBConnection;

/**
 * One in-process DuckDB database (in memory: it only reads Parquet files) and a fixed set
 * of connections to it, lent to one query at a time. DuckDB runs each query on its own
 * worker threads, so a handful of connections serves many parallel requests; the rest
 * wait, at most {@code acquireTimeout}.
 */
public final class DuckDb implements AutoCloseable {

	private final DuckDBConnection database;

	private final List<Connection> all = new ArrayList<>();

	private final BlockingQueue<Connection> idle;

	private final Duration acquireTimeout;

	/**
	 * @param spillDir where DuckDB writes what does not fit its memory limit (not the
	 * working directory, which may be read-only)
	 */
	public DuckDb(int connections, int threads, String memoryLimit, Path spillDir, Duration acquireTimeout)
			throws SQLException {
		this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
		try (Statement settings = this.database.createStatement()) {
			if (threads > 0) {
				settings.execute("SET threads = " + threads);
			}
			settings.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
			settings.execute("SET temp_directory = '" + spillDir.toAbsolutePath().toString().replace("'", "''") + "'");
			// the views are the only files this database reads; nothing is ever loaded
			// from the network
			settings.execute("SET autoinstall_known_extensions = false");
			settings.execute("SET autoload_known_extensions = false");
			// cached view files are never rewritten (a new version is a new file): their
			// footers are parsed once, not on every query
			settings.execute("SET parquet_metadata_cache = true");
		}
		this.idle = new ArrayBlockingQueue<>(connections);
		for (int i = 0; i < connections; i++) {
			Connection connection = this.database.duplicate();
			this.all.add(connection);
			this.idle.add(connection);
		}
		this.acquireTimeout = acquireTimeout;
	}

	/**
	 * Runs {@code work} on a lent connection.
	 * @throws BusyException when no connection came free in time
	 */
	public <T> T withConnection(SqlWork<T> work) throws SQLException {
		Connection connection;
		try {
			connection = this.idle.poll(this.acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BusyException("interrupted while waiting for a DuckDB connection");
		}
		if (connection == null) {
			throw new BusyException(
					"all " + this.all.size() + " DuckDB connections stayed busy for " + this.acquireTimeout);
		}
		try {
			return work.run(connection);
		}
		finally {
			this.idle.add(connection);
		}
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : this.all) {
			connection.close();
		}
		this.database.close();
	}

	/** Work on one connection. */
	@FunctionalInterface
	public interface SqlWork<T> {

		T run(Connection connection) throws SQLException;

	}

	/** No connection came free in time: the service is overloaded. */
	public static final class BusyException extends RuntimeException {

		BusyException(String message) {
			super(message);
		}

	}

}
