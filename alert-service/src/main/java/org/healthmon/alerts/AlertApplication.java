package org.healthmon.alerts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The alert service: RED, AMBER and DOWN for every service, evaluated every few seconds
 * over the query service's exact per-minute series and catalog, served at
 * {@code /api/v1/alerts}, exported as metrics and sent to Alertmanager.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AlertApplication {

	public static void main(String[] args) {
		SpringApplication.run(AlertApplication.class, args);
	}

}
