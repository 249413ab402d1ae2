package org.healthmon.batch.run;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.BatchProperties;
import org.healthmon.model.StorageLayout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;

/** The store client, the runner with its history, the schedule and the health. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class BatchRunConfiguration {

	@Bean
	StorageLayout storageLayout(BatchProperties properties) {
		return new StorageLayout(properties.hdfs().root());
	}

	/** The Hadoop client settings; jobs get these plus the job settings. */
	@Bean
	Configuration hadoopConfiguration(BatchProperties properties) {
		Configuration conf = new Configuration();
		conf.set(FileSystem.FS_DEFAULT_NAME_KEY, properties.hdfs().uri());
		// Spring closes the client; Hadoop's own shutdown hook would close it under a run
		conf.setBoolean("fs.automatic.close", false);
		properties.hdfs().properties().forEach(conf::set);
		return conf;
	}

	@Bean(destroyMethod = "close")
	FileSystem fileSystem(BatchProperties properties, Configuration hadoopConfiguration) throws IOException {
		return FileSystem.newInstance(URI.create(properties.hdfs().uri()), hadoopConfiguration);
	}

	@Bean
	BatchStore batchStore(FileSystem fileSystem, StorageLayout layout) throws IOException {
		return new BatchStore(fileSystem, layout);
	}

	@Bean
	RunHistory runHistory(BatchStore store, JsonMapper jsonMapper, BatchProperties properties) {
		return new RunHistory(store, jsonMapper, properties.historySize());
	}

	@Bean
	BatchRunner batchRunner(BatchStore store, RunHistory history, Configuration hadoopConfiguration,
			BatchProperties properties, MeterRegistry registry) {
		Configuration jobConf = new Configuration(hadoopConfiguration);
		properties.jobSettings().forEach(jobConf::set);
		return new BatchRunner(store, history, jobConf, properties, registry, Clock.systemUTC());
	}

	@Bean
	BatchScheduler batchScheduler(BatchRunner runner) {
		return new BatchScheduler(runner);
	}

	@Bean
	BatchHealthIndicator batchHealthIndicator(RunHistory history, BatchRunner runner, BatchProperties properties) {
		return new BatchHealthIndicator(history, runner, properties, Clock.systemUTC());
	}

	@Bean
	BatchRunsEndpoint batchRunsEndpoint(RunHistory history, BatchRunner runner, BatchStore store) {
		return new BatchRunsEndpoint(history, runner, store);
	}

}
