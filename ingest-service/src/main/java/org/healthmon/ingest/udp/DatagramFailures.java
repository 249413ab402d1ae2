package org.healthmon.ingest.udp;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;

/**
 * The flow's error handler: one datagram whose handling failed unexpectedly is counted
 * and logged, and the adapter goes on with the next. The log is rate-limited, because a
 * failure that hits every datagram (a store refusing writes, say) would otherwise write
 * one stack trace per datagram.
 */
class DatagramFailures implements MessageHandler {

	private static final Log log = LogFactory.getLog(DatagramFailures.class);

	private static final long LOG_INTERVAL_MS = 10_000;

	private final IngestCounters counters;

	private final Clock clock;

	private final AtomicLong nextLogAtMs = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong suppressed = new AtomicLong();

	DatagramFailures(IngestCounters counters, Clock clock) {
		this.counters = counters;
		this.clock = clock;
	}

	@Override
	public void handleMessage(Message<?> errorMessage) {
		this.counters.failed();
		Object payload = errorMessage.getPayload();
		Throwable failure = (payload instanceof Throwable throwable) ? throwable : null;
		long now = this.clock.millis();
		long next = this.nextLogAtMs.get();
		if (now < next || !this.nextLogAtMs.compareAndSet(next, now + LOG_INTERVAL_MS)) {
			this.suppressed.incrementAndGet();
			return;
		}
		long more = this.suppressed.getAndSet(0);
		log.error("Failed to handle a datagram" + from(failure)
				+ ((more > 0) ? " (" + more + " more failures in the last " + LOG_INTERVAL_MS / 1000 + " s)" : ""),
				failure);
	}

	private static String from(Throwable failure) {
		if (failure instanceof MessagingException ex && ex.getFailedMessage() != null) {
			// every message of the flow carries the adapter's headers
			MessageHeaders headers = ex.getFailedMessage().getHeaders();
			return " from " + headers.get(IpHeaders.IP_ADDRESS) + ":" + headers.get(IpHeaders.PORT);
		}
		return "";
	}

}
