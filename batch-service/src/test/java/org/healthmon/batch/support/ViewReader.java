package org.healthmon.batch.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;
import org.healthmon.model.SegmentIndex;
import org.healthmon.model.StorageLayout;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the rows of a batch view version, or of Parquet files. */
public final class ViewReader {

	private static final Comparator<MinuteStats> VIEW_ORDER = Comparator.comparing(MinuteStats::service)
		.thenComparingLong(MinuteStats::minute);

	private ViewReader() {
	}

	/**
	 * Every row of a version, from the files its segment index names, sorted by service
	 * then minute (the brute force's order); each segment file must hold its rows in that
	 * order already.
	 */
	public static List<MinuteStats> read(FileSystem fs, BatchManifest manifest) throws IOException {
		List<MinuteStats> rows = new ArrayList<>();
		for (SegmentIndex.Segment segment : new BatchStore(fs, StorageLayout.defaults()).segmentIndex(manifest)
			.segments()) {
			for (String file : segment.files()) {
				List<MinuteStats> fileRows = readFiles(fs, List.of(file));
				assertThat(fileRows).as(file)
					.isSortedAccordingTo(VIEW_ORDER)
					.allMatch((r) -> segment.dayMs() == SegmentIndex.Segment.ALL_DAYS
							|| Math.floorDiv(r.minute(), StorageLayout.DAY_MS) * StorageLayout.DAY_MS == segment
								.dayMs());
				rows.addAll(fileRows);
			}
		}
		rows.sort(VIEW_ORDER);
		return rows;
	}

	/** The rows of Parquet files, in file order. */
	public static List<MinuteStats> readFiles(FileSystem fs, List<String> paths) throws IOException {
		List<MinuteStats> rows = new ArrayList<>();
		for (String path : paths) {
			FileStatus file = fs.getFileStatus(new Path(path));
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
