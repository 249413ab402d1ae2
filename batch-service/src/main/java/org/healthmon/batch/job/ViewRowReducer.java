package org.healthmon.batch.job;

import java.io.IOException;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Merges all stats of one (service, minute) into its view row. Keys arrive sorted by
 * service then minute, so each output file is sorted; with one reducer the whole view is.
 */
public class ViewRowReducer extends Reducer<ServiceMinute, StatsWritable, Void, GenericRecord> {

	/**
	 * Fault injection for tests: the reducer fails after writing this many rows
	 * (negative: never). Set through the job settings, like any job property.
	 */
	public static final String FAIL_AFTER_ROWS = "healthmon.job.fault.fail-after-rows";

	private final StatsWritable merged = new StatsWritable();

	private final GenericRecord row = new GenericData.Record(ViewRows.SCHEMA);

	private long failAfterRows;

	private long rows;

	@Override
	protected void setup(Context context) {
		this.failAfterRows = context.getConfiguration().getLong(FAIL_AFTER_ROWS, -1);
	}

	@Override
	protected void reduce(ServiceMinute key, Iterable<StatsWritable> values, Context context)
			throws IOException, InterruptedException {
		if (this.failAfterRows >= 0 && this.rows >= this.failAfterRows) {
			throw new IOException("injected fault: reducer fails after " + this.rows + " rows");
		}
		StatsMerging.mergeInto(this.merged, values);
		this.row.put(ViewRows.SERVICE, key.service());
		this.row.put(ViewRows.MINUTE, key.minute());
		this.merged.fill(this.row);
		context.write(null, this.row);
		context.getCounter(ViewJobCounters.OUTPUT_ROWS).increment(1);
		this.rows++;
	}

}
