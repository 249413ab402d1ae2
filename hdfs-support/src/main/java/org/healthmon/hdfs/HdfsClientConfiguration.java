package org.healthmon.hdfs;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.model.StorageLayout;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * The store client of an app, the one {@link FileSystem} bean of every app that uses the
 * store, and the store's {@link StorageLayout}: each app imports this where it declares
 * its store, and its properties record is the {@link HdfsSettings.Source}. Spring closes
 * the client when the app stops, after the beans that write through it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class HdfsClientConfiguration {

	/**
	 * The client, with the app's Hadoop {@link Configuration} bean when it declares one
	 * (batch-service: its jobs share it; speed-service: Spark's, so that the app and its
	 * jobs agree), else with one made from the settings alone.
	 */
	@Bean(destroyMethod = "close")
	FileSystem fileSystem(HdfsSettings.Source app, ObjectProvider<Configuration> hadoopConfiguration)
			throws IOException {
		HdfsSettings settings = app.hdfs();
		return HdfsClient.open(settings, hadoopConfiguration.getIfAvailable(() -> HdfsClient.configuration(settings)));
	}

	/** Where everything lives in the store, under the settings' root. */
	@Bean
	StorageLayout storageLayout(HdfsSettings.Source app) {
		return new StorageLayout(app.hdfs().root());
	}

}
