package org.healthmon.query.sql;

import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.healthmon.query.views.ViewSnapshot;

/**
 * The SQL over a snapshot's files: the batch view's and the realtime set's rows of the
 * window's minutes, merged per service (and step) by the health-model rule. Every value
 * from a client is a bound parameter. The peak is {@code arg_max} over (peak, −time): the
 * highest value, and of equal values the earliest time, exactly as
 * {@code ResourceStats.merge} decides.
 */
public final class ViewQueries {

	private static final String RESOURCES = """
			sum(count)::BIGINT AS count,
			sum(cpu_sum) AS cpu_sum, max(cpu_max) AS cpu_max, arg_max(cpu_max_at, (cpu_max, -cpu_max_at)) AS cpu_max_at,
			sum(ram_sum) AS ram_sum, max(ram_max) AS ram_max, arg_max(ram_max_at, (ram_max, -ram_max_at)) AS ram_max_at,
			sum(disk_sum) AS disk_sum, max(disk_max) AS disk_max, arg_max(disk_max_at, (disk_max, -disk_max_at)) AS disk_max_at""";

	/** The start of a step: {@code from + floor((minute - from) / step) * step}. */
	private static final String STEP_START = "?::BIGINT + (minute - ?) // ?::BIGINT * ?";

	private static final String ANALYTICS = select("?::BIGINT", "service", false);

	private static final String ANALYTICS_OF_SERVICE = select("?::BIGINT", "service", true);

	private static final String SERIES = select(STEP_START, "service, start", false);

	private static final String SERIES_OF_SERVICE = select(STEP_START, "service, start", true);

	private final DuckDb duckdb;

	public ViewQueries(DuckDb duckdb) {
		this.duckdb = duckdb;
	}

	/** Per service, the merged stats of the minutes in {@code [fromMs, toMs)}. */
	public List<Aggregate> analytics(ViewSnapshot snapshot, long fromMs, long toMs, Optional<String> service)
			throws SQLException {
		return query(snapshot, service.isPresent() ? ANALYTICS_OF_SERVICE : ANALYTICS, fromMs, toMs, service, fromMs);
	}

	/**
	 * Per service and step of {@code stepMs} from {@code fromMs}, the merged stats; steps
	 * without messages are left out.
	 */
	public List<Aggregate> series(ViewSnapshot snapshot, long fromMs, long toMs, long stepMs, Optional<String> service)
			throws SQLException {
		return query(snapshot, service.isPresent() ? SERIES_OF_SERVICE : SERIES, fromMs, toMs, service, fromMs, fromMs,
				stepMs, stepMs);
	}

	/**
	 * Runs one of the queries: binds the {@code start} expression's values, the files,
	 * the window and the service, in the order {@link #select} writes them.
	 */
	private List<Aggregate> query(ViewSnapshot snapshot, String sql, long fromMs, long toMs, Optional<String> service,
			long... startValues) throws SQLException {
		if (snapshot.parts().isEmpty()) {
			return List.of();
		}
		return this.duckdb.withConnection((connection) -> {
			try (PreparedStatement query = connection.prepareStatement(sql)) {
				int i = 1;
				for (long value : startValues) {
					query.setLong(i++, value);
				}
				query.setObject(i++, connection.createArrayOf("VARCHAR", snapshot.files()));
				query.setLong(i++, fromMs);
				query.setLong(i++, toMs);
				if (service.isPresent()) {
					query.setString(i, service.get());
				}
				return read(query);
			}
		});
	}

	private static String select(String start, String groupBy, boolean ofService) {
		return "SELECT service, " + start + " AS start, " + RESOURCES
				+ " FROM read_parquet(?) WHERE minute >= ? AND minute < ?" + (ofService ? " AND service = ?" : "")
				+ " GROUP BY " + groupBy + " ORDER BY " + groupBy;
	}

	private static List<Aggregate> read(PreparedStatement query) throws SQLException {
		List<Aggregate> rows = new ArrayList<>();
		try (ResultSet result = query.executeQuery()) {
			while (result.next()) {
				rows.add(new Aggregate(result.getString("service"), result.getLong("start"), result.getLong("count"),
						resource(result, "cpu"), resource(result, "ram"), resource(result, "disk")));
			}
		}
		return rows;
	}

	private static Aggregate.Resource resource(ResultSet result, String name) throws SQLException {
		Object sum = result.getObject(name + "_sum");
		BigInteger exact = (sum instanceof BigInteger big) ? big : BigInteger.valueOf(((Number) sum).longValue());
		return new Aggregate.Resource(exact, result.getLong(name + "_max"), result.getLong(name + "_max_at"));
	}

}
