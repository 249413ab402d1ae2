package org.healthmon.batch.job;

import java.io.IOException;

import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * A row of a view → (service, minute) → its stats, so that a run merges view rows with
 * each other or with new raw data: a day's segment with the rows of that day's new data,
 * or a whole version written before segments existed.
 */
public class ViewRowMapper extends Mapper<Void, GenericRecord, ServiceMinute, StatsWritable> {

	private final ServiceMinute key = new ServiceMinute();

	private final StatsWritable stats = new StatsWritable();

	@Override
	protected void map(Void ignored, GenericRecord row, Context context) throws IOException, InterruptedException {
		context.getCounter(ViewJobCounters.VIEW_ROWS).increment(1);
		this.key.set(row.get(ViewRows.SERVICE).toString(), (Long) row.get(ViewRows.MINUTE));
		context.write(this.key, this.stats.set(row));
	}

}
