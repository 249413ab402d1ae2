package org.healthmon.query.views;

import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.healthmon.query.sql.Aggregate;
import org.healthmon.query.sql.DuckDb;
import org.healthmon.query.sql.MergeSql;

/**
 * The SQL over a snapshot's files: the batch view's and the realtime set's rows of the
 * window, merged per service and step by the health-model rule. Every value from a client
 * is a bound parameter.
 * <p>
 * Each cached view has its minutes and their hourly rollup ({@link MergeSql#hourly}). A
 * window reads the rollup's rows for the whole hours inside it and minute rows only for
 * the partial hours at its ends, so a month reads ~720 rows per service instead of
 * 43,200; merging is associative, so the answer is the same as from the minutes alone. A
 * series whose steps do not hold whole hours reads minutes only. Each range is read from
 * the files of the time slices it overlaps ({@link CachedView}), never from all of them.
 * Rows merge as {@link MergeSql#merged} says.
 */
public final class ViewQueries {

	private static final long HOUR = MergeSql.HOUR;

	/** The start of a step: {@code from + floor((minute - from) / step) * step}. */
	private static final String STEP_START = "?::BIGINT + (minute - ?) // ?::BIGINT * ?";

	private final DuckDb duckdb;

	private final int maxRows;

	/**
	 * @param maxRows most rows (points) one answer may hold; a query finding more fails
	 * with {@link AnswerTooLargeException} without reading them
	 */
	public ViewQueries(DuckDb duckdb, int maxRows) {
		this.duckdb = duckdb;
		this.maxRows = maxRows;
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
		List<Scan> scans = scans(snapshot.parts(), fromMs, toMs, stepMs);
		if (scans.isEmpty()) {
			return List.of();
		}
		String sql = select(scans, service.isPresent()) + " LIMIT " + (this.maxRows + 1L);
		return this.duckdb.withSession((session) -> {
			PreparedStatement query = session.prepared(sql);
			int i = 1;
			for (long value : new long[] { fromMs, fromMs, stepMs, stepMs }) {
				query.setLong(i++, value);
			}
			for (Scan scan : scans) {
				query.setLong(i++, scan.fromMs());
				query.setLong(i++, scan.toMs());
				if (service.isPresent()) {
					query.setString(i++, service.get());
				}
			}
			try {
				List<Aggregate> rows = read(query);
				if (rows.size() > this.maxRows) {
					throw new AnswerTooLargeException(this.maxRows);
				}
				return rows;
			}
			catch (SQLException ex) {
				session.forget(sql);
				throw ex;
			}
		});
	}

	/**
	 * What a window reads: the rollup's whole hours and the minutes before and after them
	 * when whole hours may stand in for their minutes (each lies inside one step), else
	 * the minutes; each range from the files whose slices it overlaps. Ranges without
	 * files are left out.
	 */
	private static List<Scan> scans(List<CachedView> views, long fromMs, long toMs, long stepMs) {
		boolean hoursFit = fromMs + stepMs >= toMs || (stepMs % HOUR == 0 && Math.floorMod(fromMs, HOUR) == 0);
		long firstHour = Math.floorDiv(fromMs + HOUR - 1, HOUR) * HOUR;
		long endOfHours = Math.floorDiv(toMs, HOUR) * HOUR;
		List<Scan> scans = new ArrayList<>();
		if (hoursFit && firstHour < endOfHours) {
			scans.add(Scan.of(views, CachedView::hours, firstHour, endOfHours));
			scans.add(Scan.of(views, CachedView::minutes, fromMs, firstHour));
			scans.add(Scan.of(views, CachedView::minutes, endOfHours, toMs));
		}
		else {
			scans.add(Scan.of(views, CachedView::minutes, fromMs, toMs));
		}
		return scans.stream().filter((scan) -> scan.files().length > 0).toList();
	}

	/**
	 * The query of the scans: each names its files (another list, another statement) and
	 * binds its range and service; the step is bound once.
	 */
	private static String select(List<Scan> scans, boolean ofService) {
		List<String> columns = new ArrayList<>(List.of("service", "minute", "count"));
		MergeSql.RESOURCES
			.forEach((r) -> columns.addAll(List.of(r + "_sum::HUGEINT AS " + r + "_sum", r + "_max", r + "_max_at")));
		List<String> selects = scans.stream()
			.map((scan) -> "SELECT " + String.join(", ", columns) + " FROM read_parquet(["
					+ String.join(", ", Stream.of(scan.files()).map(DuckDb::literal).toList())
					+ "]) WHERE minute >= ? AND minute < ?" + (ofService ? " AND service = ?" : ""))
			.toList();
		return "SELECT service, " + STEP_START + " AS start, sum(count)::BIGINT AS count, " + MergeSql.merged("HUGEINT")
				+ " FROM (" + String.join(" UNION ALL ", selects) + ") GROUP BY service, start ORDER BY service, start";
	}

	/**
	 * One range of a view's rows and the files that may hold it.
	 *
	 * @param files the files, as DuckDB paths
	 * @param fromMs first minute (or hour) read
	 * @param toMs end of the range (exclusive)
	 */
	private record Scan(String[] files, long fromMs, long toMs) {

		static Scan of(List<CachedView> views, Function<CachedView, List<CachedView.Slice>> slices, long fromMs,
				long toMs) {
			String[] files = views.stream()
				.flatMap((view) -> slices.apply(view).stream())
				.filter((slice) -> fromMs < toMs && slice.overlaps(fromMs, toMs))
				.map((slice) -> slice.file().toString())
				.toArray(String[]::new);
			return new Scan(files, fromMs, toMs);
		}

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
