package org.healthmon.model;

/**
 * One health report of one service, as accepted by ingest (docs/architecture.md §3).
 *
 * <p>
 * Sizes are in GB, {@code cpuPct} is a percentage 0–100, {@code eventTimeMs} is the
 * sender's time in epoch milliseconds (UTC). {@code seq} is the sender's per-service
 * counter, or {@link #NO_SEQ} when the sender does not number its messages. Instances are
 * only made valid: see {@link MessageRules}.
 *
 * @param service the service name, 1–64 chars of {@code [A-Za-z0-9._-]}
 * @param eventTimeMs when the sender measured, epoch milliseconds
 * @param cpuPct CPU use in percent
 * @param ramTotalGb total RAM in GB
 * @param ramFreeGb free RAM in GB
 * @param diskTotalGb total disk in GB
 * @param diskFreeGb free disk in GB
 * @param seq the sender's sequence number, or {@link #NO_SEQ}
 */
public record HealthMessage(String service, long eventTimeMs, double cpuPct, double ramTotalGb, double ramFreeGb,
		double diskTotalGb, double diskFreeGb, long seq) {

	/** The {@code seq} of a message whose sender does not number its messages. */
	public static final long NO_SEQ = -1;

	public boolean hasSeq() {
		return this.seq != NO_SEQ;
	}

	/** RAM in use, percent of total. */
	public double ramPct() {
		return usedPct(this.ramTotalGb, this.ramFreeGb);
	}

	/** Disk in use, percent of total. */
	public double diskPct() {
		return usedPct(this.diskTotalGb, this.diskFreeGb);
	}

	/** The same message with another sequence number. */
	public HealthMessage withSeq(long newSeq) {
		return new HealthMessage(this.service, this.eventTimeMs, this.cpuPct, this.ramTotalGb, this.ramFreeGb,
				this.diskTotalGb, this.diskFreeGb, newSeq);
	}

	static double usedPct(double total, double free) {
		return (total - free) / total * 100.0;
	}

}
