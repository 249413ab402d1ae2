package org.healthmon.batch.job;

import java.io.IOException;

import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * A row of the previous batch version → (service, minute) → its stats, so that an
 * incremental run merges the previous view with the new raw files.
 */
public class ViewRowMapper extends Mapper<Void, GenericRecord, ServiceMinute, StatsWritable> {

	private final ServiceMinute key = new ServiceMinute();

	private final StatsWritable stats = new StatsWritable();

	@Override
	protected void map(Void ignored, GenericRecord row, Context context) throws IOException, InterruptedException {
		context.getCounter(ViewJobCounters.PREVIOUS_ROWS).increment(1);
		this.key.set(row.get(ViewRows.SERVICE).toString(), (Long) row.get(ViewRows.MINUTE));
		context.write(this.key, this.stats.set(row));
	}

}
