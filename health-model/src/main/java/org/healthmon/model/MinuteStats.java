package org.healthmon.model;

/**
 * One row of a batch or realtime view: the messages of one service in one event minute
 * (docs/architecture.md §6). Rows of the same key merge with {@link #merge}, the one
 * implementation used by MapReduce, Spark, incremental updates and the query stitch.
 *
 * @param service the service name
 * @param minute start of the event minute, epoch ms (UTC)
 * @param count number of messages
 * @param cpu CPU stats
 * @param ram RAM-in-use stats
 * @param disk disk-in-use stats
 */
public record MinuteStats(String service, long minute, long count, ResourceStats cpu, ResourceStats ram,
		ResourceStats disk) {

	public static final long MINUTE_MS = 60_000L;

	/** The stats of a single message. */
	public static MinuteStats of(HealthMessage m) {
		long t = m.eventTimeMs();
		return new MinuteStats(m.service(), minuteOf(t), 1, ResourceStats.of(m.cpuPct(), t),
				ResourceStats.of(m.ramPct(), t), ResourceStats.of(m.diskPct(), t));
	}

	/** The start of the minute an epoch-ms instant falls in. */
	public static long minuteOf(long epochMs) {
		return Math.floorDiv(epochMs, MINUTE_MS) * MINUTE_MS;
	}

	/** Merges two rows of the same (service, minute). */
	public MinuteStats merge(MinuteStats other) {
		if (this.minute != other.minute || !this.service.equals(other.service)) {
			throw new IllegalArgumentException("cannot merge rows of different keys: (" + this.service + ", "
					+ this.minute + ") and (" + other.service + ", " + other.minute + ")");
		}
		return new MinuteStats(this.service, this.minute, Math.addExact(this.count, other.count),
				this.cpu.merge(other.cpu), this.ram.merge(other.ram), this.disk.merge(other.disk));
	}

}
