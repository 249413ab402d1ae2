package org.healthmon.batch.support;

import java.io.IOException;

import org.apache.avro.generic.GenericRecord;
import org.healthmon.batch.job.DaySegmentReducer;
import org.healthmon.batch.job.ServiceMinute;
import org.healthmon.batch.job.StatsWritable;

/**
 * A reducer that fails after {@link #FAIL_AFTER_ROWS} rows: a test puts it in the job
 * settings ({@code mapreduce.job.reduce.class}) to fail a run midway.
 */
public class FailingReducer extends DaySegmentReducer {

	/** The job setting: rows written before the reducer fails. */
	public static final String FAIL_AFTER_ROWS = "healthmon.test.fail-after-rows";

	private long rows;

	@Override
	protected void reduce(ServiceMinute key, Iterable<StatsWritable> values,
			org.apache.hadoop.mapreduce.Reducer<ServiceMinute, StatsWritable, Void, GenericRecord>.Context context)
			throws IOException, InterruptedException {
		if (this.rows++ >= context.getConfiguration().getLong(FAIL_AFTER_ROWS, Long.MAX_VALUE)) {
			throw new IOException("injected fault: the reducer fails after " + (this.rows - 1) + " rows");
		}
		super.reduce(key, values, context);
	}

	/** The job settings that make a run fail after {@code rows} rows. */
	public static java.util.Map<String, String> after(long rows) {
		return java.util.Map.of("mapreduce.job.reduce.class", FailingReducer.class.getName(), FAIL_AFTER_ROWS,
				Long.toString(rows));
	}

}
