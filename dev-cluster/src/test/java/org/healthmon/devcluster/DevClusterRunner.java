package org.healthmon.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the dev-cluster application in-process on free ports, as the ITs need it. */
final class DevClusterRunner {

	private DevClusterRunner() {
	}

	static ConfigurableApplicationContext start(Path baseDir) {
		// arguments, not default properties: these must win over application.yaml
		return new SpringApplicationBuilder(DevClusterApplication.class).run(
				"--healthmon.devcluster.base-dir=" + baseDir, "--healthmon.devcluster.name-node-port=0",
				"--healthmon.devcluster.name-node-http-port=0", "--healthmon.devcluster.data-node-base-port=0",
				"--spring.main.keep-alive=false");
	}

	static Properties readyMarker(Path baseDir) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(baseDir.resolve(ReadyMarker.FILE_NAME))) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
