package org.healthmon.speed.run;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.healthmon.model.StorageLayout;
import org.healthmon.speed.SpeedProperties;
import org.healthmon.speed.spark.MinuteStatsJob;
import org.healthmon.speed.store.SpeedStore;

import org.springframework.context.annotation.Bean;

/**
 * The runs: the store on HDFS, the Spark job, the run itself, its schedule and health.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class SpeedRunConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean(destroyMethod = "close")
	FileSystem speedFileSystem(SpeedProperties properties, JavaSparkContext spark) throws IOException {
		// Spark's Hadoop configuration: the same fs.defaultFS and settings as the jobs
		Configuration conf = new Configuration(spark.hadoopConfiguration());
		conf.set(FileSystem.FS_DEFAULT_NAME_KEY, properties.hdfs().uri());
		properties.hdfs().properties().forEach(conf::set);
		// Spring closes this client; Hadoop's shutdown hook would close it under a run
		conf.setBoolean("fs.automatic.close", false);
		return FileSystem.newInstance(URI.create(properties.hdfs().uri()), conf);
	}

	@Bean
	SpeedStore speedStore(FileSystem speedFileSystem, SpeedProperties properties) throws IOException {
		return new SpeedStore(speedFileSystem, new StorageLayout(properties.hdfs().root()));
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
