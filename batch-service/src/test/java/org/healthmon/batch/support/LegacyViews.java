package org.healthmon.batch.support;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;
import org.healthmon.model.ViewSchema;

/** Writes view rows as the batch layer wrote a whole version before segments existed. */
public final class LegacyViews {

	private static final Schema SCHEMA = new Schema.Parser().parse(ViewSchema.AVRO_SCHEMA);

	private LegacyViews() {
	}

	/** One Parquet file of the rows, in the order given. */
	public static void write(FileSystem fs, String file, List<MinuteStats> rows) throws IOException {
		try (Writer writer = open(fs, file)) {
			for (MinuteStats row : rows) {
				writer.write(row);
			}
		}
	}

	/** A Parquet file to write rows into one at a time, for views too large to hold. */
	public static Writer open(FileSystem fs, String file) throws IOException {
		return new Writer(
				AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(new Path(file), fs.getConf()))
					.withSchema(SCHEMA)
					.build());
	}

	/** Writes view rows into one Parquet file. */
	public static final class Writer implements Closeable {

		private final ParquetWriter<GenericRecord> parquet;

		private Writer(ParquetWriter<GenericRecord> parquet) {
			this.parquet = parquet;
		}

		public void write(MinuteStats row) throws IOException {
			GenericRecord record = new GenericData.Record(SCHEMA);
			record.put(ViewSchema.SERVICE, row.service());
			record.put(ViewSchema.MINUTE, row.minute());
			record.put(ViewSchema.COUNT, row.count());
			put(record, "cpu", row.cpu());
			put(record, "ram", row.ram());
			put(record, "disk", row.disk());
			this.parquet.write(record);
		}

		@Override
		public void close() throws IOException {
			this.parquet.close();
		}

	}

	private static void put(GenericRecord record, String resource, ResourceStats stats) {
		String[] columns = ViewSchema.columns(resource);
		record.put(columns[0], stats.sum());
		record.put(columns[1], stats.max());
		record.put(columns[2], stats.maxAt());
	}

}
