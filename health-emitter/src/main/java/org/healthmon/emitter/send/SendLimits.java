package org.healthmon.emitter.send;

import java.time.Duration;

/**
 * When a run stops by itself.
 *
 * @param count datagrams to send in all, 0 for no limit
 * @param duration how long to send, zero for no limit
 */
record SendLimits(long count, Duration duration) {

	String describe() {
		boolean byCount = this.count > 0;
		boolean byTime = !this.duration.isZero();
		if (byCount && byTime) {
			return "after " + this.count + " messages or " + this.duration + ", whichever comes first";
		}
		if (byCount) {
			return "after " + this.count + " messages";
		}
		return byTime ? "after " + this.duration : "when stopped or out of input";
	}

	static SendLimits unlimited() {
		return new SendLimits(0, Duration.ZERO);
	}

}
