package org.healthmon.hdfs;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an app reaches the healthmon store: the {@code hdfs} part of the settings of every
 * app that reads or writes it ({@code healthmon.<app>.hdfs.*}, e.g.
 * {@code HEALTHMON_INGEST_HDFS_URI}). One record for all of them, so that the names,
 * defaults and meaning of these settings cannot drift apart between the apps;
 * {@link HdfsClientConfiguration} makes the app's client from it.
 *
 * @param uri the file system ({@code fs.defaultFS}), e.g. {@code hdfs://namenode:8020};
 * {@code file:///} works too (tests; the query service then reads views in place)
 * @param root root directory of the healthmon store
 * @param replication replication factor of the files the app writes
 * ({@code dfs.replication}; Hadoop's default too)
 * @param properties any further Hadoop client settings, passed through as they are and
 * over the ones above; an app's own client defaults (retries, timeouts) are entries here
 * in its {@code application.yaml}
 */
public record HdfsSettings(@DefaultValue("hdfs://localhost:8020") @NotBlank String uri,
		@DefaultValue("/healthmon") @NotBlank String root, @DefaultValue("3") @Min(1) @Max(16) short replication,
		@DefaultValue Map<String, String> properties) {

	/**
	 * The settings of an app that uses the store: its properties record implements this
	 * with its {@code hdfs} component, and {@link HdfsClientConfiguration} opens the
	 * app's client from them.
	 */
	public interface Source {

		HdfsSettings hdfs();

	}

	/** The property that names the default file system. */
	public static final String DEFAULT_FS = "fs.defaultFS";

	/**
	 * The Hadoop settings these stand for, in the order they apply: the file system, the
	 * replication, then the pass-through properties, which may override both.
	 */
	public Map<String, String> hadoopSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put(DEFAULT_FS, this.uri);
		settings.put("dfs.replication", Short.toString(this.replication));
		settings.putAll(this.properties);
		return settings;
	}

}
