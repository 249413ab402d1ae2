package org.healthmon.ingest.store;

import java.util.function.LongFunction;

import org.healthmon.model.StorageLayout;

/**
 * How a store splits files by arrival time: each file holds lines of one bucket (an hour
 * for raw data, a day for rejected input) and lives in that bucket's directory.
 *
 * @param bucketMs the bucket length
 * @param directoryOf the directory of a bucket, from its start time
 * @param extension the file extension
 */
record Partitioning(long bucketMs, LongFunction<String> directoryOf, String extension) {

	static Partitioning raw(StorageLayout layout) {
		return new Partitioning(3_600_000L, layout::rawPartition, "csv");
	}

	static Partitioning rejected(StorageLayout layout) {
		return new Partitioning(86_400_000L, layout::rejectedPartition, "tsv");
	}

	long bucketOf(long arrivalTimeMs) {
		return Math.floorDiv(arrivalTimeMs, this.bucketMs) * this.bucketMs;
	}

}
