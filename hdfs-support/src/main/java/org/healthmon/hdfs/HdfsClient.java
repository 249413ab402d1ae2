package org.healthmon.hdfs;

import java.io.IOException;
import java.net.URI;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The Hadoop client of an app, made from its {@link HdfsSettings}: the one place that
 * turns the settings into a client configuration and opens a {@link FileSystem}
 * ({@link HdfsClientConfiguration} makes it the app's bean).
 */
public final class HdfsClient {

	private HdfsClient() {
	}

	/** A client configuration: Hadoop's defaults with the settings over them. */
	public static Configuration configuration(HdfsSettings settings) {
		return configure(new Configuration(), settings);
	}

	/**
	 * Puts the settings over a configuration (speed-service's starts from Spark's, so
	 * that its client and its jobs agree) and returns it.
	 */
	public static Configuration configure(Configuration conf, HdfsSettings settings) {
		settings.hadoopSettings().forEach(conf::set);
		// Spring closes the client once the app's writers have published; Hadoop's own
		// shutdown hook would close it under them
		conf.setBoolean("fs.automatic.close", false);
		return conf;
	}

	/**
	 * Opens a file system of the app's own (not Hadoop's shared cached one) with that
	 * configuration; the caller closes it.
	 */
	public static FileSystem open(HdfsSettings settings, Configuration conf) throws IOException {
		return FileSystem.newInstance(URI.create(settings.uri()), conf);
	}

}
