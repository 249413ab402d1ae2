package org.healthmon.speed.run;

import java.io.IOException;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.healthmon.hdfs.HdfsClient;
import org.healthmon.hdfs.HdfsClientConfiguration;
import org.healthmon.model.StorageLayout;
import org.healthmon.speed.SpeedProperties;
import org.healthmon.speed.spark.MinuteStatsJob;
import org.healthmon.speed.store.SpeedStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The runs: the store on HDFS, the Spark job, the run itself, its schedule and health.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Import(HdfsClientConfiguration.class)
class SpeedRunConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The store client's Hadoop settings ({@link HdfsClientConfiguration}): Spark's, so
	 * that the app's client and its jobs agree, with the store's settings over them.
	 */
	@Bean
	Configuration hadoopConfiguration(SpeedProperties properties, JavaSparkContext spark) {
		return HdfsClient.configure(new Configuration(spark.hadoopConfiguration()), properties.hdfs());
	}

	@Bean
	SpeedStore speedStore(FileSystem fileSystem, StorageLayout layout) throws IOException {
		return new SpeedStore(fileSystem, layout);
	}

	@Bean
	SpeedStatus speedStatus(MeterRegistry registry, Clock clock) {
		return new SpeedStatus(registry, clock.millis());
	}

	@Bean
	SpeedRun speedRun(SpeedStore store, JavaSparkContext spark, SpeedProperties properties, SpeedStatus status,
			Clock clock) {
		return new SpeedRun(store, new MinuteStatsJob(spark), properties, status, clock);
	}

	@Bean
	SpeedScheduler speedScheduler(SpeedRun speedRun) {
		return new SpeedScheduler(speedRun);
	}

	@Bean
	SpeedHealthIndicator speedHealthIndicator(SpeedStatus status, SpeedProperties properties, Clock clock) {
		return new SpeedHealthIndicator(status, properties.lagThreshold(), clock);
	}

}
