package org.healthmon.emitter.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNamesTests {

	@Test
	void whenHostNameIsValidThenItIsKept() {
		assertThat(ServiceNames.sanitise("web-01.prod_eu")).isEqualTo("web-01.prod_eu");
	}

	@Test
	void whenHostNameHasOtherCharactersThenTheyBecomeDashes() {
		assertThat(ServiceNames.sanitise("my host:ä/1")).isEqualTo("my-host---1");
	}

	@Test
	void whenHostNameIsTooLongOrEmptyThenItIsCutOrReplaced() {
		assertThat(ServiceNames.sanitise("h".repeat(100))).hasSize(64);
		assertThat(ServiceNames.sanitise("")).isEqualTo("host");
	}

}
