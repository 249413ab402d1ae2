package org.healthmon.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The batch layer: on a schedule, runs the MapReduce job that turns the raw store into a
 * new version of the batch view, and publishes it through the batch manifest.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BatchApplication {

	public static void main(String[] args) {
		SpringApplication.run(BatchApplication.class, args);
	}

}
