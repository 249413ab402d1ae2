package org.healthmon.model;

/**
 * The one Parquet schema of batch and realtime views (docs/architecture.md §6): a row per
 * (service, event minute), rows sorted by service then minute. Percent columns hold
 * {@link FixedPercent} values (1e-9 percentage points, INT64) so sums stay exact;
 * {@code minute} and the {@code *_max_at} columns are epoch milliseconds (UTC).
 */
public final class ViewSchema {

	public static final String SERVICE = "service";

	public static final String MINUTE = "minute";

	public static final String COUNT = "count";

	/** The view schema as an Avro record schema, for parquet-avro writers and readers. */
	public static final String AVRO_SCHEMA = """
			{"type": "record", "name": "MinuteStats", "namespace": "org.healthmon.view",
			 "doc": "Health of one service in one event minute; percent columns in 1e-9 percentage points",
			 "fields": [
			  {"name": "service", "type": "string"},
			  {"name": "minute", "type": "long"},
			  {"name": "count", "type": "long"},
			  {"name": "cpu_sum", "type": "long"}, {"name": "cpu_max", "type": "long"}, {"name": "cpu_max_at", "type": "long"},
			  {"name": "ram_sum", "type": "long"}, {"name": "ram_max", "type": "long"}, {"name": "ram_max_at", "type": "long"},
			  {"name": "disk_sum", "type": "long"}, {"name": "disk_max", "type": "long"}, {"name": "disk_max_at", "type": "long"}
			 ]}""";

	private ViewSchema() {
	}

	/**
	 * The column names of a resource's three columns, e.g.
	 * {@code cpu_sum, cpu_max, cpu_max_at}.
	 */
	public static String[] columns(String resource) {
		return new String[] { resource + "_sum", resource + "_max", resource + "_max_at" };
	}

}
