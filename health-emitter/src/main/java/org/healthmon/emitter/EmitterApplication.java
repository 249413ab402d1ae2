package org.healthmon.emitter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Plays a fleet of microservices that report their health over UDP; doubles as the load
 * generator of the ingest service. Runs until its count or duration is done, its replay
 * file is exhausted, or it is told to stop (SIGTERM), and then exits.
 */
@SpringBootApplication
@EnableConfigurationProperties(EmitterProperties.class)
public class EmitterApplication {

	public static void main(String[] args) {
		// exit explicitly: the run is a job, and its exit code must reach the caller
		System.exit(SpringApplication.exit(SpringApplication.run(EmitterApplication.class, args)));
	}

}
