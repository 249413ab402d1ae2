package org.healthmon.hdfs;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class HdfsSettingsTests {

	@Test
	void bindsItsDefaultsUnderAnAppsPrefix() {
		HdfsSettings settings = bind(Map.of());
		assertThat(settings.uri()).isEqualTo("hdfs://localhost:8020");
		assertThat(settings.root()).isEqualTo("/healthmon");
		assertThat(settings.replication()).isEqualTo((short) 3);
		assertThat(settings.properties()).isEmpty();
	}

	@Test
	void bindsAnAppsPropertiesByTheirNames() {
		HdfsSettings settings = bind(
				Map.of("healthmon.ingest.hdfs.uri", "hdfs://namenode:8020", "healthmon.ingest.hdfs.replication", "1",
						"healthmon.ingest.hdfs.properties[ipc.client.connect.timeout]", "2000"));
		assertThat(settings.uri()).isEqualTo("hdfs://namenode:8020");
		assertThat(settings.replication()).isEqualTo((short) 1);
		assertThat(settings.properties()).containsExactly(Map.entry("ipc.client.connect.timeout", "2000"));
	}

	@Test
	void bindsEnvironmentVariablesTheSpringWay() {
		SystemEnvironmentPropertySource env = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("HEALTHMON_INGEST_HDFS_URI", "file:///", "HEALTHMON_INGEST_HDFS_ROOT", "/store"));
		HdfsSettings settings = new Binder(ConfigurationPropertySources.from(env)).bindOrCreate("healthmon.ingest.hdfs",
				HdfsSettings.class);
		assertThat(settings.uri()).isEqualTo("file:///");
		assertThat(settings.root()).isEqualTo("/store");
	}

	@Test
	void itsHadoopSettingsPutThePassThroughPropertiesLast() {
		HdfsSettings settings = new HdfsSettings("hdfs://nn:8020", "/healthmon", (short) 3,
				Map.of("dfs.replication", "1", "ipc.client.connect.max.retries", "2"));
		assertThat(settings.hadoopSettings()).containsEntry("fs.defaultFS", "hdfs://nn:8020")
			.containsEntry("dfs.replication", "1")
			.containsEntry("ipc.client.connect.max.retries", "2")
			.hasSize(3);
	}

	private static HdfsSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("healthmon.ingest.hdfs",
				HdfsSettings.class);
	}

}
