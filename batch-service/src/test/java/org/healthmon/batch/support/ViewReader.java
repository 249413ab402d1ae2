package org.healthmon.batch.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;

/** Reads every row of a view version, file by file in name order, rows in file order. */
public final class ViewReader {

	private ViewReader() {
	}

	public static List<MinuteStats> read(FileSystem fs, String dir) throws IOException {
		FileStatus[] files = fs.listStatus(new Path(dir), (p) -> p.getName().endsWith(".parquet"));
		Arrays.sort(files);
		List<MinuteStats> rows = new ArrayList<>();
		for (FileStatus file : files) {
			try (ParquetReader<GenericRecord> reader = AvroParquetReader
				.<GenericRecord>builder(HadoopInputFile.fromStatus(file, fs.getConf()))
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
