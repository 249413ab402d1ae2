package org.healthmon.query.views;

import java.nio.file.Path;

/**
 * One view version as DuckDB reads it: local Parquet files sorted by minute with small
 * row groups, so that a window reads only the row groups of its minutes; the minutes
 * themselves, and their hourly rollup for the whole hours of long windows. Shared by
 * every snapshot that uses the version and deleted when the last one lets go
 * ({@link ViewCache}).
 *
 * @param key the version's cache key, e.g. {@code batch-v000000000003}
 * @param minutes the view's rows, one per service and minute
 * @param hours the same rows merged per service and hour, in the same schema (the
 * {@code minute} column holds the hour's first minute)
 * @param rows rows in {@code minutes}
 */
public record CachedView(String key, Path minutes, Path hours, long rows) {
}
