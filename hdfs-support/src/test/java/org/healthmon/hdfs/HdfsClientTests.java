package org.healthmon.hdfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HdfsClientTests {

	private static final HdfsSettings SETTINGS = new HdfsSettings("file:///", "/healthmon", (short) 2,
			Map.of("ipc.client.connect.max.retries", "2"));

	@Test
	void theConfigurationHoldsTheSettingsAndLeavesClosingToSpring() {
		Configuration conf = HdfsClient.configuration(SETTINGS);
		assertThat(conf.get("fs.defaultFS")).isEqualTo("file:///");
		assertThat(conf.getInt("dfs.replication", 0)).isEqualTo(2);
		assertThat(conf.getInt("ipc.client.connect.max.retries", 0)).isEqualTo(2);
		assertThat(conf.getBoolean("fs.automatic.close", true)).isFalse();
	}

	@Test
	void configureKeepsWhatTheBaseSaysAndPutsTheSettingsOverIt() {
		Configuration base = new Configuration(false);
		base.set("io.file.buffer.size", "65536");
		base.set("fs.defaultFS", "hdfs://elsewhere:8020");
		Configuration conf = HdfsClient.configure(base, SETTINGS);
		assertThat(conf).isSameAs(base);
		assertThat(conf.get("io.file.buffer.size")).isEqualTo("65536");
		assertThat(conf.get("fs.defaultFS")).isEqualTo("file:///");
	}

	@Test
	void eachAppGetsAFileSystemOfItsOwn(@TempDir Path dir) throws IOException {
		try (FileSystem first = HdfsClient.open(SETTINGS, HdfsClient.configuration(SETTINGS));
				FileSystem second = HdfsClient.open(SETTINGS, HdfsClient.configuration(SETTINGS))) {
			assertThat(first).isNotSameAs(second);
			first.close();
			assertThat(second.exists(new org.apache.hadoop.fs.Path(dir.toUri()))).isTrue();
		}
	}

}
