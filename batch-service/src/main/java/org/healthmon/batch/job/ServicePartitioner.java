package org.healthmon.batch.job;

import org.apache.hadoop.mapreduce.Partitioner;

/**
 * With several reducers: all minutes of a service go to one reducer, so each output file
 * holds whole services, sorted by service then minute.
 */
public class ServicePartitioner extends Partitioner<ServiceMinute, StatsWritable> {

	@Override
	public int getPartition(ServiceMinute key, StatsWritable value, int partitions) {
		return (key.serviceText().hashCode() & Integer.MAX_VALUE) % partitions;
	}

}
