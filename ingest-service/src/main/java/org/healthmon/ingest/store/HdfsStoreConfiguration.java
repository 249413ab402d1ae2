package org.healthmon.ingest.store;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.ingest.IngestProperties;
import org.healthmon.model.StorageLayout;

import org.springframework.context.annotation.Bean;

/**
 * The HDFS side of ingest: the file system client, the storage layout, and the raw and
 * rejected stores with their rolling writers.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class HdfsStoreConfiguration {

	@Bean
	StorageLayout storageLayout(IngestProperties properties) {
		return new StorageLayout(properties.hdfs().root());
	}

	@Bean(destroyMethod = "close")
	FileSystem fileSystem(IngestProperties properties) throws IOException {
		IngestProperties.Hdfs hdfs = properties.hdfs();
		Configuration conf = new Configuration();
		conf.set(FileSystem.FS_DEFAULT_NAME_KEY, hdfs.uri());
		conf.setInt("dfs.replication", hdfs.replication());
		// Spring closes the client after the writers have published; Hadoop's own
		// shutdown hook would close it under them
		conf.setBoolean("fs.automatic.close", false);
		// Notice a namenode outage within seconds and spool, instead of blocking intake
		conf.setInt("ipc.client.connect.max.retries", 2);
		conf.setInt("ipc.client.connect.max.retries.on.timeouts", 2);
		conf.setInt("ipc.client.connect.timeout", 2000);
		conf.setInt("ipc.client.connect.retry.interval", 500);
		conf.setBoolean("dfs.client.retry.policy.enabled", false);
		hdfs.properties().forEach(conf::set);
		return FileSystem.newInstance(URI.create(hdfs.uri()), conf);
	}

	@Bean
	RollingFileWriter rawFileWriter(FileSystem fs, IngestProperties properties, StorageLayout layout,
			MeterRegistry registry) {
		return new RollingFileWriter("raw", fs, properties, Partitioning.raw(layout), registry, Clock.systemUTC());
	}

	@Bean
	RollingFileWriter rejectedFileWriter(FileSystem fs, IngestProperties properties, StorageLayout layout,
			MeterRegistry registry) {
		return new RollingFileWriter("rejected", fs, properties, Partitioning.rejected(layout), registry,
				Clock.systemUTC());
	}

	@Bean
	RawStore rawStore(RollingFileWriter rawFileWriter) {
		return new RawStore(rawFileWriter);
	}

	@Bean
	RejectedStore rejectedStore(RollingFileWriter rejectedFileWriter) {
		return new RejectedStore(rejectedFileWriter);
	}

	@Bean
	StoreHealthIndicators.Hdfs hdfsHealthIndicator(IngestProperties properties, RollingFileWriter rawFileWriter,
			RollingFileWriter rejectedFileWriter) {
		return new StoreHealthIndicators.Hdfs(properties.hdfs().uri(), rawFileWriter, rejectedFileWriter);
	}

	@Bean
	StoreHealthIndicators.Spool spoolHealthIndicator(RollingFileWriter rawFileWriter,
			RollingFileWriter rejectedFileWriter) {
		return new StoreHealthIndicators.Spool(rawFileWriter, rejectedFileWriter);
	}

}
