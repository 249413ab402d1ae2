package org.healthmon.query.sql;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.healthmon.query.views.ViewSnapshot;

/**
 * The SQL over a snapshot's files: the batch view's and the realtime set's rows of the
 * window, merged per service and step by the health-model rule. Every value from a client
 * is a bound parameter.
 * <p>
 * Each cached view has its minutes and their hourly rollup ({@link #hourly}). A window
 * reads the rollup's rows for the whole hours inside it and minute rows only for the
 * partial hours at its ends, so a month reads ~720 rows per service instead of 43,200;
 * merging is associative, so the answer is the same as from the minutes alone. A series
 * whose steps do not hold whole hours reads minutes only.
 * <p>
 * The peak and its time come from one {@code max} over a HUGEINT key, peak ×
 * 2<sup>64</sup> − time. Two times differ by less than 2<sup>64</sup>, so of two keys the
 * larger has the higher peak and, of equal peaks, the earlier time: the largest key is
 * the highest value at its earliest time, exactly as {@code ResourceStats.merge} decides,
 * and the time is peak × 2<sup>64</sup> − key. It gives what
 * {@code arg_max(time, (peak, -time))} gives without comparing structs per row.
 */
public final class ViewQueries {

	/** The rollup's unit: one hour in milliseconds. */
	public static final long HOUR = 3_600_000;

	private static final String SHIFT = "18446744073709551616::HUGEINT";

	private static final List<String> RESOURCES = List.of("cpu", "ram", "disk");

	/** The start of a step: {@code from + floor((minute - from) / step) * step}. */
	private static final String STEP_START = "?::BIGINT + (minute - ?) // ?::BIGINT * ?";

	/**
	 * Over the minutes alone: a window without a whole hour (or steps that split hours).
	 */
	private static final String MINUTES = select(1, false);

	private static final String MINUTES_OF_SERVICE = select(1, true);

	/** Whole hours from the rollup, the partial hours at either end from the minutes. */
	private static final String ROLLUP = select(3, false);

	private static final String ROLLUP_OF_SERVICE = select(3, true);

	private final DuckDb duckdb;

	public ViewQueries(DuckDb duckdb) {
		this.duckdb = duckdb;
	}

	/** Per service, the merged stats of the minutes in {@code [fromMs, toMs)}. */
	public List<Aggregate> analytics(ViewSnapshot snapshot, long fromMs, long toMs, Optional<String> service)
			throws SQLException {
		// one step as long as the window
		return series(snapshot, fromMs, toMs, toMs - fromMs, service);
	}

	/**
	 * Per service and step of {@code stepMs} from {@code fromMs}, the merged stats; steps
	 * without messages are left out.
	 */
	public List<Aggregate> series(ViewSnapshot snapshot, long fromMs, long toMs, long stepMs, Optional<String> service)
			throws SQLException {
		if (snapshot.parts().isEmpty()) {
			return List.of();
		}
		return this.duckdb.withConnection((connection) -> {
			try (PreparedStatement query = prepare(connection, snapshot.minuteFiles(), snapshot.hourFiles(), fromMs,
					toMs, stepMs, service)) {
				return read(query);
			}
		});
	}

	/**
	 * The query of a window, prepared and bound: what {@link #series} runs, public so
	 * that a benchmark can run exactly it without the app.
	 * @param minuteFiles the views' minute files
	 * @param hourFiles the same views' hourly rollups
	 */
	public static PreparedStatement prepare(Connection connection, String[] minuteFiles, String[] hourFiles,
			long fromMs, long toMs, long stepMs, Optional<String> service) throws SQLException {
		// whole hours may stand in for their minutes when each lies inside one step
		boolean hoursFit = fromMs + stepMs >= toMs || (stepMs % HOUR == 0 && Math.floorMod(fromMs, HOUR) == 0);
		long firstHour = Math.floorDiv(fromMs + HOUR - 1, HOUR) * HOUR;
		long endOfHours = Math.floorDiv(toMs, HOUR) * HOUR;
		boolean rollup = hoursFit && firstHour < endOfHours;
		String sql = rollup ? (service.isPresent() ? ROLLUP_OF_SERVICE : ROLLUP)
				: (service.isPresent() ? MINUTES_OF_SERVICE : MINUTES);
		PreparedStatement query = connection.prepareStatement(sql);
		try {
			int i = 1;
			for (long value : new long[] { fromMs, fromMs, stepMs, stepMs }) {
				query.setLong(i++, value);
			}
			Object minutes = connection.createArrayOf("VARCHAR", minuteFiles);
			Object[][] scans = rollup
					? new Object[][] { { connection.createArrayOf("VARCHAR", hourFiles), firstHour, endOfHours },
							{ minutes, fromMs, firstHour }, { minutes, endOfHours, toMs } }
					: new Object[][] { { minutes, fromMs, toMs } };
			for (Object[] scan : scans) {
				query.setObject(i++, scan[0]);
				query.setLong(i++, (Long) scan[1]);
				query.setLong(i++, (Long) scan[2]);
				if (service.isPresent()) {
					query.setString(i++, service.get());
				}
			}
			return query;
		}
		catch (SQLException | RuntimeException ex) {
			query.close();
			throw ex;
		}
	}

	/**
	 * The rollup of a minute file: per service and hour, with {@code minute} the hour's
	 * first minute, merged as {@code MinuteStats.merge} merges (sums as DECIMAL(38, 0),
	 * which Parquet holds exactly and no hour of sums outgrows).
	 * @param source the minute file as an SQL literal
	 */
	public static String hourly(String source) {
		return "SELECT service, minute - ((minute % " + HOUR + ") + " + HOUR + ") % " + HOUR
				+ " AS minute, sum(count)::BIGINT AS count, " + merged("DECIMAL(38, 0)") + " FROM read_parquet("
				+ source + ") GROUP BY ALL ORDER BY minute, service";
	}

	/**
	 * Per resource: the sum (as {@code sumType}), the peak and the peak's earliest time,
	 * over a group of rows.
	 */
	private static String merged(String sumType) {
		return String.join(", ", RESOURCES.stream().map((r) -> {
			String key = "max(" + r + "_max::HUGEINT * " + SHIFT + " - " + r + "_max_at)";
			return "sum(" + r + "_sum)::" + sumType + " AS " + r + "_sum, max(" + r + "_max) AS " + r + "_max, (max("
					+ r + "_max)::HUGEINT * " + SHIFT + " - " + key + ")::BIGINT AS " + r + "_max_at";
		}).toList());
	}

	/**
	 * {@code scans} scans, each binding its files, range and service: the minutes of the
	 * window; or the rollup's whole hours, then the minutes before them and after them.
	 */
	private static String select(int scans, boolean ofService) {
		List<String> columns = new ArrayList<>(List.of("service", "minute", "count"));
		RESOURCES
			.forEach((r) -> columns.addAll(List.of(r + "_sum::HUGEINT AS " + r + "_sum", r + "_max", r + "_max_at")));
		String scan = "SELECT " + String.join(", ", columns) + " FROM read_parquet(?) WHERE minute >= ? AND minute < ?"
				+ (ofService ? " AND service = ?" : "");
		return "SELECT service, " + STEP_START + " AS start, sum(count)::BIGINT AS count, " + merged("HUGEINT")
				+ " FROM (" + String.join(" UNION ALL ", Stream.generate(() -> scan).limit(scans).toList())
				+ ") GROUP BY service, start ORDER BY service, start";
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
		return new Aggregate.Resource((BigInteger) result.getObject(name + "_sum"), result.getLong(name + "_max"),
				result.getLong(name + "_max_at"));
	}

}
