package org.healthmon.ui.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

import org.healthmon.query.support.AppProcess;
import org.healthmon.query.support.QueryServiceProcess;

/**
 * What the UI talks to, for real, each from its jar in a process of its own:
 * {@link Fleet}'s views written now, the query service over them, and the alert service
 * ({@link AlertServiceProcess}) over that query service.
 */
public final class Backends implements AutoCloseable {

	private final Fleet fleet;

	private final QueryServiceProcess query;

	private final AppProcess alerts;

	private Backends(Fleet fleet, QueryServiceProcess query, AppProcess alerts) {
		this.fleet = fleet;
		this.query = query;
		this.alerts = alerts;
	}

	/** Writes the fleet under {@code dir} and starts both services; waits until ready. */
	public static Backends start(Path dir) throws IOException, SQLException {
		Fleet fleet = Fleet.write(dir.resolve("store"), Instant.now());
		QueryServiceProcess query = QueryServiceProcess.start(fleet.root(), dir.resolve("query"),
				Fleet.SERVICE_TIMEOUT);
		try {
			return new Backends(fleet, query, AlertServiceProcess.start(query.base(), dir.resolve("alerts")));
		}
		catch (IOException | RuntimeException ex) {
			query.close();
			throw ex;
		}
	}

	public Fleet fleet() {
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
