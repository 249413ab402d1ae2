package org.healthmon.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.healthmon.model.HealthMessageJson.LegacyCpuUnit;

/**
 * One input of an import, inspected before anything is written: its format, that it has
 * the columns it needs, its size and its SHA-256 (the import's identity is made of
 * these).
 *
 * @param path where it is
 * @param bytes its size
 * @param sha256 its SHA-256, lower-case hex
 * @param format how it is read
 * @param rows its records when the format tells them up front (Parquet), else -1
 */
record InputFile(Path path, long bytes, String sha256, InputFormat format, long rows) {

	/**
	 * Inspects an input.
	 * @throws BadInputException when it cannot be read or has no known format or columns
	 */
	static InputFile inspect(Path path, InputFormat choice) throws IOException {
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new BadInputException(path + ": no such readable file");
		}
		InputFormat format = InputFormat.detect(path, choice, () -> TextReader.firstLine(path));
		long rows = -1;
		if (format == InputFormat.CSV) {
			String header = TextReader.firstLine(path);
			if (header != null) {
				HeaderCsvReader.header(header, path.toString());
			}
		}
		else if (format == InputFormat.PARQUET) {
			rows = ParquetMessageReader.schema(path).rows();
		}
		return new InputFile(path, Files.size(path), sha256(path), format, rows);
	}

	/**
	 * About how many records it holds: what schedules the longest reads first. Text lines
	 * are about 100 bytes, 20 when gzip-compressed.
	 */
	long weight() {
		return (this.rows >= 0) ? this.rows : this.bytes / (InputFormat.isGzip(this.path) ? 20 : 100);
	}

	/** The SHA-256 of a file's bytes, lower-case hex. */
	static String sha256(Path path) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] buffer = new byte[1 << 20];
		try (InputStream in = Files.newInputStream(path)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	String name() {
		return this.path.toString();
	}

	/** A reader of its records. */
	MessageReader open(LegacyCpuUnit legacyCpuUnit) throws IOException {
		return switch (this.format) {
			case RAW_CSV -> new RawCsvReader(this.path);
			case CSV -> new HeaderCsvReader(this.path);
			case JSONL -> new JsonLinesReader(this.path, legacyCpuUnit);
			case PARQUET -> new ParquetMessageReader(this.path);
			case AUTO -> throw new IllegalStateException("format not detected: " + this.path);
		};
	}

}
