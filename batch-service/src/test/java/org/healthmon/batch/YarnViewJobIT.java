package org.healthmon.batch;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.healthmon.batch.run.BatchRun;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.run.RunHistory;
import org.healthmon.batch.run.RunMode;
import org.healthmon.batch.support.BruteForce;
import org.healthmon.testsupport.MiniHdfs;
import org.healthmon.batch.support.RawPublisher;
import org.healthmon.batch.support.TestData;
import org.healthmon.batch.support.TestRunners;
import org.healthmon.batch.support.ViewReader;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same runs on real YARN in-process ({@link MiniMRYarnCluster}, one node manager)
 * give the rows of the local runner. The containers get Hadoop's classpath only, without
 * this module's classes, health-model, Parquet or Avro: those must come from the job jar
 * (classifier {@code job}, built at {@code package}), as on a real cluster.
 */
class YarnViewJobIT {

	private static final Path JOB_JAR = Path.of("target/batch-service-0.1.0-SNAPSHOT-job.jar");

	@TempDir
	Path clusterDir;

	@TempDir
	Path tmp;

	@Test
	void whenTheJobRunsOnYarnThenItGivesTheRowsOfTheBruteForceAggregate() throws Exception {
		assertThat(JOB_JAR).as("the job jar YARN ships, built at package: run this IT with mvn verify").exists();
		try (MiniHdfs hdfs = MiniHdfs.start(this.clusterDir, 4)) {
			StorageLayout layout = new StorageLayout("/yarn");
			RawPublisher publisher = new RawPublisher(hdfs.fs(), layout);
			TestData data = new TestData(5);
			for (int i = 0; i < 6; i++) {
				data.nextFile("ingest-" + (i % 2), 100, 120, 0.02).publish(publisher);
			}
			Configuration conf = new Configuration(hdfs.fs().getConf());
			conf.set(FileSystem.FS_DEFAULT_NAME_KEY, hdfs.uri());
			conf.set("hadoop.tmp.dir", this.tmp.toAbsolutePath().toString());
			conf.set("yarn.application.classpath", String.join(",", hadoopOnlyClasspath()));
			conf.setInt("yarn.nodemanager.resource.memory-mb", 4096);
			conf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
			MiniMRYarnCluster yarn = new MiniMRYarnCluster("batch-it", 1);
			yarn.init(conf);
			yarn.start();
			try {
				Configuration jobConf = new Configuration(yarn.getConfig());
				for (String task : new String[] { "map", "reduce" }) {
					jobConf.setInt("mapreduce." + task + ".memory.mb", 512);
					jobConf.set("mapreduce." + task + ".java.opts", "-Xmx384m");
				}
				jobConf.setInt("yarn.app.mapreduce.am.resource.mb", 512);
				jobConf.set("yarn.app.mapreduce.am.command-opts", "-Xmx384m");
				BatchProperties defaults = TestRunners.properties(hdfs.uri(), "/yarn", Duration.ofHours(1), 0,
						Map.of());
				BatchProperties properties = new BatchProperties(defaults.hdfs(), defaults.interval(),
						defaults.initialDelay(), 0, defaults.versionGrace(), defaults.splitSize(), 1,
						JOB_JAR.toAbsolutePath().toString(), Map.of(), 3, 100, "", defaults.compaction(),
						defaults.retention(), defaults.lateFiles());
				BatchStore store = new BatchStore(hdfs.fs(), layout);
				BatchRunner runner = new BatchRunner(store, new RunHistory(store, JsonMapper.builder().build(), 10),
						jobConf, properties, new SimpleMeterRegistry(), Clock.systemUTC());

				BatchRun first = runner.run(RunMode.AUTO, "test").orElseThrow();
				for (int i = 0; i < 3; i++) {
					data.nextFile("ingest-" + (i % 2), 100, 120, 0.02).publish(publisher);
				}
				BatchRun incremental = runner.run(RunMode.AUTO, "test").orElseThrow();

				assertThat(first.outcome()).as(first.error()).isEqualTo(BatchRun.Outcome.PUBLISHED);
				assertThat(first.jobId()).as("a YARN job, not the local runner")
					.startsWith("job_")
					.doesNotContain("local");
				assertThat(incremental.jobId()).doesNotContain("local");
				assertThat(incremental.outcome()).as(incremental.error()).isEqualTo(BatchRun.Outcome.PUBLISHED);
				assertThat(incremental.mode()).isEqualTo("incremental");
				assertThat(ViewReader.read(hdfs.fs(), store.batchManifest().orElseThrow()))
					.isEqualTo(BruteForce.aggregate(data.goodLines()));
				// and the local runner agrees, row for row
				BatchRun local = TestRunners.runner(hdfs.fs(), layout, this.tmp)
					.run(RunMode.FULL, "test")
					.orElseThrow();
				assertThat(local.outcome()).as(local.error()).isEqualTo(BatchRun.Outcome.PUBLISHED);
				assertThat(ViewReader.read(hdfs.fs(), store.batchManifest().orElseThrow()))
					.isEqualTo(BruteForce.aggregate(data.goodLines()));
			}
			finally {
				yarn.stop();
			}
		}
	}

	/**
	 * This JVM's classpath (surefire may hide it in a manifest-only jar) without this
	 * module's classes and what the job jar carries.
	 */
	private static List<String> hadoopOnlyClasspath() throws Exception {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.addAll(expand(entry));
		}
		return entries.stream()
			.filter((e) -> !e.contains("batch-service") && !e.contains("health-model") && !e.contains("parquet-")
					&& !e.contains("/avro-") && !e.contains("/org/apache/avro/"))
			.toList();
	}

	private static List<String> expand(String entry) throws Exception {
		Path path = Path.of(entry);
		if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
			return List.of(entry);
		}
		try (JarFile jar = new JarFile(path.toFile())) {
			String classPath = (jar.getManifest() != null)
					? jar.getManifest().getMainAttributes().getValue("Class-Path") : null;
			if (classPath == null || !path.getFileName().toString().startsWith("surefirebooter")) {
				return List.of(entry);
			}
			// Surefire writes the entries as URIs, absolute or relative to the booter jar
			URI base = path.toAbsolutePath().getParent().toUri();
			return Stream.of(classPath.trim().split("\\s+"))
				.map((url) -> Path.of(base.resolve(url)).toString())
				.toList();
		}
	}

}
