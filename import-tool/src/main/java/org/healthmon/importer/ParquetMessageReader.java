package org.healthmon.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.Type;

import org.healthmon.model.DecodeResult;

/**
 * A Parquet file of messages: one flat column a field, named as a header CSV names them
 * ({@link Columns}); numbers of any type, or text; timestamps as epoch numbers in any
 * unit or ISO-8601 text. Read as Avro records, columns resolved once from the file's
 * schema. Progress is by records, in proportion to the file's size.
 */
final class ParquetMessageReader implements MessageReader {

	private final ParquetReader<GenericRecord> reader;

	private final Columns columns;

	private final long rows;

	private final long bytes;

	private long read;

	ParquetMessageReader(Path file) throws IOException {
		Schema schema = schema(file);
		this.columns = schema.columns();
		this.rows = schema.rows();
		this.bytes = Files.size(file);
		this.reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build();
	}

	/** The file's columns and rows, from its footer. */
	record Schema(Columns columns, long rows) {
	}

	/**
	 * Reads the footer: which column holds each field, and how many records there are.
	 * @throws BadInputException when a required field has no column
	 */
	static Schema schema(Path file) throws IOException {
		try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
			List<String> names = footer.getFooter()
				.getFileMetaData()
				.getSchema()
				.getFields()
				.stream()
				.map(Type::getName)
				.toList();
			return new Schema(Columns.resolve(names, file.toString()), footer.getRecordCount());
		}
	}

	@Override
	public void read(RecordSink sink) throws IOException {
		GenericRecord record;
		while ((record = this.reader.read()) != null) {
			this.read++;
			GenericRecord current = record;
			DecodeResult result = FieldValues.message(this.columns, (column) -> value(current.get(column)));
			if (result instanceof DecodeResult.Accepted accepted) {
				sink.accept(accepted.message(), this.read);
			}
			else {
				sink.reject((DecodeResult.Rejected) result, this.read, current::toString);
			}
		}
	}

	/** Avro's text ({@code Utf8}) as a String; everything else as it is. */
	private static Object value(Object value) {
		return (value instanceof CharSequence text) ? text.toString() : value;
	}

	@Override
	public long bytesRead() {
		return (this.rows > 0) ? (long) (this.bytes * ((double) this.read / this.rows)) : 0;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

}
