package org.healthmon.ingest.udp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.integration.ip.udp.UdpServerListeningEvent;
import org.springframework.integration.ip.udp.inbound.UnicastReceivingChannelAdapter;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class UdpSocketMonitorTests {

	@Test
	void whenTheKernelGrantsLessBufferThanAskedThenTheLogSaysWhichLimitToRaise(CapturedOutput output) {
		// far above any net.core.rmem_max a test machine has
		int asked = Integer.MAX_VALUE / 2;
		UdpSocketMonitor monitor = new UdpSocketMonitor(asked);
		UnicastReceivingChannelAdapter adapter = new UnicastReceivingChannelAdapter(0);
		adapter.setSoReceiveBufferSize(asked);
		try {
			int port = adapter.getSocket().getLocalPort();

			monitor.onApplicationEvent(new UdpServerListeningEvent(adapter, port));

			assertThat(monitor.port()).isEqualTo(port).isPositive();
			assertThat(monitor.grantedBufferBytes()).isPositive().isLessThan(asked);
			assertThat(output).contains("granted a UDP receive buffer of " + monitor.grantedBufferBytes())
				.contains("net.core.rmem_max");
			// the adapter was never started: bound, but nobody reads the socket
			assertThat(monitor.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(monitor.health().getDetails()).containsEntry("port", port)
				.containsEntry("grantedReceiveBufferBytes", monitor.grantedBufferBytes());
		}
		finally {
			adapter.getSocket().close();
		}
	}

	@Test
	void whenNoSocketIsBoundYetThenUdpIsDown() {
		UdpSocketMonitor monitor = new UdpSocketMonitor(4 << 20);

		assertThat(monitor.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(monitor.port()).isEqualTo(-1);
	}

}
