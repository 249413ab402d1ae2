package org.healthmon.emitter.send;

import java.util.SplittableRandom;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;

/**
 * Encodes messages through the shared codec, in the canonical shape or, for a seeded
 * random share of them, in the original assignment's legacy shape, so ingest sees both
 * shapes mixed as it would in a real fleet.
 */
final class DatagramEncoder {

	private final HealthMessageJson json;

	private final double legacyFraction;

	private final SplittableRandom random;

	private long legacyEncoded;

	DatagramEncoder(HealthMessageJson json, double legacyFraction, long seed) {
		this.json = json;
		this.legacyFraction = legacyFraction;
		// its own stream, so the legacy share does not change the simulated load
		this.random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
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
