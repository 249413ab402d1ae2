package org.healthmon.batch.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.healthmon.model.ViewSchema;

/**
 * What the Parquet files of a directory hold, from their footers alone: rows and the
 * range of event minutes, for the manifest and the segment index.
 *
 * @param files the Parquet files, their paths in the store, by name
 * @param rows rows in all files
 * @param minMinute first event minute, or -1 when empty
 * @param maxMinute last event minute, or -1 when empty
 */
public record ViewDirectorySummary(List<String> files, long rows, long minMinute, long maxMinute) {

	public static ViewDirectorySummary of(FileSystem fs, Path dir) throws IOException {
		List<String> files = new ArrayList<>();
		long rows = 0;
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		FileStatus[] statuses = fs.listStatus(dir, (p) -> p.getName().endsWith(".parquet"));
		Arrays.sort(statuses);
		for (FileStatus file : statuses) {
			files.add(file.getPath().toUri().getPath());
			try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(file, fs.getConf()))) {
				for (BlockMetaData block : reader.getFooter().getBlocks()) {
					rows += block.getRowCount();
					for (ColumnChunkMetaData column : block.getColumns()) {
						Statistics<?> stats = column.getStatistics();
						if (column.getPath().toDotString().equals(ViewSchema.MINUTE) && !stats.isEmpty()) {
							min = Math.min(min, (Long) stats.genericGetMin());
							max = Math.max(max, (Long) stats.genericGetMax());
						}
					}
				}
			}
		}
		return (rows == 0) ? new ViewDirectorySummary(files, 0, -1, -1)
				: new ViewDirectorySummary(files, rows, min, max);
	}

}
