package org.healthmon.batch.run;

import java.io.IOException;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.BatchProperties;
import org.healthmon.hdfs.HdfsClient;
import org.healthmon.hdfs.HdfsClientConfiguration;
import org.healthmon.model.StorageLayout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The store client, the runner with its history, the schedule and the health. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Import(HdfsClientConfiguration.class)
class BatchRunConfiguration {

	/**
	 * The Hadoop client settings, the store client's ({@link HdfsClientConfiguration});
	 * jobs get these plus the job settings.
	 */
	@Bean
	Configuration hadoopConfiguration(BatchProperties properties) {
		return HdfsClient.configuration(properties.hdfs());
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
