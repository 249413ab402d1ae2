package org.healthmon.ingest.store;

import java.util.HashMap;
import java.util.Map;

/**
 * The lines of one raw file per service: how many, and their first and last arrival. The
 * writer keeps one for the file it writes, so that the catalog learns exactly what a
 * published file holds without reading it back (docs/architecture.md §3.4). Not
 * thread-safe: the writer thread fills it, and hands it over once the file is published.
 */
public final class RawTally {

	private final Map<String, Lines> services = new HashMap<>();

	/** Counts one line of a service that arrived at {@code arrivalTimeMs}. */
	public void add(String service, long arrivalTimeMs) {
		Lines lines = this.services.get(service);
		if (lines == null) {
			lines = new Lines();
			this.services.put(service, lines);
		}
		lines.add(arrivalTimeMs);
	}

	/** The lines per service. */
	public Map<String, Lines> services() {
		return this.services;
	}

	/**
	 * One service's lines: in a file, or (the catalog's counts) in all files counted. Not
	 * thread-safe.
	 */
	public static final class Lines {

		private long count;

		private long firstArrivalMs = Long.MAX_VALUE;

		private long lastArrivalMs = Long.MIN_VALUE;

		void add(long arrivalTimeMs) {
			add(1, arrivalTimeMs, arrivalTimeMs);
		}

		/**
		 * Adds {@code lines} lines that arrived from {@code firstMs} to {@code lastMs}.
		 */
		public void add(long lines, long firstMs, long lastMs) {
			this.count += lines;
			if (lines > 0) {
				this.firstArrivalMs = Math.min(this.firstArrivalMs, firstMs);
				this.lastArrivalMs = Math.max(this.lastArrivalMs, lastMs);
			}
		}

		/** Adds another's lines. */
		public void add(Lines other) {
			add(other.count, other.firstArrivalMs, other.lastArrivalMs);
		}

		public long count() {
			return this.count;
		}

		public long firstArrivalMs() {
			return this.firstArrivalMs;
		}

		public long lastArrivalMs() {
			return this.lastArrivalMs;
		}

	}

}
