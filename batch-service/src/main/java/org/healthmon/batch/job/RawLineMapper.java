package org.healthmon.batch.job;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;

/**
 * Raw CSV line → (service, minute) → stats of that minute. Combines in the mapper: rows
 * of the same key merge in a bounded map that is flushed when it grows large and at the
 * end, so a split emits about one record per key instead of one per line. A line
 * health-model cannot read is counted by reason and copied to the quarantine output,
 * never fatal.
 */
public class RawLineMapper extends Mapper<LongWritable, Text, ServiceMinute, StatsWritable> {

	/** Most distinct keys held before the map is flushed. */
	public static final String MAX_COMBINED_KEYS = "healthmon.job.combine.max-keys";

	/** The named output of bad lines. */
	public static final String QUARANTINE = "quarantine";

	/**
	 * Where bad lines go, relative to the job's output directory (hidden from readers).
	 */
	public static final String QUARANTINE_BASE = "_quarantine/bad";

	private final Map<Key, StatsWritable> combined = new HashMap<>();

	private final ServiceMinute outKey = new ServiceMinute();

	private final Text badLine = new Text();

	private int maxKeys;

	private MultipleOutputs<ServiceMinute, StatsWritable> outputs;

	@Override
	protected void setup(Context context) {
		this.maxKeys = context.getConfiguration().getInt(MAX_COMBINED_KEYS, 100_000);
		this.outputs = new MultipleOutputs<>(context);
	}

	@Override
	protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
		context.getCounter(ViewJobCounters.RAW_LINES).increment(1);
		RawRecord record;
		try {
			record = RawCsv.parse(line.toString());
		}
		catch (RawCsv.BadLineException ex) {
			quarantine(offset, line, ex, context);
			return;
		}
		MinuteStats stats = MinuteStats.of(record.message());
		StatsWritable previous = this.combined.get(new Key(stats.service(), stats.minute()));
		if (previous == null) {
			this.combined.put(new Key(stats.service(), stats.minute()), new StatsWritable().set(stats));
			if (this.combined.size() >= this.maxKeys) {
				flush(context);
			}
		}
		else {
			previous.merge(stats);
		}
	}

	private void quarantine(LongWritable offset, Text line, RawCsv.BadLineException ex, Context context)
			throws IOException, InterruptedException {
		context.getCounter(ViewJobCounters.BAD_LINES).increment(1);
		context.getCounter(ViewJobCounters.BAD_LINES_GROUP, ex.reason().tag()).increment(1);
		String file = context.getConfiguration().get(MRJobConfig.MAP_INPUT_FILE, "?");
		// reason, where it came from, what it said: the evidence, one line per bad line
		this.badLine.set(
				ex.getMessage().replace('\t', ' ').replace('\n', ' ') + "\t" + file + ":" + offset.get() + "\t" + line);
		this.outputs.write(QUARANTINE, NullWritable.get(), this.badLine, QUARANTINE_BASE);
	}

	private void flush(Context context) throws IOException, InterruptedException {
		for (Map.Entry<Key, StatsWritable> entry : this.combined.entrySet()) {
			this.outKey.set(entry.getKey().service(), entry.getKey().minute());
			context.write(this.outKey, entry.getValue());
		}
		this.combined.clear();
	}

	@Override
	protected void cleanup(Context context) throws IOException, InterruptedException {
		flush(context);
		this.outputs.close();
	}

	private record Key(String service, long minute) {
	}

}
