package org.healthmon.batch.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchRunnerTests {

	@Test
	void whenADirectoryIsAVersionThenItsNumberIsRead() {
		assertThat(BatchRunner.versionOf("v000000000042")).isEqualTo(42);
		assertThat(BatchRunner.versionOf("_tmp-v42-x")).isEqualTo(-1);
		assertThat(BatchRunner.versionOf("v42")).isEqualTo(-1);
		assertThat(BatchRunner.versionOf("vxxxxxxxxxxxx")).isEqualTo(-1);
	}

}
