package org.healthmon.speed.spark;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.spark.api.java.JavaSparkContext;
import org.healthmon.speed.SpeedProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one long-lived Spark context of the app, created when the app starts and stopped
 * when it closes; every run submits its job to it.
 */
@Configuration(proxyBeanMethods = false)
class SparkConfiguration {

	@Bean
	SparkContexts sparkContexts(SpeedProperties properties, MeterRegistry registry) {
		return new SparkContexts(properties, registry);
	}

	@Bean(destroyMethod = "")
	JavaSparkContext javaSparkContext(SparkContexts contexts) {
		// SparkContexts owns the context: it stops it on close
		return contexts.context();
	}

}
