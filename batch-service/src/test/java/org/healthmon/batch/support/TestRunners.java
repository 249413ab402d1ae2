package org.healthmon.batch.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.run.RunHistory;
import org.healthmon.hdfs.HdfsSettings;
import org.healthmon.model.StorageLayout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

/** Batch runners wired by hand (no Spring context) against a test file system. */
public final class TestRunners {

	private TestRunners() {
	}

	/**
	 * A runner on the local job runner, its Hadoop scratch space in {@code tmp}.
	 * @param jobSettings extra job settings (e.g. fault injection)
	 */
	public static BatchRunner runner(FileSystem fs, StorageLayout layout, Path tmp, Duration grace, int fullEvery,
			Map<String, String> jobSettings, MeterRegistry registry) throws IOException {
		return runner(fs, layout, tmp, grace, fullEvery, jobSettings, registry, DataSize.ofMegabytes(256));
	}

	/** As above, with the most bytes of raw files per map task. */
	public static BatchRunner runner(FileSystem fs, StorageLayout layout, Path tmp, Duration grace, int fullEvery,
			Map<String, String> jobSettings, MeterRegistry registry, DataSize splitSize) throws IOException {
		BatchProperties base = properties(fs.getUri().toString(), layout.root(), grace, fullEvery, jobSettings);
		BatchProperties properties = new BatchProperties(base.hdfs(), base.interval(), base.initialDelay(),
				base.fullRecomputeEvery(), base.versionGrace(), splitSize, base.reducers(), base.jobJar(),
				base.jobSettings(), base.staleAfterIntervals(), base.historySize(), base.adminToken(),
				base.compaction(), base.retention(), base.lateFiles());
		return runner(fs, layout, tmp, properties, registry, Clock.systemUTC());
	}

	/** A runner with the given settings and clock. */
	public static BatchRunner runner(FileSystem fs, StorageLayout layout, Path tmp, BatchProperties properties,
			MeterRegistry registry, Clock clock) throws IOException {
		BatchStore store = new BatchStore(fs, layout);
		RunHistory history = new RunHistory(store, JsonMapper.builder().build(), 100);
		return new BatchRunner(store, history, jobConf(fs, tmp, properties.jobSettings()), properties, registry, clock);
	}

	public static BatchRunner runner(FileSystem fs, StorageLayout layout, Path tmp) throws IOException {
		return runner(fs, layout, tmp, Duration.ofHours(1), 0, Map.of(), new SimpleMeterRegistry());
	}

	public static Configuration jobConf(FileSystem fs, Path tmp, Map<String, String> jobSettings) {
		Configuration conf = new Configuration(fs.getConf());
		conf.set(FileSystem.FS_DEFAULT_NAME_KEY, fs.getUri().toString());
		// Hadoop's scratch space must not collide with other tests on the machine
		conf.set("hadoop.tmp.dir", tmp.toAbsolutePath().toString());
		jobSettings.forEach(conf::set);
		return conf;
	}

	public static BatchProperties properties(String uri, String root, Duration grace, int fullEvery,
			Map<String, String> jobSettings) {
		return properties(uri, root, grace, fullEvery, jobSettings, COMPACTION);
	}

	/** Compaction as configured by default, but of hours closed a minute ago. */
	public static final BatchProperties.Compaction COMPACTION = new BatchProperties.Compaction(true,
			Duration.ofMinutes(1), DataSize.ofMegabytes(128), 24);

	public static BatchProperties properties(String uri, String root, Duration grace, int fullEvery,
			Map<String, String> jobSettings, BatchProperties.Compaction compaction) {
		return new BatchProperties(new HdfsSettings(uri, root, (short) 3, Map.of()), Duration.ofMinutes(5),
				Duration.ofSeconds(10), fullEvery, grace, DataSize.ofMegabytes(256), 1, "", new HashMap<>(jobSettings),
				3, 500, "", compaction,
				new BatchProperties.Retention(Duration.ZERO, Duration.ofDays(7), Duration.ofDays(30)),
				new BatchProperties.LateFiles(true));
	}

}
