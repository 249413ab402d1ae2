package org.healthmon.emitter.source;

import java.util.SplittableRandom;

import org.healthmon.model.HealthMessage;

/**
 * A fleet of simulated services that report in turn (round robin). Each service draws
 * from its own random stream split off the seed, so a given seed and sequence of clock
 * readings always produces the same messages.
 */
final class SimulatedFleet implements MessageSource {

	private final SimulatedService[] services;

	private int next;

	SimulatedFleet(String prefix, int size, long seed) {
		SplittableRandom root = new SplittableRandom(seed);
		this.services = new SimulatedService[size];
		for (int i = 0; i < size; i++) {
			this.services[i] = new SimulatedService(prefix + "-" + (i + 1), root.split());
		}
	}

	@Override
	public HealthMessage next(long nowMs) {
		SimulatedService service = this.services[this.next];
		this.next = (this.next + 1 == this.services.length) ? 0 : this.next + 1;
		return service.report(nowMs);
	}

	@Override
	public String describe() {
		return "simulated fleet of " + this.services.length + " services (" + this.services[0].name() + " ..)";
	}

}
