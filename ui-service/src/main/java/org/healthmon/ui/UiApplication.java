package org.healthmon.ui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web UI: one server-rendered page to pick a window and see every service's
 * analytics, charts and status, all asked of the query service over its REST API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UiApplication {

	public static void main(String[] args) {
		SpringApplication.run(UiApplication.class, args);
	}

}
