package org.healthmon.ingest.udp;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.healthmon.ingest.IngestProperties;
import org.healthmon.ingest.catalog.LiveCatalog;
import org.healthmon.ingest.store.RawStore;
import org.healthmon.ingest.store.RejectedStore;

import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.udp.inbound.UnicastReceivingChannelAdapter;
import org.springframework.messaging.MessageChannel;
import org.springframework.util.IdGenerator;
import org.springframework.util.SimpleIdGenerator;

/**
 * The receive path: UDP datagram → decode and validate → catalog → raw store, with
 * rejected datagrams kept by reason beside it.
 */
@Configuration(proxyBeanMethods = false)
class UdpIngestConfiguration {

	/**
	 * The receive path, top to bottom: the UDP adapter (port 3500, no reverse lookups, a
	 * packet buffer one byte over the limit so oversized datagrams show), then each
	 * datagram decoded, catalogued and stored, or kept as rejected. By default each
	 * datagram runs to its end on the receive thread, so the only buffers are the
	 * kernel's socket buffer and the store's bounded buffer; with receive threads they
	 * run in parallel, out of arrival order, which the catalog's seq tracking allows for.
	 */
	@Bean
	IntegrationFlow udpIngestFlow(UnicastReceivingChannelAdapter udpInboundAdapter, IngestProperties properties,
			LiveCatalog catalog, RawStore rawStore, RejectedStore rejectedStore, IngestCounters counters) {
		DatagramDecoder decoder = new DatagramDecoder(properties.udp().maxDatagramBytes(), properties.legacyCpuUnit(),
				properties.arrivalWindow());
		return IntegrationFlow.from(udpInboundAdapter)
			.handle(new DatagramIngest(decoder, catalog, rawStore, rejectedStore, counters))
			.get();
	}

	@Bean
	UnicastReceivingChannelAdapter udpInboundAdapter(IngestProperties properties, ReceivePool receivePool,
			MessageChannel udpIngestErrors) {
		IngestProperties.Udp udp = properties.udp();
		UnicastReceivingChannelAdapter adapter = new ReusingPacketUdpAdapter(udp.port(),
				receivePool.handlesOnReceiveThread());
		adapter.setSoReceiveBufferSize(Math.toIntExact(udp.socketReceiveBuffer().toBytes()));
		adapter.setReceiveBufferSize(DatagramDecoder.packetBufferSize(udp.maxDatagramBytes()));
		adapter.setLookupHost(false);
		adapter.setTaskExecutor(receivePool);
		// a datagram that fails is counted and logged; the adapter goes on
		adapter.setErrorChannel(udpIngestErrors);
		if (!udp.bindAddress().isBlank()) {
			adapter.setLocalAddress(udp.bindAddress());
		}
		return adapter;
	}

	/**
	 * Message ids from a counter: Spring Integration gives every datagram's message an
	 * id, and the default random UUIDs cost more than the rest of the message.
	 */
	@Bean
	IdGenerator integrationIdGenerator() {
		return new SimpleIdGenerator();
	}

	@Bean
	ReceivePool udpReceivePool(IngestProperties properties, LifecycleProperties lifecycle) {
		return new ReceivePool(properties.udp().receiveThreads(), lifecycle.getTimeoutPerShutdownPhase());
	}

	@Bean
	IngestCounters ingestCounters(MeterRegistry registry) {
		return new IngestCounters(registry);
	}

	@Bean
	MessageChannel udpIngestErrors(IngestCounters counters) {
		DirectChannel errors = new DirectChannel();
		errors.subscribe(new DatagramFailures(counters, Clock.systemUTC()));
		return errors;
	}

	@Bean
	UdpSocketMonitor udpSocketMonitor(IngestProperties properties) {
		return new UdpSocketMonitor(Math.toIntExact(properties.udp().socketReceiveBuffer().toBytes()));
	}

	@Bean
	HealthIndicator udpHealthIndicator(UdpSocketMonitor monitor) {
		return monitor::health;
	}

	@Bean
	MeterBinder udpMetrics(UdpSocketMonitor monitor, ReceivePool pool) {
		return (registry) -> {
			Gauge.builder("healthmon.ingest.udp.receive.buffer", monitor, UdpSocketMonitor::grantedBufferBytes)
				.description("Socket receive buffer granted by the kernel (SO_RCVBUF)")
				.baseUnit("bytes")
				.register(registry);
			Gauge.builder("healthmon.ingest.udp.queued", pool, ReceivePool::queued)
				.description("Received datagrams waiting for a receive thread")
				.register(registry);
		};
	}

}
