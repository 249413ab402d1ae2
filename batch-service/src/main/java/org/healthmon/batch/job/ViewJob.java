package org.healthmon.batch.job;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.CombineTextInputFormat;
import org.apache.hadoop.mapreduce.lib.input.DelegatingInputFormat;
import org.apache.hadoop.mapreduce.lib.input.DelegatingMapper;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;

/**
 * The batch view job: raw CSV files and view rows (Parquet) → one Parquet row per
 * (service, minute), written as one segment per UTC event day
 * ({@code date=YYYY-MM-DD/part-r-NNNNN.parquet} under the output directory, each sorted
 * by service then minute). A run uses it twice at most: new raw files → their day
 * segments; then, for the days that already had a segment, those rows with the old
 * segment's → the day's new segment. Plain Hadoop, no Spring: these classes travel to
 * YARN in the job jar.
 *
 * <p>
 * Everything about where and how the job runs (local runner or YARN, memory, the job jar)
 * comes from the {@link Configuration} handed in; this class sets only what the view
 * format needs, and defaults that the configuration may override: among them the reducer
 * ({@code mapreduce.job.reduce.class}), which a test may replace with one of its own.
 */
public final class ViewJob {

	/** Parquet row group size, sized for DuckDB's parallel scan. */
	public static final long DEFAULT_ROW_GROUP_BYTES = 64L * 1024 * 1024;

	private ViewJob() {
	}

	/**
	 * What to run.
	 *
	 * @param name the job name
	 * @param rawFiles the raw CSV files to read
	 * @param viewFiles view rows to merge in: Parquet files, or directories of them
	 * @param output the directory to write (must not exist)
	 * @param reducers number of reduce tasks (1 gives one totally ordered file)
	 * @param splitMaxBytes most bytes of raw files combined into one map task
	 * @param jobJar the jar to ship to the cluster, or null to run from the classpath
	 * (local runner)
	 */
	public record Spec(String name, List<Path> rawFiles, List<Path> viewFiles, Path output, int reducers,
			long splitMaxBytes, String jobJar) {
	}

	/**
	 * What the job did.
	 *
	 * @param jobId the Hadoop job id
	 * @param rawLines raw lines read
	 * @param badLines raw lines quarantined
	 * @param badLinesByReason bad lines per reject reason tag
	 * @param viewRows view rows read
	 * @param outputRows rows written
	 */
	public record Result(String jobId, long rawLines, long badLines, Map<String, Long> badLinesByReason, long viewRows,
			long outputRows) {
	}

	/**
	 * Runs the job to completion.
	 * @throws ViewJobFailedException when the job fails, with Hadoop's failure info
	 */
	public static Result run(Configuration base, Spec spec)
			throws IOException, InterruptedException, ClassNotFoundException {
		Job job = create(base, spec);
		if (!job.waitForCompletion(true)) {
			throw new ViewJobFailedException(job.getJobID() + " (" + spec.name() + ") failed: state "
					+ job.getJobState() + ", " + job.getStatus().getFailureInfo());
		}
		return result(job);
	}

	static Job create(Configuration base, Spec spec) throws IOException {
		if (spec.rawFiles().isEmpty() && spec.viewFiles().isEmpty()) {
			throw new IllegalArgumentException("a view job needs input: no raw files and no view rows");
		}
		Configuration conf = new Configuration(base);
		// Readers take the files the segment index names; no _SUCCESS marker beside them
		conf.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, false);
		conf.setIfUnset(ParquetOutputFormat.BLOCK_SIZE, Long.toString(DEFAULT_ROW_GROUP_BYTES));
		conf.setIfUnset(ParquetOutputFormat.COMPRESSION, "SNAPPY");
		// Many small raw files must not mean many map tasks
		conf.setLong(CombineTextInputFormat.SPLIT_MAXSIZE, spec.splitMaxBytes());
		conf.setIfUnset("mapreduce.local.map.tasks.maximum", "2");
		conf.setIfUnset("mapreduce.job.reduce.slowstart.completedmaps", "1.0");

		Job job = Job.getInstance(conf, spec.name());
		// No job jar for the local runner: it loads the classes from the classpath, and
		// setJarByClass would find (and upload to the staging dir) the whole Boot jar
		if (spec.jobJar() != null && !spec.jobJar().isBlank()) {
			job.setJar(spec.jobJar());
		}
		setInputs(job, spec);
		job.setMapOutputKeyClass(ServiceMinute.class);
		job.setMapOutputValueClass(StatsWritable.class);
		job.setSortComparatorClass(ServiceMinute.Comparator.class);
		job.setCombinerClass(StatsCombiner.class);
		job.setPartitionerClass(ServicePartitioner.class);
		if (conf.get(MRJobConfig.REDUCE_CLASS_ATTR) == null) {
			job.setReducerClass(DaySegmentReducer.class);
		}
		job.setNumReduceTasks(spec.reducers());

		// The reducer writes the day files itself; the output format only commits them
		job.setOutputKeyClass(Void.class);
		job.setOutputValueClass(GenericRecord.class);
		LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
		FileOutputFormat.setOutputPath(job, spec.output());
		MultipleOutputs.addNamedOutput(job, RawLineMapper.QUARANTINE, TextOutputFormat.class, NullWritable.class,
				Text.class);
		return job;
	}

	/**
	 * What {@link MultipleInputs#addInputPath} does, written at once: adding thousands of
	 * raw files one by one re-copies the growing setting each time.
	 */
	private static void setInputs(Job job, Spec spec) {
		StringBuilder formats = new StringBuilder();
		StringBuilder mappers = new StringBuilder();
		for (Path file : spec.rawFiles()) {
			add(formats, mappers, file, CombineTextInputFormat.class, RawLineMapper.class);
		}
		for (Path rows : spec.viewFiles()) {
			add(formats, mappers, rows, AvroParquetInputFormat.class, ViewRowMapper.class);
		}
		if (!spec.viewFiles().isEmpty()) {
			AvroParquetInputFormat.setAvroReadSchema(job, ViewRows.SCHEMA);
		}
		job.getConfiguration().set(MultipleInputs.DIR_FORMATS, formats.toString());
		job.getConfiguration().set(MultipleInputs.DIR_MAPPERS, mappers.toString());
		job.setInputFormatClass(DelegatingInputFormat.class);
		job.setMapperClass(DelegatingMapper.class);
	}

	private static void add(StringBuilder formats, StringBuilder mappers, Path path, Class<?> format, Class<?> mapper) {
		String qualified = path.toString();
		if (qualified.indexOf(',') >= 0 || qualified.indexOf(';') >= 0) {
			throw new IllegalArgumentException("input paths cannot hold ',' or ';': " + qualified);
		}
		String separator = formats.isEmpty() ? "" : ",";
		formats.append(separator).append(qualified).append(';').append(format.getName());
		mappers.append(separator).append(qualified).append(';').append(mapper.getName());
	}

	private static Result result(Job job) throws IOException {
		Counters counters = job.getCounters();
		Map<String, Long> byReason = new TreeMap<>();
		for (Counter counter : counters.getGroup(ViewJobCounters.BAD_LINES_GROUP)) {
			byReason.put(counter.getName(), counter.getValue());
		}
		return new Result(job.getJobID().toString(), value(counters, ViewJobCounters.RAW_LINES),
				value(counters, ViewJobCounters.BAD_LINES), byReason, value(counters, ViewJobCounters.VIEW_ROWS),
				value(counters, ViewJobCounters.OUTPUT_ROWS));
	}

	private static long value(Counters counters, ViewJobCounters counter) {
		return counters.findCounter(counter).getValue();
	}

}
