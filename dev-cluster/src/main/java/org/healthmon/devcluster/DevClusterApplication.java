package org.healthmon.devcluster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import sun.misc.Signal;

/**
 * Starts the development HDFS cluster and keeps it running until the process is stopped;
 * SIGTERM and SIGINT shut it down cleanly.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevClusterApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(DevClusterApplication.class, args);
		stopOnSignal(context, "TERM");
		stopOnSignal(context, "INT");
	}

	/**
	 * Closes the context on a signal before the JVM starts shutting down. Closing it from
	 * the usual JVM shutdown hook races Hadoop's own hook: the datanodes then fail to
	 * stop ("Shutdown in progress, cannot remove a shutdownHook") and the namenode is
	 * left unstopped.
	 */
	private static void stopOnSignal(ConfigurableApplicationContext context, String signal) {
		Signal.handle(new Signal(signal), (received) -> {
			context.close();
			System.exit(0);
		});
	}

}
