package org.healthmon.emitter.source;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MessageRules;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads this machine for real: the values vary, so only their validity is asserted. */
class HostMetricsSourceTests {

	private final HostMetricsSource source = new HostMetricsSource("this-host", new SystemInfo());

	@Test
	void whenReadingThisHostThenTheMessageIsValid() {
		HealthMessage message = this.source.next(System.currentTimeMillis());
		assertThat(MessageRules.check(message)).isInstanceOf(DecodeResult.Accepted.class);
		assertThat(message.service()).isEqualTo("this-host");
		assertThat(message.ramTotalGb()).isPositive();
		assertThat(message.diskTotalGb()).isPositive();
	}

	@Test
	void whenAskedAgainWithinTheSampleIntervalThenTheReadingIsReusedWithTheNewTime() {
		long now = System.currentTimeMillis();
		HealthMessage first = this.source.next(now);
		HealthMessage second = this.source.next(now + 10);
		assertThat(second.eventTimeMs()).isEqualTo(now + 10);
		assertThat(second.cpuPct()).isEqualTo(first.cpuPct());
		assertThat(second.ramFreeGb()).isEqualTo(first.ramFreeGb());
	}

}
