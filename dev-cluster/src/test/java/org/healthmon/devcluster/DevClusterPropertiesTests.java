package org.healthmon.devcluster;

import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DevClusterPropertiesTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void whenDefaultsThenValid() {
		assertThat(this.validator.validate(properties(9900, 4, 3))).isEmpty();
	}

	@Test
	void whenReplicationExceedsDataNodesThenInvalid() {
		assertThat(this.validator.validate(properties(9900, 2, 3))).extracting((violation) -> violation.getMessage())
			.containsExactly("replication must not exceed the number of datanodes");
	}

	@Test
	void whenBasePortIsSetThenEachDataNodeHasItsOwnFourPorts() {
		DevClusterProperties properties = properties(9900, 4, 3);
		assertThat(properties.dataNodePorts(0)).containsExactly(9900, 9901, 9902, 9903);
		assertThat(properties.dataNodePorts(3)).containsExactly(9930, 9931, 9932, 9933);
	}

	@Test
	void whenBasePortIsZeroThenAllDataNodePortsAreFree() {
		assertThat(properties(0, 4, 3).dataNodePorts(2)).containsExactly(0, 0, 0, 0);
	}

	private static DevClusterProperties properties(int dataNodeBasePort, int dataNodes, int replication) {
		return new DevClusterProperties(Path.of("var/hdfs"), 8020, 9870, dataNodeBasePort, dataNodes, replication);
	}

}
