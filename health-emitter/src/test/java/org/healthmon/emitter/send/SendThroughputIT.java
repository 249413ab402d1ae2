package org.healthmon.emitter.send;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.healthmon.emitter.EmitterApplication;
import org.healthmon.emitter.UdpTestReceiver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the rate the whole application offers at full speed, to a socket on loopback
 * that a second thread drains. Prints the numbers; asserts no speed, so that a slow or
 * busy machine cannot fail the build. Run it alone with
 * {@code mvn -pl health-emitter verify -Dit.test=SendThroughputIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SendThroughputIT {

	private static final int COUNT = 1_000_000;

	@Test
	void whenRateIsZeroThenItSendsAsFastAsItCanAndReportsTheRate() throws Exception {
		try (UdpTestReceiver receiver = UdpTestReceiver.counting();
				ConfigurableApplicationContext context = SpringApplication.run(EmitterApplication.class,
						"--healthmon.emitter.target.host=127.0.0.1",
						"--healthmon.emitter.target.port=" + receiver.port(), "--healthmon.emitter.services=100",
						"--healthmon.emitter.rate-per-service=0", "--healthmon.emitter.count=" + COUNT,
						"--healthmon.emitter.target.send-buffer=4MB")) {
			RunSummary summary = context.getBean(EmitterRunner.class).summary();
			assertThat(summary).isNotNull();
			assertThat(summary.sent() + summary.failed()).isEqualTo(COUNT);
			// what the receiving thread got: it shares 2 cores with the sender
			long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			long received = receiver.count();
			while (received < summary.sent() && System.nanoTime() < deadline) {
				LockSupport.parkNanos(1_000_000);
				received = receiver.count();
			}
			System.out.printf("THROUGHPUT: sent %d datagrams in %.3f s = %.0f msg/s offered; received %d (%.1f%%)%n",
					summary.sent(), summary.elapsed().toNanos() / 1e9, summary.averageRate(), received,
					100.0 * received / summary.sent());
		}
	}

}
