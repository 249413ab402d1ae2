package org.healthmon.hdfs;

import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.model.StorageLayout;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class HdfsClientConfigurationTests {

	private static final HdfsSettings SETTINGS = new HdfsSettings("file:///", "/healthmon", (short) 2,
			Map.of("ipc.client.connect.max.retries", "2"));

	@Test
	void theAppsFileSystemIsMadeFromItsSettings() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(AppProperties.class, () -> new AppProperties(SETTINGS));
			context.register(HdfsClientConfiguration.class);
			context.refresh();
			FileSystem fs = context.getBean(FileSystem.class);
			assertThat(fs.getUri().getScheme()).isEqualTo("file");
			assertThat(fs.getConf().getInt("dfs.replication", 0)).isEqualTo(2);
			assertThat(fs.getConf().get("ipc.client.connect.max.retries")).isEqualTo("2");
			assertThat(fs.getConf().getBoolean("fs.automatic.close", true)).isFalse();
			assertThat(context.getBean(StorageLayout.class).root()).isEqualTo("/healthmon");
		}
	}

	@Test
	void theAppsOwnHadoopConfigurationIsUsedWhenItDeclaresOne() {
		Configuration base = HdfsClient.configure(new Configuration(), SETTINGS);
		base.set("io.file.buffer.size", "65536");
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(AppProperties.class, () -> new AppProperties(SETTINGS));
			context.registerBean(Configuration.class, () -> base);
			context.register(HdfsClientConfiguration.class);
			context.refresh();
			assertThat(context.getBean(FileSystem.class).getConf()).isSameAs(base);
		}
	}

	/** An app's properties record, as each app's is. */
	record AppProperties(HdfsSettings hdfs) implements HdfsSettings.Source {
	}

}
