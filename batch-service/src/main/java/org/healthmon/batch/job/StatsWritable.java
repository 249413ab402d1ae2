package org.healthmon.batch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Writable;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;

/**
 * The stats of one (service, minute) between map and reduce: the message count and, per
 * resource, the fixed-point sum, peak and time of the peak. Mutable so that tasks reuse
 * one instance; merging goes through health-model's {@link ResourceStats#merge}, the one
 * implementation of the rule.
 */
public final class StatsWritable implements Writable {

	private long count;

	private final long[] cpu = new long[3];

	private final long[] ram = new long[3];

	private final long[] disk = new long[3];

	public long count() {
		return this.count;
	}

	/** Sets this to the stats of one view row (the key is not kept here). */
	public StatsWritable set(MinuteStats stats) {
		this.count = stats.count();
		put(this.cpu, stats.cpu());
		put(this.ram, stats.ram());
		put(this.disk, stats.disk());
		return this;
	}

	/** Sets this to a copy of another. */
	public StatsWritable set(StatsWritable other) {
		this.count = other.count;
		System.arraycopy(other.cpu, 0, this.cpu, 0, 3);
		System.arraycopy(other.ram, 0, this.ram, 0, 3);
		System.arraycopy(other.disk, 0, this.disk, 0, 3);
		return this;
	}

	/** Sets this to the stats of a view row read back from Parquet. */
	public StatsWritable set(GenericRecord row) {
		this.count = (Long) row.get(ViewRows.COUNT);
		for (int i = 0; i < 3; i++) {
			this.cpu[i] = (Long) row.get(ViewRows.CPU + i);
			this.ram[i] = (Long) row.get(ViewRows.RAM + i);
			this.disk[i] = (Long) row.get(ViewRows.DISK + i);
		}
		return this;
	}

	/** Merges another's stats of the same key into this one. */
	public void merge(StatsWritable other) {
		this.count = Math.addExact(this.count, other.count);
		merge(this.cpu, other.cpu);
		merge(this.ram, other.ram);
		merge(this.disk, other.disk);
	}

	/** Merges the stats of one view row of the same key into this one. */
	public void merge(MinuteStats stats) {
		this.count = Math.addExact(this.count, stats.count());
		put(this.cpu, stats(this.cpu).merge(stats.cpu()));
		put(this.ram, stats(this.ram).merge(stats.ram()));
		put(this.disk, stats(this.disk).merge(stats.disk()));
	}

	/** The stats as health-model's row. */
	public MinuteStats toMinuteStats(String service, long minute) {
		return new MinuteStats(service, minute, this.count, stats(this.cpu), stats(this.ram), stats(this.disk));
	}

	/** Fills a view row (already holding service and minute). */
	void fill(GenericRecord row) {
		row.put(ViewRows.COUNT, this.count);
		for (int i = 0; i < 3; i++) {
			row.put(ViewRows.CPU + i, this.cpu[i]);
			row.put(ViewRows.RAM + i, this.ram[i]);
			row.put(ViewRows.DISK + i, this.disk[i]);
		}
	}

	private static void merge(long[] into, long[] other) {
		put(into, stats(into).merge(stats(other)));
	}

	private static ResourceStats stats(long[] values) {
		return new ResourceStats(values[0], values[1], values[2]);
	}

	private static void put(long[] values, ResourceStats stats) {
		values[0] = stats.sum();
		values[1] = stats.max();
		values[2] = stats.maxAt();
	}

	@Override
	public void write(DataOutput out) throws IOException {
		out.writeLong(this.count);
		for (long[] resource : new long[][] { this.cpu, this.ram, this.disk }) {
			for (long value : resource) {
				out.writeLong(value);
			}
		}
	}

	@Override
	public void readFields(DataInput in) throws IOException {
		this.count = in.readLong();
		for (long[] resource : new long[][] { this.cpu, this.ram, this.disk }) {
			for (int i = 0; i < 3; i++) {
				resource[i] = in.readLong();
			}
		}
	}

}
