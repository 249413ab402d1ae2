package org.healthmon.speed.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;
import org.healthmon.model.ViewSchema;

/**
 * The tests' own Parquet access to views (the batch views they play, and what a reader
 * sees of the realtime views), written apart from the code under test.
 */
public final class ViewParquet {

	private static final Schema SCHEMA = new Schema.Parser().parse(ViewSchema.AVRO_SCHEMA);

	private static final String[] RESOURCES = { "cpu", "ram", "disk" };

	private ViewParquet() {
	}

	public static void write(FileSystem fs, Path file, Collection<MinuteStats> rows) throws IOException {
		try (ParquetWriter<GenericRecord> writer = AvroParquetWriter
			.<GenericRecord>builder(HadoopOutputFile.fromPath(file, fs.getConf()))
			.withSchema(SCHEMA)
			.withConf(fs.getConf())
			.build()) {
			for (MinuteStats row : rows) {
				GenericRecord r = new GenericData.Record(SCHEMA);
				r.put("service", row.service());
				r.put("minute", row.minute());
				r.put("count", row.count());
				ResourceStats[] stats = { row.cpu(), row.ram(), row.disk() };
				for (int i = 0; i < RESOURCES.length; i++) {
					r.put(RESOURCES[i] + "_sum", stats[i].sum());
					r.put(RESOURCES[i] + "_max", stats[i].max());
					r.put(RESOURCES[i] + "_max_at", stats[i].maxAt());
				}
				writer.write(r);
			}
		}
	}

	/** Every row of the {@code *.parquet} files of a view directory, in file order. */
	public static List<MinuteStats> read(FileSystem fs, String dir) throws IOException {
		List<MinuteStats> rows = new ArrayList<>();
		for (FileStatus file : fs.globStatus(new Path(dir, "*.parquet"))) {
			try (ParquetReader<GenericRecord> reader = AvroParquetReader
				.<GenericRecord>builder(HadoopInputFile.fromPath(file.getPath(), fs.getConf()))
				.withConf(fs.getConf())
				.build()) {
				for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
					rows.add(new MinuteStats(r.get("service").toString(), (Long) r.get("minute"), (Long) r.get("count"),
							resource(r, "cpu"), resource(r, "ram"), resource(r, "disk")));
				}
			}
		}
		return rows;
	}

	private static ResourceStats resource(GenericRecord r, String name) {
		return new ResourceStats((Long) r.get(name + "_sum"), (Long) r.get(name + "_max"),
				(Long) r.get(name + "_max_at"));
	}

}
