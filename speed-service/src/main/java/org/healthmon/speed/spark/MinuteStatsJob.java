package org.healthmon.speed.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;
import scala.Tuple2;

/**
 * The Spark job of a run: raw CSV files → (service, event minute) → per-minute stats,
 * merged with health-model's merge in {@code reduceByKey}. One job serves every set at
 * once: each file is tagged with the sets that have not absorbed it yet (a bit mask), the
 * mask is part of the key, and each set takes the rows of the masks that include it. So
 * every file is read once per run however many sets need it.
 */
public class MinuteStatsJob {

	private final JavaSparkContext spark;

	public MinuteStatsJob(JavaSparkContext spark) {
		this.spark = spark;
	}

	/**
	 * Aggregates the files of each mask; rows come back per mask, unsorted (realtime
	 * increments are small: one row per service and minute).
	 * @param filesByMask the files to read, by the mask of the sets that need them
	 */
	public Result run(Map<Integer, List<String>> filesByMask) {
		LongAccumulator lines = this.spark.sc().longAccumulator("lines");
		LongAccumulator badLines = this.spark.sc().longAccumulator("badLines");
		JavaPairRDD<Key, ShippedStats> pairs = null;
		for (Map.Entry<Integer, List<String>> group : filesByMask.entrySet()) {
			JavaPairRDD<Key, ShippedStats> groupPairs = this.spark.textFile(String.join(",", group.getValue()))
				.mapPartitionsToPair(parse(group.getKey(), lines, badLines));
			pairs = (pairs != null) ? pairs.union(groupPairs) : groupPairs;
		}
		Map<Integer, List<MinuteStats>> rowsByMask = new HashMap<>();
		if (pairs != null) {
			int partitions = Math.max(1, this.spark.defaultParallelism());
			// a task per core, not per file: fewer task and shuffle overheads per run
			JavaPairRDD<Key, ShippedStats> perCore = pairs.coalesce(partitions);
			for (Tuple2<Key, ShippedStats> row : perCore.reduceByKey(ShippedStats::merge, partitions).collect()) {
				rowsByMask.computeIfAbsent(row._1().mask(), (mask) -> new ArrayList<>()).add(row._2().stats());
			}
		}
		return new Result(rowsByMask, lines.value(), badLines.value());
	}

	/**
	 * Parses a partition's lines and merges them per key as it goes (a combiner, with the
	 * same merge), so the shuffle sees one record per key and partition instead of one
	 * per line. Static, so the closure holds the mask and the accumulators only.
	 */
	private static PairFlatMapFunction<Iterator<String>, Key, ShippedStats> parse(int mask, LongAccumulator lines,
			LongAccumulator badLines) {
		return (partition) -> {
			Map<Key, MinuteStats> merged = new HashMap<>();
			long read = 0;
			long bad = 0;
			while (partition.hasNext()) {
				String line = partition.next();
				read++;
				RawRecord record;
				try {
					record = RawCsv.parse(line);
				}
				catch (IllegalArgumentException ex) {
					// a BadLineException or any other unreadable line: counted, never
					// fatal
					bad++;
					continue;
				}
				MinuteStats stats = MinuteStats.of(record.message());
				merged.merge(new Key(mask, stats.service(), stats.minute()), stats, MinuteStats::merge);
			}
			lines.add(read);
			badLines.add(bad);
			return merged.entrySet()
				.stream()
				.map((e) -> new Tuple2<>(e.getKey(), new ShippedStats(e.getValue())))
				.iterator();
		};
	}

	/**
	 * The outcome of a job.
	 *
	 * @param rowsByMask per-minute rows by the mask of the sets they belong to
	 * @param lines raw lines read
	 * @param badLines lines that could not be read (counted, never fatal)
	 */
	public record Result(Map<Integer, List<MinuteStats>> rowsByMask, long lines, long badLines) {
	}

	/**
	 * The shuffle key: which sets, which service, which minute.
	 *
	 * @param mask the sets the row belongs to
	 * @param service the service
	 * @param minute the event minute
	 */
	record Key(int mask, String service, long minute) implements Serializable {
	}

}
