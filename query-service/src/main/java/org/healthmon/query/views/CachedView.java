package org.healthmon.query.views;

import java.nio.file.Path;

/**
 * One view version as DuckDB reads it: a local Parquet file, sorted by minute with small
 * row groups, so that a window reads only the row groups of its minutes. Shared by every
 * snapshot that uses the version and deleted when the last one lets go
 * ({@link ViewCache}).
 *
 * @param key the version's cache key, e.g. {@code batch-v000000000003}
 * @param file the local file
 * @param rows rows in the file
 */
public record CachedView(String key, Path file, long rows) {
}
