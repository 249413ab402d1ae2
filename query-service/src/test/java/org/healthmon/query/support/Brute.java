package org.healthmon.query.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.healthmon.model.FixedPercent;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MinuteStats;

/**
 * The brute-force aggregate the API's answers are compared with: a plain loop over every
 * message, no view, no merge rule.
 */
public final class Brute {

	private Brute() {
	}

	/** Per service, the messages with an event minute in {@code [fromMs, toMs)}. */
	public static Map<String, Expected> analytics(Collection<HealthMessage> messages, long fromMs, long toMs) {
		Map<String, Expected> byService = new TreeMap<>();
		for (HealthMessage m : messages) {
			long minute = MinuteStats.minuteOf(m.eventTimeMs());
			if (minute >= fromMs && minute < toMs) {
				byService.computeIfAbsent(m.service(), Expected::new).add(m);
			}
		}
		return byService;
	}

	/** The views' rows of the messages: one row per (service, minute). */
	public static List<MinuteStats> rows(Collection<HealthMessage> messages) {
		Map<String, MinuteStats> rows = new TreeMap<>();
		for (HealthMessage m : messages) {
			rows.merge(m.service() + "\u0000" + MinuteStats.minuteOf(m.eventTimeMs()), MinuteStats.of(m),
					MinuteStats::merge);
		}
		return new ArrayList<>(rows.values());
	}

	/** One service's expected answer. */
	public static final class Expected {

		public final String service;

		public long count;

		public final Peak cpu = new Peak();

		public final Peak ram = new Peak();

		public final Peak disk = new Peak();

		Expected(String service) {
			this.service = service;
		}

		void add(HealthMessage m) {
			this.count++;
			this.cpu.add(m.cpuPct(), m.eventTimeMs());
			this.ram.add(m.ramPct(), m.eventTimeMs());
			this.disk.add(m.diskPct(), m.eventTimeMs());
		}

	}

	/** Sum, peak and the earliest time of the peak, over fixed-point percentages. */
	public static final class Peak {

		public java.math.BigInteger sum = java.math.BigInteger.ZERO;

		public long max = Long.MIN_VALUE;

		public long maxAt;

		void add(double percent, long at) {
			long fixed = FixedPercent.of(percent);
			this.sum = this.sum.add(java.math.BigInteger.valueOf(fixed));
			if (fixed > this.max || (fixed == this.max && at < this.maxAt)) {
				this.max = fixed;
				this.maxAt = at;
			}
		}

		public double mean(long count) {
			return FixedPercent.mean(this.sum, count);
		}

		public double peak() {
			return FixedPercent.toPercent(this.max);
		}

	}

}
