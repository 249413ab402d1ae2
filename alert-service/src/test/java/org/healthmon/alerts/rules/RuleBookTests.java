package org.healthmon.alerts.rules;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.healthmon.alerts.AlertProperties;
import org.healthmon.alerts.support.TestAlerts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RuleBookTests {

	private static final URI QUERY = URI.create("http://localhost:1");

	@Test
	void theDefaultsAreEightyPercentForTwoMinutesWithAFivePointMargin() {
		Limits limits = new RuleBook(TestAlerts.properties(Path.of("s"), QUERY)).limits("checkout", Resource.RAM);
		assertThat(limits).isEqualTo(new Limits(true, 80, 2, 5, 2, 30, 15, 5));
	}

	@Test
	void overridesApplyInOrderToTheServicesTheirPatternMatches() {
		RuleBook rules = new RuleBook(TestAlerts.properties(Path.of("s"), QUERY,
				new AlertProperties.Override("batch-*", null, null, 95.0, Duration.ofMinutes(10), null, null),
				new AlertProperties.Override("batch-?", Resource.DISK, false, null, null, null, null)));
		assertThat(rules.limits("batch-nightly", Resource.CPU).threshold()).isEqualTo(95);
		assertThat(rules.limits("batch-nightly", Resource.CPU).forMinutes()).isEqualTo(10);
		assertThat(rules.limits("batch-nightly", Resource.DISK).enabled()).isTrue();
		assertThat(rules.limits("batch-1", Resource.DISK).enabled()).isFalse();
		assertThat(rules.limits("batch-1", Resource.CPU).enabled()).isTrue();
		assertThat(rules.limits("checkout", Resource.CPU).threshold()).isEqualTo(80);
		assertThat(rules.limits("batch.x", Resource.CPU).threshold()).as("only * and ? are special").isEqualTo(80);
		assertThat(new RuleBook(TestAlerts.properties(Path.of("s"), QUERY,
				new AlertProperties.Override("a.c", null, null, 90.0, null, null, null)))
			.limits("abc", Resource.CPU)
			.threshold()).isEqualTo(80);
	}

	@Test
	void aWrongSettingStopsTheStartWithAMessageNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleBook(TestAlerts.properties(Path.of("s"), QUERY,
					new AlertProperties.Override("x*", Resource.CPU, null, 120.0, null, null, null))))
			.withMessageContaining("healthmon.alerts.overrides[0].")
			.withMessageContaining("threshold must be in (0, 100], was 120.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleBook(TestAlerts.properties(Path.of("s"), QUERY,
					new AlertProperties.Override("x*", null, null, null, Duration.ofSeconds(90), null, null))))
			.withMessageContaining("healthmon.alerts.overrides[0].for must be a whole number of minutes")
			.withMessageContaining("PT1M30S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleBook(TestAlerts.properties(Path.of("s"), QUERY,
					new AlertProperties.Override("x*", null, null, 10.0, null, 20.0, null))))
			.withMessageContaining("clear-margin must be in [0, threshold)");
	}

}
