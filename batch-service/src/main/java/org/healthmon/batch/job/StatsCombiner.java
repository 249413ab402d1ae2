package org.healthmon.batch.job;

import java.io.IOException;

import org.apache.hadoop.mapreduce.Reducer;

/** Merges the stats of one key on the map side (spills of several flushes). */
public class StatsCombiner extends Reducer<ServiceMinute, StatsWritable, ServiceMinute, StatsWritable> {

	private final StatsWritable merged = new StatsWritable();

	@Override
	protected void reduce(ServiceMinute key, Iterable<StatsWritable> values, Context context)
			throws IOException, InterruptedException {
		StatsMerging.mergeInto(this.merged, values);
		context.write(key, this.merged);
	}

}
