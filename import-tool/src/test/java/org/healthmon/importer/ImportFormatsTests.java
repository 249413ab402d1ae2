package org.healthmon.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Format detection, the header CSV reader and the line splitter. */
class ImportFormatsTests {

	@TempDir
	Path dir;

	private InputFormat detect(String name, String firstLine) throws IOException {
		return InputFormat.detect(Path.of(name), InputFormat.AUTO, () -> firstLine);
	}

	@Test
	void formatsByExtensionAndFirstLine() throws IOException {
		assertThat(detect("a.jsonl", null)).isEqualTo(InputFormat.JSONL);
		assertThat(detect("a.NDJSON.gz", null)).isEqualTo(InputFormat.JSONL);
		assertThat(detect("a.json", null)).isEqualTo(InputFormat.JSONL);
		assertThat(detect("a.parquet", null)).isEqualTo(InputFormat.PARQUET);
		assertThat(detect("a.csv", "svc-1,1764000000000,1764000001000,12.5,16.0,8.0,100.0,50.0"))
			.isEqualTo(InputFormat.RAW_CSV);
		assertThat(detect("a.csv.gz", "service,timestamp,cpu,ram_total,ram_free,disk_total,disk_free,seq"))
			.isEqualTo(InputFormat.CSV);
		// a file that starts with a broken raw line is read as a header CSV (and refused
		// for its columns): format=raw-csv says otherwise
		assertThat(detect("a.csv", "svc-1,x,1,2,3,4,5,6")).isEqualTo(InputFormat.CSV);
		assertThat(InputFormat.detect(Path.of("a.csv"), InputFormat.RAW_CSV, () -> "svc-1,x"))
			.isEqualTo(InputFormat.RAW_CSV);
		assertThatThrownBy(() -> detect("a.txt", null)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("unknown format");
		assertThatThrownBy(() -> detect("a.parquet.gz", null)).isInstanceOf(BadInputException.class);
	}

	@Test
	void headerColumnsInAnyCaseAndOrder() {
		Columns columns = HeaderCsvReader
			.header(" SEQ ,Disk_Free,ServiceName,Timestamp,CPU_PCT,ram_total_gb,RAM_FREE,disk_total,extra", "f");
		assertThat(columns.of(Columns.Field.SERVICE)).isEqualTo(2);
		assertThat(columns.of(Columns.Field.TIMESTAMP)).isEqualTo(3);
		assertThat(columns.of(Columns.Field.SEQ)).isEqualTo(0);
		assertThat(columns.of(Columns.Field.DISK_TOTAL)).isEqualTo(7);
		assertThatThrownBy(() -> HeaderCsvReader.header("service,timestamp,cpu,ram_total,ram_free,disk_total", "f"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("disk_free");
		assertThatThrownBy(() -> HeaderCsvReader.header("service,servicename,timestamp,cpu", "f"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("two columns");
	}

	@Test
	void headerCsvRecords() throws IOException {
		Path file = TestInputs.write(this.dir.resolve("h.csv"),
				"service,timestamp,cpu,ram_total,ram_free,disk_total,disk_free,seq\n"
						+ "a,2026-11-22T05:31:02.123Z,12.5,16,8,100,50,7\n" + "\"b\",1764000000,1,2,1,3,1,\n" // epoch
																												// seconds,
																												// no
																												// seq
						+ "c,1764000000123456,1,2,1,3,1,\n" // epoch µs
						+ "d,1764000000000000000,1,2,1,3,1,\n" // epoch ns
						+ "e,2026-11-22T05:31:02,1,2,1,3,1,\n" // no offset
						+ "f,1764000000000,x,2,1,3,1,\n" + "g,1764000000000,1,2,3,3,1,\n" + "h,1764000000000,1,2,1,3\n"
						+ "bad name,1764000000000,1,2,1,3,1,\n" + "i,,1,2,1,3,1,\n" + "j,1764000000000,1,2,1,3,1,-5\n");
		List<HealthMessage> accepted = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		try (HeaderCsvReader reader = new HeaderCsvReader(file)) {
			reader.read(new RecordSink() {
				@Override
				public void accept(HealthMessage message, long line) {
					accepted.add(message);
				}

				@Override
				public void reject(DecodeResult.Rejected why, long line, java.util.function.Supplier<String> shown) {
					rejected.add(line + ":" + why.reason().tag());
				}
			});
			assertThat(reader.bytesRead()).isEqualTo(java.nio.file.Files.size(file));
		}
		assertThat(accepted).extracting(HealthMessage::service).containsExactly("a", "b", "c", "d");
		assertThat(accepted.get(0).eventTimeMs()).isEqualTo(Instant.parse("2026-11-22T05:31:02.123Z").toEpochMilli());
		assertThat(accepted.get(0).seq()).isEqualTo(7);
		assertThat(accepted.get(0).cpuPct()).isEqualTo(12.5);
		assertThat(accepted.get(1).eventTimeMs()).isEqualTo(1_764_000_000_000L);
		assertThat(accepted.get(1).hasSeq()).isFalse();
		assertThat(accepted.get(2).eventTimeMs()).isEqualTo(1_764_000_000_123L);
		assertThat(accepted.get(3).eventTimeMs()).isEqualTo(1_764_000_000_000L);
		assertThat(rejected).containsExactly("6:bad_timestamp", "7:bad_number", "8:free_exceeds_total", "9:not_json",
				"10:bad_service_name", "11:missing_field", "12:out_of_range");
	}

	@Test
	void linesSplitInPlace() throws IOException {
		byte[] text = ("a\r\n\nbb\n" + "x".repeat(100) + "\nlast").getBytes(StandardCharsets.UTF_8);
		LineReader lines = new LineReader(new ByteArrayInputStream(text), 16);
		List<String> read = new ArrayList<>();
		while (lines.next()) {
			read.add(lines.number() + (lines.oversized() ? ":oversized:" + lines.shown().length()
					: ":" + new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8)));
		}
		assertThat(read).containsExactly("1:a", "2:", "3:bb", "4:oversized:1027", "5:last");
	}

}
