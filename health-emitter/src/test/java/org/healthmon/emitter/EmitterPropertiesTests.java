package org.healthmon.emitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.healthmon.emitter.EmitterProperties.Mode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class EmitterPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void whenNothingIsSetThenTheDefaultsApply() {
		this.runner.run((context) -> {
			EmitterProperties properties = context.getBean(EmitterProperties.class);
			assertThat(properties.mode()).isEqualTo(Mode.SIMULATE);
			assertThat(properties.target().host()).isEqualTo("localhost");
			assertThat(properties.target().port()).isEqualTo(3500);
			assertThat(properties.target().sendBuffer()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(properties.services()).isEqualTo(4);
			assertThat(properties.ratePerService()).isEqualTo(1.0);
			assertThat(properties.count()).isZero();
			assertThat(properties.duration()).isZero();
			assertThat(properties.seed()).isEqualTo(42);
			assertThat(properties.legacyFraction()).isZero();
			assertThat(properties.progressInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.totalRate()).isEqualTo(4.0);
		});
	}

	@Test
	void whenApplicationYamlIsReadThenItStatesTheSameDefaults() throws IOException {
		PropertySource<?> yaml = new YamlPropertySourceLoader()
			.load("application.yaml", new ClassPathResource("application.yaml"))
			.get(0);
		ApplicationContextRunner withYaml = this.runner
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(yaml));
		withYaml
			.run((fromYaml) -> this.runner.run((fromDefaults) -> assertThat(fromYaml.getBean(EmitterProperties.class))
				.isEqualTo(fromDefaults.getBean(EmitterProperties.class))));
	}

	@Test
	void whenEnvironmentVariablesAreSetThenTheyOverride() {
		Map<String, Object> env = Map.of("HEALTHMON_EMITTER_RATE_PER_SERVICE", "250", "HEALTHMON_EMITTER_TARGET_HOST",
				"ingest", "HEALTHMON_EMITTER_MODE", "replay", "HEALTHMON_EMITTER_REPLAY_FILE", "/data/raw.csv",
				"HEALTHMON_EMITTER_REPLAY_RATE", "0");
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", env)))
			.run((context) -> {
				EmitterProperties properties = context.getBean(EmitterProperties.class);
				assertThat(properties.ratePerService()).isEqualTo(250.0);
				assertThat(properties.target().host()).isEqualTo("ingest");
				assertThat(properties.mode()).isEqualTo(Mode.REPLAY);
				assertThat(properties.replay().file()).isEqualTo("/data/raw.csv");
				assertThat(properties.totalRate()).isZero();
			});
	}

	@Test
	void whenRatesAndServicesAreSetThenTotalRateFollowsTheMode() {
		this.runner.withPropertyValues("healthmon.emitter.services=10", "healthmon.emitter.rate-per-service=2.5")
			.run((context) -> assertThat(context.getBean(EmitterProperties.class).totalRate()).isEqualTo(25.0));
		this.runner
			.withPropertyValues("healthmon.emitter.mode=host", "healthmon.emitter.services=10",
					"healthmon.emitter.rate-per-service=2.5")
			.run((context) -> assertThat(context.getBean(EmitterProperties.class).totalRate()).isEqualTo(2.5));
	}

	@Test
	void whenValuesAreOutOfRangeThenStartupFailsNamingThem() {
		assertStartupFails("healthmon.emitter.legacy-fraction=1.5", "legacyFraction");
		assertStartupFails("healthmon.emitter.target.port=0", "target.port");
		assertStartupFails("healthmon.emitter.rate-per-service=-1", "ratePerService");
		assertStartupFails("healthmon.emitter.services=0", "services");
		assertStartupFails("healthmon.emitter.service-prefix=bad name", "servicePrefix");
		assertStartupFails("healthmon.emitter.duration=-5s", "duration must not be negative");
		assertStartupFails("healthmon.emitter.mode=replay", "replay.file is required");
	}

	private void assertStartupFails(String property, String expected) {
		this.runner.withPropertyValues(property)
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining(expected));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmitterProperties.class)
	static class Config {

	}

}
