package org.healthmon.alerts.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.healthmon.alerts.AlertProperties;

/** Settings and a clock for tests. */
public final class TestAlerts {

	private TestAlerts() {
	}

	/**
	 * The defaults (80 %, for 2 min, clear 5 points for 2 min, AMBER 30 min ahead 15
	 * min), with a state directory, a query service and overrides of the tests' choosing.
	 */
	public static AlertProperties properties(Path stateDir, URI queryUrl, AlertProperties.Override... overrides) {
		AlertProperties.Rule rule = new AlertProperties.Rule(true, 80, Duration.ofMinutes(2), 5, Duration.ofMinutes(2));
		return new AlertProperties(queryUrl, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(15),
				Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(1), stateDir, Duration.ofDays(7), rule,
				rule, rule, new AlertProperties.Amber(Duration.ofMinutes(30), Duration.ofMinutes(15), 5),
				List.of(overrides), new AlertProperties.Alertmanager(null, Duration.ofMinutes(1),
						Duration.ofMinutes(15), Duration.ofSeconds(5), 3));
	}

	/** A clock the test moves. */
	public static final class MovableClock extends Clock {

		private volatile Instant now;

		public MovableClock(Instant now) {
			this.now = now;
		}

		public void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
