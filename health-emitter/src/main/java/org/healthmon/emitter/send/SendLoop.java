package org.healthmon.emitter.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.PortUnreachableException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.emitter.send.RunSummary.StopReason;
import org.healthmon.emitter.source.MessageSource;
import org.healthmon.model.HealthMessage;
import org.jspecify.annotations.Nullable;

/**
 * One run: takes messages from the source, numbers them per service, encodes and sends
 * them at the schedule's pace until a limit is reached, the source is exhausted or a stop
 * is requested. Runs on one thread; only {@link #requestStop()} may be called from
 * another. Nothing is logged per message: progress every interval, a summary at the end.
 */
final class SendLoop {

	private static final Log log = LogFactory.getLog(SendLoop.class);

	private final MessageSource source;

	private final DatagramEncoder encoder;

	private final UdpSender sender;

	private final PacedSchedule schedule;

	private final SendLimits limits;

	private final long progressIntervalNanos;

	private final LongSupplier nanoTime;

	private final Clock clock;

	private final Map<String, ServiceCounters> services = new HashMap<>();

	private volatile boolean stopRequested;

	private long sent;

	private long failed;

	private @Nullable IOException lastFailure;

	SendLoop(MessageSource source, DatagramEncoder encoder, UdpSender sender, PacedSchedule schedule, SendLimits limits,
			Duration progressInterval, LongSupplier nanoTime, Clock clock) {
		this.source = source;
		this.encoder = encoder;
		this.sender = sender;
		this.schedule = schedule;
		this.limits = limits;
		this.progressIntervalNanos = progressInterval.toNanos();
		this.nanoTime = nanoTime;
		this.clock = clock;
	}

	/** Asks a running loop to stop after its current burst; safe from any thread. */
	void requestStop() {
		this.stopRequested = true;
	}

	/**
	 * Sends until done and logs the summary, also when sending fails.
	 * @return what was sent
	 */
	RunSummary run() {
		log.info("Sending the " + this.source.describe() + " to " + this.sender.target() + " at "
				+ this.schedule.describeRate() + ", stopping " + this.limits.describe());
		long start = this.nanoTime.getAsLong();
		this.schedule.start();
		try {
			RunSummary summary = summary(sendUntilDone(start), start);
			log.info(summary.describe());
			return summary;
		}
		catch (RuntimeException ex) {
			// what was sent before the failure still matters to whoever reads the log
			log.error(summary(StopReason.FAILED, start).describe());
			throw ex;
		}
	}

	private StopReason sendUntilDone(long start) {
		long deadline = this.limits.duration().isZero() ? Long.MAX_VALUE : start + this.limits.duration().toNanos();
		Progress progress = new Progress(start);
		@Nullable StopReason reason = null;
		while (reason == null) {
			reason = stopReason(this.nanoTime.getAsLong(), deadline);
			if (reason == null) {
				reason = sendBurst(this.schedule.acquire());
			}
			progress.logWhenDue(this.nanoTime.getAsLong());
		}
		return reason;
	}

	private @Nullable StopReason stopReason(long now, long deadline) {
		if (this.stopRequested) {
			return StopReason.STOP_REQUESTED;
		}
		if (countReached()) {
			return StopReason.COUNT_REACHED;
		}
		return (now - deadline >= 0) ? StopReason.DURATION_ELAPSED : null;
	}

	private boolean countReached() {
		return this.limits.count() > 0 && this.sent + this.failed >= this.limits.count();
	}

	private @Nullable StopReason sendBurst(int permits) {
		for (int i = 0; i < permits; i++) {
			if (countReached()) {
				return StopReason.COUNT_REACHED;
			}
			if (this.encoder.nextIsBad()) {
				sendBad();
				continue;
			}
			HealthMessage message = this.source.next(this.clock.millis());
			if (message == null) {
				return StopReason.SOURCE_EXHAUSTED;
			}
			send(message);
		}
		return null;
	}

	private void send(HealthMessage unnumbered) {
		ServiceCounters counters = this.services.computeIfAbsent(unnumbered.service(), (name) -> new ServiceCounters());
		if (send(this.encoder.encode(unnumbered.withSeq(counters.nextSeq++)))) {
			counters.sent++;
		}
		else {
			counters.failed++;
		}
	}

	/** A bad datagram: counted in all, not per service. */
	private void sendBad() {
		send(this.encoder.bad(this.clock.millis()));
	}

	/** Sends one datagram; a failure is counted and the loop goes on. */
	private boolean send(byte[] payload) {
		try {
			this.sender.send(payload);
			this.sent++;
			return true;
		}
		catch (ClosedChannelException ex) {
			throw new UncheckedIOException("the UDP channel to " + this.sender.target() + " was closed", ex);
		}
		catch (IOException ex) {
			this.failed++;
			if (this.lastFailure == null) {
				logFirstFailure(ex);
			}
			this.lastFailure = ex;
			return false;
		}
	}

	private void logFirstFailure(IOException ex) {
		if (ex instanceof PortUnreachableException) {
			// the usual case (nobody listens yet), which a stack trace would not explain
			log.warn(this.sender.target() + " refuses datagrams (ICMP port unreachable): is ingest listening there? "
					+ "Further failures are counted in the progress lines");
		}
		else {
			log.warn("Sending to " + this.sender.target()
					+ " failed; further failures are counted in the progress lines", ex);
		}
	}

	private RunSummary summary(StopReason reason, long start) {
		long elapsedNanos = this.nanoTime.getAsLong() - start;
		TreeMap<String, Long> perService = new TreeMap<>();
		this.services.forEach((name, counters) -> perService.put(name, counters.sent));
		return new RunSummary(reason, Duration.ofNanos(elapsedNanos), this.sent, this.failed,
				this.encoder.legacyEncoded(), this.encoder.invalid(), this.source.skipped(), perService);
	}

	/** Logs progress once per interval, with the rate over the last interval. */
	private final class Progress {

		private final long start;

		private long lastAt;

		private long lastSent;

		Progress(long start) {
			this.start = start;
			this.lastAt = start;
		}

		void logWhenDue(long now) {
			if (now - this.lastAt < SendLoop.this.progressIntervalNanos) {
				return;
			}
			long sentNow = SendLoop.this.sent;
			double intervalRate = (sentNow - this.lastSent) / ((now - this.lastAt) / 1e9);
			double overallRate = sentNow / ((now - this.start) / 1e9);
			IOException failure = SendLoop.this.lastFailure;
			log.info(String.format("Progress: sent %d, %.1f msg/s now, %.1f msg/s overall, send errors %d%s", sentNow,
					intervalRate, overallRate, SendLoop.this.failed,
					(failure != null) ? " (last: " + failure + ")" : ""));
			this.lastAt = now;
			this.lastSent = sentNow;
		}

	}

}
