package org.healthmon.ingest.udp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.ErrorMessage;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DatagramFailuresTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final DatagramFailures failures = new DatagramFailures(new IngestCounters(this.registry), new Clock() {

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(DatagramFailuresTests.this.now.get());
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	});

	@Test
	void whenEveryDatagramFailsThenEachIsCountedButTheLogIsRateLimited(CapturedOutput output) {
		for (int i = 0; i < 5; i++) {
			this.failures.handleMessage(failure("store refused write " + i));
		}
		this.now.addAndGet(10_000);
		this.failures.handleMessage(failure("store refused write 5"));

		assertThat(this.registry.get("healthmon.ingest.failed").counter().count()).isEqualTo(6);
		assertThat(output).contains("Failed to handle a datagram from 10.1.2.3:4567")
			.contains("store refused write 0")
			.doesNotContain("store refused write 1")
			.contains("store refused write 5")
			.contains("4 more failures in the last 10 s");
	}

	private static ErrorMessage failure(String why) {
		var failed = MessageBuilder.withPayload(new byte[0])
			.setHeader(IpHeaders.IP_ADDRESS, "10.1.2.3")
			.setHeader(IpHeaders.PORT, 4567)
			.build();
		return new ErrorMessage(new MessageHandlingException(failed, why));
	}

}
