package org.healthmon.query.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import org.duckdb.DuckDBConnection;

/**
 * One in-process DuckDB database (in memory: it only reads Parquet files) and a fixed set
 * of connections to it, lent to one query at a time, each with the statements prepared on
 * it ({@link Session}). DuckDB runs each query on its own worker threads, so a handful of
 * connections serves many parallel requests; the rest wait, at most
 * {@code acquireTimeout}.
 */
public final class DuckDb implements AutoCloseable {

	private final DuckDBConnection database;

	private final List<Session> all = new ArrayList<>();

	/**
	 * Last in, first out: one request after another runs on the same session, whose
	 * statements are prepared already.
	 */
	private final BlockingDeque<Session> idle;

	private final int connections;

	private final Duration acquireTimeout;

	private final Duration statementTimeout;

	/**
	 * The connection the view cache writes with, apart from the queries': a new view
	 * version is prepared without waiting behind the requests of a busy service, so
	 * answers stay fresh under load.
	 */
	private final Session views;

	/**
	 * @param spillDir where DuckDB writes what does not fit its memory limit (not the
	 * working directory, which may be read-only)
	 * @param statementTimeout how long a query on a lent connection may run before it is
	 * cancelled (whole seconds, at least one); the view cache's writes are not limited
	 */
	public DuckDb(int connections, int threads, String memoryLimit, Path spillDir, Duration acquireTimeout,
			Duration statementTimeout) throws SQLException {
		this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
		try (Statement settings = this.database.createStatement()) {
			if (threads > 0) {
				settings.execute("SET threads = " + threads);
			}
			settings.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
			settings.execute("SET temp_directory = " + literal(spillDir.toAbsolutePath().toString()));
			// the views are the only files this database reads; nothing is ever loaded
			// from the network
			settings.execute("SET autoinstall_known_extensions = false");
			settings.execute("SET autoload_known_extensions = false");
			// cached view files are never rewritten (a new version is a new file): their
			// footers are parsed once, not on every query
			settings.execute("SET parquet_metadata_cache = true");
		}
		this.idle = new LinkedBlockingDeque<>(connections);
		int timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, statementTimeout.toSeconds()));
		for (int i = 0; i < connections; i++) {
			Session session = new Session(this.database.duplicate(), timeoutSeconds);
			this.all.add(session);
			this.idle.add(session);
		}
		this.connections = connections;
		this.acquireTimeout = acquireTimeout;
		this.statementTimeout = statementTimeout;
		this.views = new Session(this.database.duplicate(), 0);
		this.all.add(this.views);
	}

	/** Runs {@code work} on the view cache's own connection, one caller at a time. */
	public <T> T withViewsSession(SqlWork<T> work) throws SQLException {
		synchronized (this.views) {
			return work.run(this.views);
		}
	}

	/**
	 * Runs {@code work} on a lent connection.
	 * @throws BusyException when no connection came free in time
	 */
	public <T> T withSession(SqlWork<T> work) throws SQLException {
		Session session;
		try {
			session = this.idle.pollFirst(this.acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BusyException("interrupted while waiting for a DuckDB connection");
		}
		if (session == null) {
			throw new BusyException(
					"all " + this.connections + " query connections of DuckDB stayed busy for " + this.acquireTimeout);
		}
		try {
			return work.run(session);
		}
		catch (SQLException ex) {
			// the driver cancels a statement past its timeout; DuckDB reports it as an
			// interrupt
			if (String.valueOf(ex.getMessage()).contains("INTERRUPT")) {
				throw new TooLongException("the query ran longer than " + this.statementTimeout
						+ " (healthmon.query.duckdb.statement-timeout) and was cancelled: narrow the window or the services");
			}
			throw ex;
		}
		finally {
			this.idle.addFirst(session);
		}
	}

	@Override
	public void close() throws SQLException {
		for (Session session : this.all) {
			session.connection.close();
		}
		this.database.close();
	}

	/**
	 * A string as an SQL string literal, for what DuckDB takes no parameters for: the
	 * paths of files this service wrote (COPY targets, and the file lists of queries,
	 * whose statements are prepared once per list). Every value a client sends is a bound
	 * parameter.
	 */
	public static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** Work on one connection. */
	@FunctionalInterface
	public interface SqlWork<T> {

		T run(Session session) throws SQLException;

	}

	/**
	 * A lent connection and the statements prepared on it, reused by their SQL text: a
	 * window's query takes DuckDB about a millisecond to parse and plan, as long as a
	 * short window takes to run, so the same query with other bounds runs the plan again.
	 * Only the latest {@link #STATEMENTS} are kept. Used by one thread at a time.
	 */
	public static final class Session {

		static final int STATEMENTS = 128;

		private final Connection connection;

		/** Seconds a statement may run; 0: no limit. */
		private final int timeoutSeconds;

		/** In access order: the first is the least recently used. */
		private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);

		Session(Connection connection, int timeoutSeconds) {
			this.connection = connection;
			this.timeoutSeconds = timeoutSeconds;
		}

		public Connection connection() {
			return this.connection;
		}

		/**
		 * The statement of this SQL, prepared once: set every parameter before each run,
		 * do not close it.
		 */
		public PreparedStatement prepared(String sql) throws SQLException {
			PreparedStatement statement = this.statements.get(sql);
			if (statement == null) {
				statement = this.connection.prepareStatement(sql);
				statement.setQueryTimeout(this.timeoutSeconds);
				this.statements.put(sql, statement);
				if (this.statements.size() > STATEMENTS) {
					Iterator<PreparedStatement> eldest = this.statements.values().iterator();
					PreparedStatement evicted = eldest.next();
					eldest.remove();
					evicted.close();
				}
			}
			return statement;
		}

		/** Closes and forgets the statement of this SQL (after it failed). */
		public void forget(String sql) throws SQLException {
			PreparedStatement statement = this.statements.remove(sql);
			if (statement != null) {
				statement.close();
			}
		}

	}

	/** A query ran past the statement timeout and was cancelled. */
	public static final class TooLongException extends RuntimeException {

		TooLongException(String message) {
			super(message);
		}

	}

	/** No connection came free in time: the service is overloaded. */
	public static final class BusyException extends RuntimeException {

		BusyException(String message) {
			super(message);
		}

	}

}
