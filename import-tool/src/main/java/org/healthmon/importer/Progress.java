package org.healthmon.importer;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The progress line of a long import, every {@code progress-interval}: records so far,
 * share of the input bytes read, records per second, time left (from the bytes), and
 * records rejected so far.
 */
final class Progress {

	private static final Log log = LogFactory.getLog(Progress.class);

	private final long totalBytes;

	private final long intervalMs;

	private final Clock clock;

	private final long startMs;

	private long nextMs;

	Progress(long totalBytes, Duration interval, Clock clock) {
		this.totalBytes = totalBytes;
		this.intervalMs = interval.toMillis();
		this.clock = clock;
		this.startMs = clock.millis();
		this.nextMs = this.startMs + this.intervalMs;
	}

	/** Logs the progress line when the interval has passed since the last one. */
	synchronized void maybeLog(long records, long rejected, long bytes) {
		if (this.clock.millis() >= this.nextMs) {
			log(records, rejected, bytes);
		}
	}

	synchronized void log(long records, long rejected, long bytes) {
		long now = this.clock.millis();
		this.nextMs = now + this.intervalMs;
		log.info(line(records, rejected, bytes, now - this.startMs));
	}

	String line(long records, long rejected, long bytes, long elapsedMs) {
		double share = (this.totalBytes > 0) ? Math.min(1.0, (double) bytes / this.totalBytes) : 1.0;
		long rate = (elapsedMs > 0) ? records * 1000 / elapsedMs : 0;
		String eta = (share > 0) ? duration((long) (elapsedMs * (1 - share) / share)) : "?";
		return String.format(Locale.ROOT, "%,d records (%.1f %%), %,d records/s, ETA %s, rejected %,d", records,
				share * 100, rate, eta, rejected);
	}

	/** A duration as {@code h:mm:ss} or {@code m:ss}. */
	static String duration(long ms) {
		long s = Math.round(ms / 1000.0);
		return (s >= 3600) ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
				: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

}
