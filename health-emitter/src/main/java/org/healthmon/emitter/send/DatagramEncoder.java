package org.healthmon.emitter.send;

import java.util.SplittableRandom;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.BadDatagrams;
import org.healthmon.model.HealthMessageJson;

/**
 * Encodes messages through the shared codec, in the canonical shape or, for a seeded
 * random share of them, in the original assignment's legacy shape, so ingest sees both
 * shapes mixed as it would in a real fleet. On request it also makes bad datagrams
 * ({@link BadDatagrams}' fixed mix) for a seeded share of the sends: a hostile or broken
 * sender beside the fleet.
 */
final class DatagramEncoder {

	private final HealthMessageJson json;

	private final double legacyFraction;

	private final SplittableRandom random;

	private final double invalidFraction;

	private final BadDatagrams bad;

	private final SplittableRandom invalidRandom;

	private long legacyEncoded;

	private long invalid;

	DatagramEncoder(HealthMessageJson json, double legacyFraction, long seed) {
		this(json, legacyFraction, 0, seed);
	}

	/**
	 * @param invalidFraction share of the sends that are bad datagrams (0..1)
	 */
	DatagramEncoder(HealthMessageJson json, double legacyFraction, double invalidFraction, long seed) {
		this.json = json;
		this.legacyFraction = legacyFraction;
		this.invalidFraction = invalidFraction;
		// their own streams, so neither share changes the simulated load
		this.random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
		this.invalidRandom = new SplittableRandom(seed ^ 0xC2B2AE3D27D4EB4FL);
		this.bad = new BadDatagrams(seed);
	}

	/** Whether the next send is a bad datagram rather than a message. */
	boolean nextIsBad() {
		return this.invalidFraction > 0 && this.invalidRandom.nextDouble() < this.invalidFraction;
	}

	/** A bad datagram of the fixed mix, its time-dependent kinds relative to now. */
	byte[] bad(long nowMs) {
		this.invalid++;
		return this.bad.next(nowMs).payload();
	}

	long invalid() {
		return this.invalid;
	}

	byte[] encode(HealthMessage message) {
		if (this.legacyFraction > 0 && this.random.nextDouble() < this.legacyFraction) {
			this.legacyEncoded++;
			return this.json.encodeLegacy(message);
		}
		return this.json.encode(message);
	}

	long legacyEncoded() {
		return this.legacyEncoded;
	}

}
