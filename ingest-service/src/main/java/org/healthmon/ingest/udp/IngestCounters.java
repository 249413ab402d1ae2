package org.healthmon.ingest.udp;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.healthmon.model.RejectReason;

/**
 * What happened to the datagrams received. Every datagram ends in exactly one of
 * accepted, rejected (by reason), duplicate or failed, so
 * {@code received = accepted + rejected + duplicates + failed} once the flow is idle.
 */
class IngestCounters {

	private final Counter received;

	private final Counter accepted;

	private final Counter duplicates;

	private final Counter failed;

	private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);

	IngestCounters(MeterRegistry registry) {
		this.received = Counter.builder("healthmon.ingest.received")
			.description("Datagrams received on the UDP socket")
			.register(registry);
		this.accepted = Counter.builder("healthmon.ingest.accepted")
			.description("Valid messages handed to the raw store")
			.register(registry);
		this.duplicates = Counter.builder("healthmon.ingest.duplicates")
			.description("Datagrams dropped as repeats of an already accepted seq")
			.register(registry);
		this.failed = Counter.builder("healthmon.ingest.failed")
			.description("Datagrams whose handling failed unexpectedly (see the log)")
			.register(registry);
		// every reason from the start, so a dashboard sees zeros rather than gaps
		for (RejectReason reason : RejectReason.values()) {
			this.rejected.put(reason,
					Counter.builder("healthmon.ingest.rejected")
						.description("Invalid datagrams, kept in the rejected store")
						.tag("reason", reason.tag())
						.register(registry));
		}
	}

	void received() {
		this.received.increment();
	}

	void accepted() {
		this.accepted.increment();
	}

	void rejected(RejectReason reason) {
		this.rejected.get(reason).increment();
	}

	void duplicate() {
		this.duplicates.increment();
	}

	void failed() {
		this.failed.increment();
	}

}
