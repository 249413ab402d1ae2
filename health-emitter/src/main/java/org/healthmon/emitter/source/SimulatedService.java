package org.healthmon.emitter.source;

import java.util.SplittableRandom;

import org.healthmon.model.HealthMessage;

/**
 * One simulated service: a fixed machine size and a load with a daily rhythm, noise,
 * occasional CPU spikes, RAM use that drifts around its level and a disk that slowly
 * fills and is now and then cleaned up. Values are rounded as a real agent would report
 * them, and always valid: cpu in 0..100, free never above total.
 */
final class SimulatedService {

	private static final double[] RAM_SIZES_GB = { 2, 4, 8, 16, 32, 64 };

	private static final double[] DISK_SIZES_GB = { 32, 64, 128, 256, 512, 1024, 2048 };

	private static final double DAY_MS = 86_400_000.0;

	private final String name;

	private final SplittableRandom random;

	private final double ramTotalGb;

	private final double diskTotalGb;

	private final double cpuBase;

	private final double cpuDailyAmplitude;

	/** Fraction of the UTC day at which this service is busiest. */
	private final double peakDayFraction;

	private final double ramBaseUsed;

	private double ramDrift;

	private double diskUsed;

	private int spikeRemaining;

	private double spikeCpu;

	SimulatedService(String name, SplittableRandom random) {
		this.name = name;
		this.random = random;
		this.ramTotalGb = RAM_SIZES_GB[random.nextInt(RAM_SIZES_GB.length)];
		this.diskTotalGb = DISK_SIZES_GB[random.nextInt(DISK_SIZES_GB.length)];
		this.cpuBase = random.nextDouble(8, 35);
		// below the base, so that the quiet hours idle rather than sit at 0%
		this.cpuDailyAmplitude = this.cpuBase * random.nextDouble(0.4, 0.9);
		// services are busiest in working hours somewhere in the world
		this.peakDayFraction = random.nextDouble(8, 20) / 24;
		this.ramBaseUsed = random.nextDouble(0.25, 0.6);
		this.diskUsed = random.nextDouble(0.2, 0.7);
	}

	String name() {
		return this.name;
	}

	HealthMessage report(long nowMs) {
		double daily = Math.cos(2 * Math.PI * (Math.floorMod(nowMs, (long) DAY_MS) / DAY_MS - this.peakDayFraction));
		double cpu = cpu(daily);
		return new HealthMessage(this.name, nowMs, cpu, this.ramTotalGb, ramFree(daily, cpu), this.diskTotalGb,
				diskFree(), HealthMessage.NO_SEQ);
	}

	private double cpu(double daily) {
		if (this.spikeRemaining > 0) {
			this.spikeRemaining--;
		}
		else if (this.random.nextDouble() < 0.01) {
			this.spikeRemaining = this.random.nextInt(3, 20);
			this.spikeCpu = this.random.nextDouble(30, 60);
		}
		double spike = (this.spikeRemaining > 0) ? this.spikeCpu : 0;
		double cpu = this.cpuBase + this.cpuDailyAmplitude * daily + 3 * this.random.nextGaussian() + spike;
		return Math.round(clamp(cpu, 0, 100) * 10) / 10.0;
	}

	private double ramFree(double daily, double cpu) {
		// a mean-reverting walk, so RAM wanders but does not run away
		this.ramDrift = this.ramDrift * 0.98 + 0.01 * this.random.nextGaussian();
		double used = clamp(this.ramBaseUsed + 0.1 * daily + this.ramDrift + 0.1 * cpu / 100, 0.05, 0.98);
		return floorHundredth(this.ramTotalGb * (1 - used));
	}

	private double diskFree() {
		if (this.random.nextDouble() < 0.001) {
			this.diskUsed -= this.random.nextDouble(0.1, 0.3);
		}
		else {
			this.diskUsed += this.random.nextDouble(0, 0.0002);
		}
		this.diskUsed = clamp(this.diskUsed, 0.05, 0.97);
		return floorHundredth(this.diskTotalGb * (1 - this.diskUsed));
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	/** Rounds down, so that rounding can never lift free above total. */
	private static double floorHundredth(double value) {
		return Math.floor(value * 100) / 100.0;
	}

}
