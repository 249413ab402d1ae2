package org.healthmon.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The serving layer: follows the batch and realtime manifests, keeps local copies of the
 * views it answers from, and answers window queries with DuckDB, merging both kinds of
 * view so that every message counts exactly once.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QueryApplication {

	public static void main(String[] args) {
		SpringApplication.run(QueryApplication.class, args);
	}

}
