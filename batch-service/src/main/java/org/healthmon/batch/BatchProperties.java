package org.healthmon.batch;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.healthmon.hdfs.HdfsSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the batch service, under {@code healthmon.batch}. Environment variables
 * override them the Spring way, e.g. {@code HEALTHMON_BATCH_INTERVAL}.
 *
 * @param hdfs the store ({@code healthmon.batch.hdfs.*})
 * @param interval time between the end of one scheduled run and the start of the next
 * @param initialDelay time from start-up to the first scheduled run
 * @param fullRecomputeEvery every n-th version is a full recompute from all raw data
 * instead of an incremental run (0, the default: only on demand; a full recompute lists
 * and reads the whole raw store)
 * @param versionGrace how long a version no manifest names any more is kept for readers
 * that may still be using it
 * @param splitSize most bytes of raw files one map task reads (small files are combined)
 * @param reducers reduce tasks; 1 writes one file in total order, more write one file per
 * reducer, each holding whole services in order
 * @param jobJar the plain job jar (classifier {@code job}) shipped to the cluster; empty
 * to run from the classpath (the local job runner)
 * @param jobSettings Hadoop settings for the job, passed through as they are, e.g.
 * {@code mapreduce.framework.name=yarn}
 * @param staleAfterIntervals health is DOWN when the last successful run is older than
 * this many intervals
 * @param historySize runs kept in the run history
 * @param adminToken the token the admin endpoint requires (header
 * {@code X-Healthmon-Admin-Token}); empty disables the endpoint
 * @param compaction compaction of closed raw hours
 * @param retention how long data is kept
 * @param lateFiles detection of raw files published below a cutoff already passed
 */
@ConfigurationProperties("healthmon.batch")
@Validated
public record BatchProperties(@DefaultValue @Valid HdfsSettings hdfs, @DefaultValue("5m") @NotNull Duration interval,
		@DefaultValue("10s") @NotNull Duration initialDelay, @DefaultValue("0") @Min(0) int fullRecomputeEvery,
		@DefaultValue("10m") @NotNull Duration versionGrace, @DefaultValue("256MB") @NotNull DataSize splitSize,
		@DefaultValue("1") @Min(1) @Max(1000) int reducers, @DefaultValue("") String jobJar,
		@DefaultValue Map<String, String> jobSettings, @DefaultValue("3") @Min(1) int staleAfterIntervals,
		@DefaultValue("500") @Min(1) int historySize, @DefaultValue("") String adminToken,
		@DefaultValue @Valid Compaction compaction, @DefaultValue @Valid Retention retention,
		@DefaultValue @Valid LateFiles lateFiles) implements HdfsSettings.Source {

	/**
	 * Compaction of closed raw hours: a node's small files of an hour become one file (or
	 * one per {@code targetSize}).
	 *
	 * @param enabled whether closed hours are compacted
	 * @param closeAfter an hour is compacted once it has ended this long ago (longer than
	 * ingest's roll interval)
	 * @param targetSize most bytes in one compacted file (about an HDFS block)
	 * @param maxHoursPerRun most hours compacted after one run (a store written before
	 * compaction is caught up gradually)
	 */
	public record Compaction(@DefaultValue("true") boolean enabled, @DefaultValue("10m") @NotNull Duration closeAfter,
			@DefaultValue("128MB") @NotNull DataSize targetSize, @DefaultValue("24") @Min(1) int maxHoursPerRun) {
	}

	/**
	 * Late raw files (docs/architecture.md §4.5): each run snapshots {@code raw/} and
	 * finds the files created since the published version's snapshot; one at or below its
	 * node's cutoff is adopted and counted. Needs HDFS and a snapshottable {@code raw/}
	 * ({@code hdfs dfsadmin -allowSnapshot}, tried by the service itself).
	 *
	 * @param enabled whether runs snapshot the raw store and look for late files
	 */
	public record LateFiles(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * How long data is kept; {@code 0} keeps it forever.
	 *
	 * @param raw raw partitions (the master dataset), by arrival day; forever by default.
	 * The views keep what they counted, but a full recompute afterwards no longer sees
	 * the deleted days
	 * @param rejected rejected input, by arrival day
	 * @param quarantine raw lines a batch job could not read, by the version that met
	 * them
	 */
	public record Retention(@DefaultValue("0s") @NotNull Duration raw, @DefaultValue("7d") @NotNull Duration rejected,
			@DefaultValue("30d") @NotNull Duration quarantine) {
	}

}
