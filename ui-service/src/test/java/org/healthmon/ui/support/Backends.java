package org.healthmon.ui.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

import org.healthmon.query.support.AppProcess;
import org.healthmon.query.support.QueryServiceProcess;
import org.jspecify.annotations.Nullable;

/**
 * What the UI talks to, for real, each from its jar in a process of its own:
 * {@link Fleet}'s views written now, the query service over them, and the alert service
 * ({@link AlertServiceProcess}) over that query service.
 */
public final class Backends implements AutoCloseable {

	private final @Nullable Fleet fleet;

	private final QueryServiceProcess query;

	private final AppProcess alerts;

	private Backends(@Nullable Fleet fleet, QueryServiceProcess query, AppProcess alerts) {
		this.fleet = fleet;
		this.query = query;
		this.alerts = alerts;
	}

	/** Writes the fleet under {@code dir} and starts both services; waits until ready. */
	public static Backends start(Path dir) throws IOException, SQLException {
		Fleet fleet = Fleet.write(dir.resolve("store"), Instant.now());
		return start(dir, fleet.root(), fleet);
	}

	/**
	 * Starts both services over a store already written at {@code root} (a fleet other
	 * than {@link Fleet}, which {@link #fleet()} then does not name); waits until ready.
	 * @param alertArgs more arguments for the alert service, e.g. rules
	 */
	public static Backends over(Path dir, String root, String... alertArgs) throws IOException {
		return start(dir, root, null, alertArgs);
	}

	private static Backends start(Path dir, String root, @Nullable Fleet fleet, String... alertArgs)
			throws IOException {
		QueryServiceProcess query = QueryServiceProcess.start(root, dir.resolve("query"), Fleet.SERVICE_TIMEOUT);
		try {
			return new Backends(fleet, query,
					AlertServiceProcess.start(query.base(), dir.resolve("alerts"), alertArgs));
		}
		catch (IOException | RuntimeException ex) {
			query.close();
			throw ex;
		}
	}

	/** The fleet written by {@link #start(Path)}. */
	public Fleet fleet() {
		if (this.fleet == null) {
			throw new IllegalStateException("these backends serve a store written by the test");
		}
		return this.fleet;
	}

	public QueryServiceProcess query() {
		return this.query;
	}

	public AppProcess alerts() {
		return this.alerts;
	}

	/**
	 * Stops the alert service, then the query service (either may be stopped already).
	 */
	@Override
	public void close() {
		this.alerts.close();
		this.query.close();
	}

}
