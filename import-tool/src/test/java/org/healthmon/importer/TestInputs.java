package org.healthmon.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;

/**
 * Input files of every format and shape, with the truth about them: the key of every
 * valid record written (a multiset), and the rejected records by reason tag.
 */
public final class TestInputs {

	static final Schema PARQUET_SCHEMA = SchemaBuilder.record("message")
		.fields()
		.requiredString("service")
		.requiredLong("timestamp")
		.requiredDouble("cpu")
		.requiredDouble("ram_total")
		.requiredDouble("ram_free")
		.requiredDouble("disk_total")
		.requiredDouble("disk_free")
		.endRecord();

	private static final HealthMessageJson JSON = new HealthMessageJson();

	private final SplittableRandom random;

	private final int services;

	private final long fromMs;

	private final long toMs;

	private final String servicePrefix;

	/** Keys of the valid records written ({@link #key}), one per record. */
	final List<String> valid = new ArrayList<>();

	/** Rejected records written, by reason tag. */
	final Map<String, Long> rejected = new TreeMap<>();

	/**
	 * @param days how many days of history before now the event times span
	 */
	public TestInputs(long seed, int services, int days, String servicePrefix) {
		this.random = new SplittableRandom(seed);
		this.services = services;
		this.toMs = System.currentTimeMillis() - 3_600_000L;
		this.fromMs = this.toMs - days * 86_400_000L;
		this.servicePrefix = servicePrefix;
	}

	/** The valid records written, as messages. */
	public List<HealthMessage> validMessages() {
		return this.valid.stream().map((key) -> RawCsv.parse(key).message()).toList();
	}

	/** The rejected records written, by reason tag. */
	public Map<String, Long> rejectedByReason() {
		return Map.copyOf(this.rejected);
	}

	/** The key a record is compared by: its raw line without the ingest time. */
	static String key(HealthMessage m) {
		return RawCsv.format(new RawRecord(m.withSeq(HealthMessage.NO_SEQ), 0));
	}

	/** A valid message, at a whole second (epoch-second columns keep it exact). */
	HealthMessage message() {
		String service = this.servicePrefix + this.random.nextInt(this.services);
		long eventTimeMs = (this.fromMs + this.random.nextLong(this.toMs - this.fromMs)) / 1000 * 1000;
		double cpu = this.random.nextInt(10_001) / 100.0;
		double ramTotal = 1 + this.random.nextInt(64);
		double ramFree = Math.min(ramTotal, this.random.nextInt(6_400) / 100.0);
		double diskTotal = 10 + this.random.nextInt(1000);
		double diskFree = Math.min(diskTotal, this.random.nextInt(100_000) / 100.0);
		return new HealthMessage(service, eventTimeMs, cpu, ramTotal, ramFree, diskTotal, diskFree,
				HealthMessage.NO_SEQ);
	}

	private void valid(HealthMessage m) {
		this.valid.add(key(m));
	}

	private void rejected(String tag) {
		this.rejected.merge(tag, 1L, Long::sum);
	}

	/** Raw CSV lines with 3 bad ones (1 in 100 after the first). */
	public Path rawCsv(Path file, int records) throws IOException {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < records; i++) {
			HealthMessage m = message();
			if (i % 100 == 7) {
				switch (i / 100 % 3) {
					case 0 -> {
						out.append("svc,1,2,3\n");
						rejected("not_json");
					}
					case 1 -> {
						out.append(RawCsv.format(new RawRecord(withCpu(m, 150), 17))).append('\n');
						rejected("out_of_range");
					}
					default -> {
						out.append("bad name!")
							.append(RawCsv.format(new RawRecord(m, 17)).substring(m.service().length()))
							.append('\n');
						rejected("bad_service_name");
					}
				}
				continue;
			}
			valid(m);
			out.append(RawCsv.format(new RawRecord(m, 1_700_000_000_000L + i))).append('\n');
		}
		return write(file, out.toString());
	}

	/**
	 * A header CSV: columns in mixed case and another order, ISO timestamps (or epoch
	 * seconds), some bad records; CRLF line ends and a blank line.
	 */
	public Path headerCsv(Path file, int records, boolean epochSeconds) throws IOException {
		StringBuilder out = new StringBuilder(
				epochSeconds ? "serviceName,Disk_Free,disk_total,RAM_FREE,ram_total,cpu_pct,event_time_ms,SEQ\r\n"
						: "Service,Timestamp,CPU,RAM_Total,RAM_Free,Disk_Total,Disk_Free,ignored\r\n");
		out.append("\r\n");
		for (int i = 0; i < records; i++) {
			HealthMessage m = message();
			String time = epochSeconds ? Long.toString(m.eventTimeMs() / 1000)
					: Instant.ofEpochMilli(m.eventTimeMs()).toString();
			String cpu = Double.toString(m.cpuPct());
			String ramFree = Double.toString(m.ramFreeGb());
			if (i % 50 == 3) {
				switch (i / 50 % 4) {
					case 0 -> {
						cpu = "abc";
						rejected("bad_number");
					}
					case 1 -> {
						ramFree = Double.toString(m.ramTotalGb() + 1);
						rejected("free_exceeds_total");
					}
					case 2 -> {
						time = "";
						rejected("missing_field");
					}
					default -> {
						time = "yesterday";
						rejected("bad_timestamp");
					}
				}
			}
			else {
				valid(m);
			}
			if (epochSeconds) {
				out.append(m.service())
					.append(',')
					.append(m.diskFreeGb())
					.append(',')
					.append(m.diskTotalGb())
					.append(',')
					.append(ramFree)
					.append(',')
					.append(m.ramTotalGb())
					.append(',')
					.append(cpu)
					.append(',')
					.append(time)
					.append(',')
					.append(i)
					.append("\r\n");
			}
			else {
				out.append('"')
					.append(m.service())
					.append("\",")
					.append(time)
					.append(',')
					.append(cpu)
					.append(',')
					.append(m.ramTotalGb())
					.append(',')
					.append(ramFree)
					.append(',')
					.append(m.diskTotalGb())
					.append(',')
					.append(m.diskFreeGb())
					.append(",x\r\n");
			}
		}
		return write(file, out.toString());
	}

	/** JSON lines, canonical or the legacy shape (one line each), with bad lines. */
	public Path jsonLines(Path file, int records, boolean legacy, long t0) throws IOException {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < records; i++) {
			HealthMessage m = message();
			if (i % 100 == 11) {
				switch (i / 100 % 4) {
					case 0 -> {
						out.append("{\"service\":\"x\",\"timestamp\":").append('\n');
						rejected("not_json");
					}
					case 1 -> {
						out.append("[1,2,3]\n");
						rejected("not_an_object");
					}
					case 2 -> {
						out.append(json(withTime(m, t0 + 3_600_000L), legacy)).append('\n');
						rejected("in_future");
					}
					default -> {
						out.append(json(withTime(m, 900_000_000_000L), legacy)).append('\n');
						rejected("bad_timestamp");
					}
				}
				continue;
			}
			valid(m);
			out.append(json(m, legacy)).append('\n');
		}
		return write(file, out.toString());
	}

	private static String json(HealthMessage m, boolean legacy) {
		byte[] bytes = legacy ? JSON.encodeLegacy(m) : JSON.encode(m);
		return new String(bytes, StandardCharsets.UTF_8).replace('\n', ' ');
	}

	/** A Parquet file (snappy), with a record of cpu -1 in every 100. */
	public Path parquet(Path file, int records) throws IOException {
		Files.deleteIfExists(file);
		try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
			.withSchema(PARQUET_SCHEMA)
			.withCompressionCodec(CompressionCodecName.SNAPPY)
			.build()) {
			for (int i = 0; i < records; i++) {
				HealthMessage m = message();
				if (i % 100 == 5) {
					m = withCpu(m, -1);
					rejected("out_of_range");
				}
				else {
					valid(m);
				}
				GenericRecord r = new GenericData.Record(PARQUET_SCHEMA);
				r.put("service", m.service());
				r.put("timestamp", m.eventTimeMs());
				r.put("cpu", m.cpuPct());
				r.put("ram_total", m.ramTotalGb());
				r.put("ram_free", m.ramFreeGb());
				r.put("disk_total", m.diskTotalGb());
				r.put("disk_free", m.diskFreeGb());
				writer.write(r);
			}
		}
		return file;
	}

	static HealthMessage withCpu(HealthMessage m, double cpu) {
		return new HealthMessage(m.service(), m.eventTimeMs(), cpu, m.ramTotalGb(), m.ramFreeGb(), m.diskTotalGb(),
				m.diskFreeGb(), m.seq());
	}

	static HealthMessage withTime(HealthMessage m, long eventTimeMs) {
		return new HealthMessage(m.service(), eventTimeMs, m.cpuPct(), m.ramTotalGb(), m.ramFreeGb(), m.diskTotalGb(),
				m.diskFreeGb(), m.seq());
	}

	/** Writes text, gzip-compressed when the name ends in {@code .gz}. */
	static Path write(Path file, String text) throws IOException {
		try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
				: Files.newOutputStream(file)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return file;
	}

}
