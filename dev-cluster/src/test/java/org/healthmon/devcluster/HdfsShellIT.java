package org.healthmon.devcluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repackaged jar doubles as the operators' HDFS shell (README, "Looking at the
 * data"): this runs it exactly as documented, as its own process.
 */
class HdfsShellIT {

	@TempDir
	Path baseDir;

	@TempDir
	Path work;

	@Test
	void whenTheJarRunsFsShellThenItListsTheRawFiles() throws Exception {
		Path jar = Path.of(System.getProperty("devcluster.jar", "target/dev-cluster-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the repackaged jar (run at the integration-test phase)").isRegularFile();
		try (ConfigurableApplicationContext context = DevClusterRunner.start(this.baseDir)) {
			String uri = DevClusterRunner.readyMarker(this.baseDir).getProperty("uri");
			String file = "/healthmon/raw/date=2026-11-22/hour=05/shell-000001.csv";
			try (FileSystem fs = FileSystem.newInstance(URI.create(uri), new Configuration());
					FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(file))) {
				out.write("orders,1,2,3.0,16.0,5.2,512.0,200.1\n".getBytes(StandardCharsets.UTF_8));
			}

			Result result = run(jar, "-fs", uri, "-ls", "-R", "/healthmon/raw");

			assertThat(result.exitCode()).as(result.stderr()).isZero();
			assertThat(result.stdout()).contains(file).contains("/healthmon/raw/date=2026-11-22/hour=05");
			assertThat(result.stdout().lines().filter((line) -> line.endsWith(file)).findFirst())
				.hasValueSatisfying((line) -> assertThat(line).startsWith("-rw-r--r--   3 "));
		}
	}

	private Result run(Path jar, String... shellArgs) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(
				List.of(java, "-cp", jar.toString(), "-Dloader.main=org.apache.hadoop.fs.FsShell",
						"org.springframework.boot.loader.launch.PropertiesLauncher"));
		command.addAll(List.of(shellArgs));
		File stdout = this.work.resolve("stdout").toFile();
		File stderr = this.work.resolve("stderr").toFile();
		Process process = new ProcessBuilder(command).redirectOutput(stdout).redirectError(stderr).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the HDFS shell did not finish within 120 s: " + command);
		}
		return new Result(process.exitValue(), Files.readString(stdout.toPath()), Files.readString(stderr.toPath()));
	}

	private record Result(int exitCode, String stdout, String stderr) {
	}

}
