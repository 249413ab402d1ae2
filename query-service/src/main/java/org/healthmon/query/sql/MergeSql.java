package org.healthmon.query.sql;

import java.util.List;

/**
 * The health-model merge rule ({@code MinuteStats.merge}) in DuckDB SQL, for the view
 * cache's hourly rollups and the queries over the views alike.
 * <p>
 * The peak and its time come from one {@code max} over a HUGEINT key, peak ×
 * 2<sup>64</sup> − time. Two times differ by less than 2<sup>64</sup>, so of two keys the
 * larger has the higher peak and, of equal peaks, the earlier time: the largest key is
 * the highest value at its earliest time, exactly as {@code ResourceStats.merge} decides,
 * and the time is peak × 2<sup>64</sup> − key. It gives what
 * {@code arg_max(time, (peak, -time))} gives without comparing structs per row.
 */
public final class MergeSql {

	/** The rollup's unit: one hour in milliseconds. */
	public static final long HOUR = 3_600_000;

	/**
	 * The resources of a view row, each with {@code _sum}, {@code _max}, {@code _max_at}.
	 */
	public static final List<String> RESOURCES = List.of("cpu", "ram", "disk");

	private static final String SHIFT = "18446744073709551616::HUGEINT";

	private MergeSql() {
	}

	/**
	 * The rollup of minute rows: per service and hour, with {@code minute} the hour's
	 * first minute, merged as {@code MinuteStats.merge} merges (sums as DECIMAL(38, 0),
	 * which Parquet holds exactly and no hour of sums outgrows).
	 * @param rows the minute rows, an SQL relation
	 */
	public static String hourly(String rows) {
		return "SELECT service, " + floor("minute", HOUR) + " AS minute, sum(count)::BIGINT AS count, "
				+ merged("DECIMAL(38, 0)") + " FROM " + rows + " GROUP BY ALL ORDER BY minute, service";
	}

	/**
	 * SQL for the start of the span of {@code spanMs} (from the epoch) that holds the
	 * time in {@code column}; also for times before the epoch.
	 */
	public static String floor(String column, long spanMs) {
		return column + " - ((" + column + " % " + spanMs + ") + " + spanMs + ") % " + spanMs;
	}

	/**
	 * Per resource: the sum (as {@code sumType}), the peak and the peak's earliest time,
	 * over a group of rows.
	 */
	public static String merged(String sumType) {
		return String.join(", ", RESOURCES.stream().map((r) -> {
			String key = "max(" + r + "_max::HUGEINT * " + SHIFT + " - " + r + "_max_at)";
			return "sum(" + r + "_sum)::" + sumType + " AS " + r + "_sum, max(" + r + "_max) AS " + r + "_max, (max("
					+ r + "_max)::HUGEINT * " + SHIFT + " - " + key + ")::BIGINT AS " + r + "_max_at";
		}).toList());
	}

}
