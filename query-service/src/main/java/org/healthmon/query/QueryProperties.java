package org.healthmon.query;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.healthmon.hdfs.HdfsSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the query service, under {@code healthmon.query}. Environment variables
 * override them the Spring way, e.g. {@code HEALTHMON_QUERY_POLLINTERVAL}.
 *
 * @param hdfs the store the views and manifests are in ({@code healthmon.query.hdfs.*};
 * {@code file:///} reads views in place); read only
 * @param cacheDir local directory for the copies of the views DuckDB reads
 * ({@code views/}, emptied at start) and DuckDB's spill files ({@code spill/})
 * @param pollInterval pause between two looks at the manifests
 * @param serviceTimeout a service is DOWN when its last message arrived longer ago
 * @param maxPoints most steps per service one {@code /series} window may hold: a request
 * for more is refused with 400 before any work
 * @param maxAnswerPoints most points (services × steps; services for {@code /analytics})
 * one answer may hold: a larger answer is refused with 400 once the query finds it, so
 * that a fleet of many services cannot make one answer of gigabytes
 * @param staleAfter health is DOWN when the manifests could not be read for this long
 * (the store is unreachable); the views' age is shown in the health details
 * @param duckdb the DuckDB engine
 */
@ConfigurationProperties("healthmon.query")
@Validated
public record QueryProperties(@DefaultValue @Valid HdfsSettings hdfs,
		@DefaultValue("var/query/cache") @NotNull Path cacheDir, @DefaultValue("250ms") @NotNull Duration pollInterval,
		@DefaultValue("60s") @NotNull Duration serviceTimeout, @DefaultValue("20000") @Min(1) int maxPoints,
		@DefaultValue("1000000") @Min(1) int maxAnswerPoints, @DefaultValue("10m") @NotNull Duration staleAfter,
		@DefaultValue @Valid Duckdb duckdb) implements HdfsSettings.Source {

	/**
	 * @param connections queries that run at once; further requests wait for a connection
	 * @param threads DuckDB threads per query (0: one per core). One by default: the
	 * service runs many short queries at once, each on its own connection, so requests
	 * are the parallelism; splitting a short query across threads only added hand-offs (1
	 * h windows: p95 13.8 ms with one per core, 10.4 ms with one, on two cores), while 30
	 * days still take under 100 ms (BENCHMARKS.md)
	 * @param memoryLimit DuckDB's memory limit, e.g. {@code 1GB}
	 * @param acquireTimeout how long a request waits for a connection before it fails
	 * with 503
	 * @param statementTimeout how long one query may run before it is cancelled and the
	 * request fails with 503 (whole seconds), so that a few huge requests cannot hold
	 * every connection
	 */
	public record Duckdb(@DefaultValue("8") @Min(1) @Max(256) int connections, @DefaultValue("1") @Min(0) int threads,
			@DefaultValue("1GB") @NotBlank String memoryLimit, @DefaultValue("10s") @NotNull Duration acquireTimeout,
			@DefaultValue("30s") @NotNull Duration statementTimeout) {
	}

}
