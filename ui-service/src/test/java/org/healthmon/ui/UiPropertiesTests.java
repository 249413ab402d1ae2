package org.healthmon.ui;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's settings: their defaults, and what is refused at start. */
class UiPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void whenNothingIsSetThenTheQueryAndAlertServicesAreTheLocalOnes() {
		this.runner.run((context) -> {
			UiProperties properties = context.getBean(UiProperties.class);
			assertThat(properties.queryUrl()).isEqualTo(URI.create("http://localhost:8083"));
			assertThat(properties.alertsUrl()).isEqualTo(URI.create("http://localhost:8086"));
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.chartPoints()).isEqualTo(120);
			assertThat(properties.staleAfter()).isEqualTo(Duration.ofMinutes(2));
		});
	}

	@Test
	void whenTheQueryAndAlertServicesAreNamedThenThoseAreUsed() {
		this.runner
			.withPropertyValues("healthmon.ui.query-url=http://query-service:8083",
					"healthmon.ui.alerts-url=http://alerts:8086")
			.run((context) -> assertThat(context.getBean(UiProperties.class)).satisfies((properties) -> {
				assertThat(properties.queryUrl()).isEqualTo(URI.create("http://query-service:8083"));
				assertThat(properties.alertsUrl()).isEqualTo(URI.create("http://alerts:8086"));
			}));
	}

	@Test
	void whenChartsWouldHaveTooFewPointsThenTheAppDoesNotStart() {
		this.runner.withPropertyValues("healthmon.ui.chart-points=3")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("chartPoints"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(UiProperties.class)
	static class Settings {

	}

}
