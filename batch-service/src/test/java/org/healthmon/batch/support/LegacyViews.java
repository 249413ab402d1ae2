package org.healthmon.batch.support;

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
		try (ParquetWriter<GenericRecord> writer = AvroParquetWriter
			.<GenericRecord>builder(HadoopOutputFile.fromPath(new Path(file), fs.getConf()))
			.withSchema(SCHEMA)
			.build()) {
			for (MinuteStats row : rows) {
				GenericRecord record = new GenericData.Record(SCHEMA);
				record.put(ViewSchema.SERVICE, row.service());
				record.put(ViewSchema.MINUTE, row.minute());
				record.put(ViewSchema.COUNT, row.count());
				put(record, "cpu", row.cpu());
				put(record, "ram", row.ram());
				put(record, "disk", row.disk());
				writer.write(record);
			}
		}
	}

	private static void put(GenericRecord record, String resource, ResourceStats stats) {
		String[] columns = ViewSchema.columns(resource);
		record.put(columns[0], stats.sum());
		record.put(columns[1], stats.max());
		record.put(columns[2], stats.maxAt());
	}

}
