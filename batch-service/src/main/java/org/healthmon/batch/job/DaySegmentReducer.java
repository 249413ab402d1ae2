package org.healthmon.batch.job;

import java.io.IOException;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.healthmon.model.StorageLayout;

/**
 * Merges all stats of one (service, minute) into its view row and writes the rows of each
 * UTC event day into that day's file, {@code date=YYYY-MM-DD/part-r-NNNNN.parquet} in the
 * task's output: a day's segment. Keys arrive by day, then service, then minute
 * ({@link ServiceMinute}), so one day's file is open at a time and each is sorted by
 * service, then minute.
 */
public class DaySegmentReducer extends Reducer<ServiceMinute, StatsWritable, Void, GenericRecord> {

	private final StatsWritable merged = new StatsWritable();

	private final GenericRecord row = new GenericData.Record(ViewRows.SCHEMA);

	private ParquetWriter<GenericRecord> writer;

	private long day;

	@Override
	protected void reduce(ServiceMinute key, Iterable<StatsWritable> values, Context context)
			throws IOException, InterruptedException {
		if (this.writer == null || key.day() != this.day) {
			closeDay();
			openDay(key.day(), context);
		}
		StatsMerging.mergeInto(this.merged, values);
		this.row.put(ViewRows.SERVICE, key.service());
		this.row.put(ViewRows.MINUTE, key.minute());
		this.merged.fill(this.row);
		this.writer.write(this.row);
		context.getCounter(ViewJobCounters.OUTPUT_ROWS).increment(1);
	}

	private void openDay(long day, Context context) throws IOException, InterruptedException {
		Configuration conf = context.getConfiguration();
		String name = String.format("part-r-%05d.parquet", context.getTaskAttemptID().getTaskID().getId());
		Path file = new Path(new Path(FileOutputFormat.getWorkOutputPath(context), StorageLayout.dateDirName(day)),
				name);
		this.writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(file, conf))
			.withSchema(ViewRows.SCHEMA)
			.withConf(conf)
			.withCompressionCodec(CompressionCodecName.fromConf(conf.get(ParquetOutputFormat.COMPRESSION)))
			.withRowGroupSize(conf.getLong(ParquetOutputFormat.BLOCK_SIZE, ViewJob.DEFAULT_ROW_GROUP_BYTES))
			.build();
		this.day = day;
	}

	private void closeDay() throws IOException {
		if (this.writer != null) {
			this.writer.close();
			this.writer = null;
		}
	}

	@Override
	protected void cleanup(Context context) throws IOException {
		closeDay();
	}

}
