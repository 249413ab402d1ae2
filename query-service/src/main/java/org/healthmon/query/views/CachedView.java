package org.healthmon.query.views;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One view version as DuckDB reads it: local Parquet files, each holding the rows of one
 * time slice sorted by minute, so that a window names only the files of its slices and
 * reads only the row groups of its minutes; the minutes themselves, and their hourly
 * rollup for the whole hours of long windows. Shared by every snapshot that uses the
 * version and deleted when the last one lets go ({@link ViewCache}).
 *
 * @param key the version's cache key, e.g. {@code batch-v000000000003}
 * @param dir the directory of its files
 * @param minutes the view's rows, one per service and minute, a file per UTC day
 * @param hours the same rows merged per service and hour, in the same schema (the
 * {@code minute} column holds the hour's first minute), a file per
 * {@link ViewCache#HOUR_SLICE_MS}
 * @param rows rows in {@code minutes}
 */
public record CachedView(String key, Path dir, List<Slice> minutes, List<Slice> hours, long rows) {

	public CachedView {
		minutes = List.copyOf(minutes);
		hours = List.copyOf(hours);
	}

	/** Every file of the version. */
	public Stream<Path> files() {
		return Stream.concat(this.minutes.stream(), this.hours.stream()).map(Slice::file);
	}

	/**
	 * A file holding the rows whose {@code minute} is in {@code [fromMs, toMs)}.
	 *
	 * @param fromMs first minute it may hold
	 * @param toMs end of its minutes (exclusive)
	 * @param file the Parquet file
	 */
	public record Slice(long fromMs, long toMs, Path file) {

		/** Whether it may hold rows of the minutes in {@code [from, to)}. */
		public boolean overlaps(long from, long to) {
			return this.fromMs < to && from < this.toMs;
		}

	}

}
