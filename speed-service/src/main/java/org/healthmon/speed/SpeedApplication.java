package org.healthmon.speed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The speed layer: scheduled Spark jobs that keep the realtime view sets up to date with
 * the raw files the batch view does not cover yet, exact at every batch handoff.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SpeedApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpeedApplication.class, args);
	}

}
