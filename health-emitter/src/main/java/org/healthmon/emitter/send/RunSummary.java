package org.healthmon.emitter.send;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one run did, for the final log lines and for tests.
 *
 * @param stopReason why the run ended
 * @param elapsed how long it sent
 * @param sent datagrams handed to the network
 * @param failed datagrams whose send failed
 * @param legacy datagrams encoded in the legacy shape
 * @param invalid bad datagrams sent on purpose ({@code invalid-fraction}), among
 * {@code sent}
 * @param skipped input the source could not read (bad replay lines)
 * @param sentPerService datagrams sent per service, by name
 */
public record RunSummary(StopReason stopReason, Duration elapsed, long sent, long failed, long legacy, long invalid,
		long skipped, SortedMap<String, Long> sentPerService) {

	/** Services listed one by one in the log; beyond this only their spread. */
	private static final int SERVICES_LISTED = 20;

	/** Why a run ended. */
	public enum StopReason {

		COUNT_REACHED("count reached"), DURATION_ELAPSED("duration elapsed"), SOURCE_EXHAUSTED("input exhausted"),
		STOP_REQUESTED("stop requested"), FAILED("failed");

		private final String text;

		StopReason(String text) {
			this.text = text;
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

	/** Average datagrams per second over the run. */
	public double averageRate() {
		double seconds = this.elapsed.toNanos() / 1e9;
		return (seconds > 0) ? this.sent / seconds : 0;
	}

	/** The summary as log text: a headline, then the count of each service. */
	String describe() {
		StringBuilder text = new StringBuilder(256);
		text.append(String.format(
				"Emitter finished (%s) after %.3f s: sent %d datagrams from %d services, "
						+ "average %.1f msg/s, send errors %d, legacy shape %d, invalid %d, skipped input %d",
				this.stopReason, this.elapsed.toNanos() / 1e9, this.sent, this.sentPerService.size(), averageRate(),
				this.failed, this.legacy, this.invalid, this.skipped));
		int listed = 0;
		for (Map.Entry<String, Long> service : this.sentPerService.entrySet()) {
			if (listed++ == SERVICES_LISTED) {
				break;
			}
			text.append(System.lineSeparator()).append("  ").append(service.getKey()).append(": ");
			text.append(service.getValue());
		}
		if (this.sentPerService.size() > SERVICES_LISTED) {
			long min = this.sentPerService.values().stream().mapToLong(Long::longValue).min().orElse(0);
			long max = this.sentPerService.values().stream().mapToLong(Long::longValue).max().orElse(0);
			text.append(System.lineSeparator())
				.append(String.format("  ... and %d more services (each sent %d to %d)",
						this.sentPerService.size() - SERVICES_LISTED, min, max));
		}
		return text.toString();
	}

}
