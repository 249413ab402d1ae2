package org.healthmon.speed.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;
import org.healthmon.model.ViewSchema;

/**
 * View rows to and from Parquet files with the one view schema, through parquet-avro.
 */
final class MinuteStatsParquet {

	static final Schema SCHEMA = new Schema.Parser().parse(ViewSchema.AVRO_SCHEMA);

	private static final String[] CPU = ViewSchema.columns("cpu");

	private static final String[] RAM = ViewSchema.columns("ram");

	private static final String[] DISK = ViewSchema.columns("disk");

	private MinuteStatsParquet() {
	}

	/** Writes the rows, in the order given, to a new file. */
	static void write(FileSystem fs, Path file, Iterable<MinuteStats> rows) throws IOException {
		try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new StoreFile(fs, file))
			.withSchema(SCHEMA)
			.withConf(fs.getConf())
			.withCompressionCodec(CompressionCodecName.SNAPPY)
			.withWriteMode(ParquetFileWriter.Mode.CREATE)
			.build()) {
			for (MinuteStats row : rows) {
				writer.write(toRecord(row));
			}
		}
	}

	/** Reads every row of a file. */
	static List<MinuteStats> read(Configuration conf, Path file) throws IOException {
		List<MinuteStats> rows = new ArrayList<>();
		try (ParquetReader<GenericRecord> reader = AvroParquetReader
			.<GenericRecord>builder(HadoopInputFile.fromPath(file, conf))
			.withConf(conf)
			.build()) {
			for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
				rows.add(fromRecord(record));
			}
		}
		return rows;
	}

	private static GenericRecord toRecord(MinuteStats row) {
		GenericRecord record = new GenericData.Record(SCHEMA);
		record.put(ViewSchema.SERVICE, row.service());
		record.put(ViewSchema.MINUTE, row.minute());
		record.put(ViewSchema.COUNT, row.count());
		put(record, CPU, row.cpu());
		put(record, RAM, row.ram());
		put(record, DISK, row.disk());
		return record;
	}

	private static void put(GenericRecord record, String[] columns, ResourceStats stats) {
		record.put(columns[0], stats.sum());
		record.put(columns[1], stats.max());
		record.put(columns[2], stats.maxAt());
	}

	private static MinuteStats fromRecord(GenericRecord record) {
		return new MinuteStats(record.get(ViewSchema.SERVICE).toString(), (Long) record.get(ViewSchema.MINUTE),
				(Long) record.get(ViewSchema.COUNT), get(record, CPU), get(record, RAM), get(record, DISK));
	}

	private static ResourceStats get(GenericRecord record, String[] columns) {
		return new ResourceStats((Long) record.get(columns[0]), (Long) record.get(columns[1]),
				(Long) record.get(columns[2]));
	}

	/**
	 * A file written through the store's own client (and its settings), not through
	 * whichever instance Hadoop's file system cache holds for the URI.
	 */
	private record StoreFile(FileSystem fs, Path path) implements OutputFile {

		@Override
		public PositionOutputStream create(long blockSizeHint) throws IOException {
			return HadoopStreams.wrap(this.fs.create(this.path, false));
		}

		@Override
		public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
			return HadoopStreams.wrap(this.fs.create(this.path, true));
		}

		@Override
		public boolean supportsBlockSize() {
			return true;
		}

		@Override
		public long defaultBlockSize() {
			return this.fs.getDefaultBlockSize(this.path);
		}

		@Override
		public String getPath() {
			return this.path.toString();
		}

	}

}
