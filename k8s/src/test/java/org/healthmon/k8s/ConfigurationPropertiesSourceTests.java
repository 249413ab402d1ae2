package org.healthmon.k8s;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.healthmon.k8s.ConfigurationPropertiesSource.Kind;
import org.healthmon.k8s.ConfigurationPropertiesSource.Property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConfigurationPropertiesSourceTests {

	@Test
	void componentsBecomeKebabCasePropertiesAndTheirEnvNamesDropTheDashes() {
		Property buffer = new Property("healthmon.ingest.udp.socket-receive-buffer", Kind.VALUE, "4MB");
		assertThat(ConfigurationPropertiesSource.kebab("socketReceiveBuffer")).isEqualTo("socket-receive-buffer");
		assertThat(buffer.envName()).isEqualTo("HEALTHMON_INGEST_UDP_SOCKETRECEIVEBUFFER");
		assertThat(buffer.bindsEnv("HEALTHMON_INGEST_UDP_SOCKETRECEIVEBUFFER")).isTrue();
		assertThat(buffer.bindsEnv("HEALTHMON_INGEST_UDP_SOCKET_RECEIVE_BUFFER")).isFalse();
	}

	@Test
	void mapComponentsBindAnyKeyBelowThem() {
		Property properties = new Property("healthmon.ingest.hdfs.properties", Kind.MAP, null);
		assertThat(properties.bindsEnv("HEALTHMON_INGEST_HDFS_PROPERTIES_DFS_REPLICATION")).isTrue();
		assertThat(properties.binds("healthmon.ingest.hdfs.properties.dfs.client.use.datanode.hostname")).isTrue();
		assertThat(properties.bindsEnv("HEALTHMON_INGEST_HDFS_PROPERTIES")).isFalse();
	}

	@Test
	void splitKeepsAnnotationArgumentsAndGenericsTogether() {
		List<String> parts = ConfigurationPropertiesSource.split(
				"@Pattern(regexp = \"[a,b]{0,62}\", message = \"x, y\") String nodeId, Map<String, String> properties");
		assertThat(parts).hasSize(2);
	}

	@Test
	void ingestPropertiesAreReadFromTheirRecords() {
		List<Property> properties = ConfigurationPropertiesSource.of(Repository.module("ingest-service"));
		assertThat(properties).extracting(Property::name)
			.contains("healthmon.ingest.node-id", "healthmon.ingest.udp.port",
					"healthmon.ingest.udp.socket-receive-buffer", "healthmon.ingest.hdfs.uri",
					"healthmon.ingest.spool.dir", "healthmon.ingest.hdfs.properties");
		assertThat(properties).filteredOn((property) -> property.name().equals("healthmon.ingest.udp.port"))
			.singleElement()
			.extracting(Property::defaultValue)
			.isEqualTo("3500");
	}

	@Test
	void theSharedHdfsSettingsBindUnderEveryAppThatNestsThem() {
		for (String app : List.of("ingest", "batch", "speed", "query")) {
			List<Property> properties = ConfigurationPropertiesSource.of(Repository.module(app + "-service"));
			assertThat(properties).filteredOn((property) -> property.name().startsWith("healthmon." + app + ".hdfs."))
				.extracting(Property::name, Property::defaultValue)
				.containsExactlyInAnyOrder(tuple("healthmon." + app + ".hdfs.uri", "hdfs://localhost:8020"),
						tuple("healthmon." + app + ".hdfs.root", "/healthmon"),
						tuple("healthmon." + app + ".hdfs.replication", "3"),
						tuple("healthmon." + app + ".hdfs.properties", null));
		}
	}

	@Test
	void emitterPropertiesAreReadFromTheirRecords() {
		assertThat(ConfigurationPropertiesSource.of(Repository.module("health-emitter"))).extracting(Property::name)
			.contains("healthmon.emitter.mode", "healthmon.emitter.target.host", "healthmon.emitter.target.port",
					"healthmon.emitter.rate-per-service", "healthmon.emitter.replay.file");
	}

}
