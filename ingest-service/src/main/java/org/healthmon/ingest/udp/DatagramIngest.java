package org.healthmon.ingest.udp;

import org.healthmon.ingest.catalog.LiveCatalog;
import org.healthmon.ingest.store.RawStore;
import org.healthmon.ingest.store.RejectedStore;
import org.healthmon.model.RejectReason;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * What happens to one datagram, in order: decode and validate, then either count it as
 * rejected with its reason (the rejected store keeps a sample), or let the catalog admit
 * it (a repeated {@code seq} is dropped there; a new service while the catalog is full is
 * rejected there, before the raw store, so that the store and the catalog agree) and
 * store it. One plain handler rather than a chain of flow steps: each step would build
 * another message with its headers and id for every datagram, which at 100,000 datagrams
 * a second costs more than the work itself.
 */
class DatagramIngest implements MessageHandler {

	private final DatagramDecoder decoder;

	private final LiveCatalog catalog;

	private final RawStore rawStore;

	private final RejectedStore rejectedStore;

	private final IngestCounters counters;

	DatagramIngest(DatagramDecoder decoder, LiveCatalog catalog, RawStore rawStore, RejectedStore rejectedStore,
			IngestCounters counters) {
		this.decoder = decoder;
		this.catalog = catalog;
		this.rawStore = rawStore;
		this.rejectedStore = rejectedStore;
		this.counters = counters;
	}

	@Override
	public void handleMessage(Message<?> message) {
		this.counters.received();
		Decoded decoded = this.decoder.decode(Datagram.of(message));
		if (!decoded.accepted()) {
			reject(decoded, decoded.rejected().reason());
			return;
		}
		switch (this.catalog.admit(decoded.message(), decoded.arrivalTimeMs())) {
			case ACCEPTED -> {
				this.rawStore.append(decoded.rawRecord());
				this.counters.accepted();
			}
			case DUPLICATE -> this.counters.duplicate();
			case TOO_MANY_SERVICES -> reject(decoded, RejectReason.TOO_MANY_SERVICES);
		}
	}

	/**
	 * Counts a rejection by its reason, and offers it to the rejected store, which keeps
	 * a sample within its budget: nothing here builds text, and nothing waits.
	 */
	private void reject(Decoded decoded, RejectReason reason) {
		this.counters.rejected(reason);
		Datagram datagram = decoded.datagram();
		this.rejectedStore.offer(reason, datagram.arrivalTimeMs(), datagram.payload(), datagram::sender);
	}

}
