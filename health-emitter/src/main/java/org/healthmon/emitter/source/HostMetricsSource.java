package org.healthmon.emitter.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.healthmon.model.HealthMessage;
import org.jspecify.annotations.Nullable;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSFileStore;

/**
 * This machine's real metrics, read through OSHI: CPU load since the previous reading,
 * memory total and available, and the root file store's total and usable space. Sizes are
 * in GiB, reported as GB like most system tools do.
 */
final class HostMetricsSource implements MessageSource {

	/**
	 * Readings younger than this are reused: CPU load over a shorter span is mostly
	 * noise, and reading /proc for every message would slow high rates for nothing.
	 */
	private static final long MIN_SAMPLE_INTERVAL_MS = 200;

	private static final double GIB = 1024.0 * 1024 * 1024;

	private final String serviceName;

	private final CentralProcessor processor;

	private final GlobalMemory memory;

	private final SystemInfo system;

	private long[] previousTicks;

	private @Nullable HealthMessage lastSample;

	HostMetricsSource(String serviceName, SystemInfo system) {
		this.serviceName = serviceName;
		this.system = system;
		this.processor = system.getHardware().getProcessor();
		this.memory = system.getHardware().getMemory();
		this.previousTicks = this.processor.getSystemCpuLoadTicks();
	}

	@Override
	public HealthMessage next(long nowMs) {
		HealthMessage last = this.lastSample;
		if (last != null && nowMs - last.eventTimeMs() < MIN_SAMPLE_INTERVAL_MS) {
			return new HealthMessage(this.serviceName, nowMs, last.cpuPct(), last.ramTotalGb(), last.ramFreeGb(),
					last.diskTotalGb(), last.diskFreeGb(), HealthMessage.NO_SEQ);
		}
		long ramTotal = this.memory.getTotal();
		long[] disk = rootDiskTotalAndUsable();
		HealthMessage sample = new HealthMessage(this.serviceName, nowMs, cpuPct(), gb(ramTotal),
				freeGb(this.memory.getAvailable(), ramTotal), gb(disk[0]), freeGb(disk[1], disk[0]),
				HealthMessage.NO_SEQ);
		this.lastSample = sample;
		return sample;
	}

	private double cpuPct() {
		double load = this.processor.getSystemCpuLoadBetweenTicks(this.previousTicks);
		this.previousTicks = this.processor.getSystemCpuLoadTicks();
		// no ticks elapsed yet gives NaN on some systems: report idle rather than an
		// invalid
		// message
		double pct = Double.isFinite(load) ? load * 100 : 0;
		return Math.round(Math.max(0, Math.min(100, pct)) * 10) / 10.0;
	}

	private long[] rootDiskTotalAndUsable() {
		List<OSFileStore> stores = this.system.getOperatingSystem().getFileSystem().getFileStores();
		for (OSFileStore store : stores) {
			if ("/".equals(store.getMount()) && store.getTotalSpace() > 0) {
				return new long[] { store.getTotalSpace(), store.getUsableSpace() };
			}
		}
		// OSHI hides some file systems (e.g. a container's overlay root): ask the JDK
		try {
			FileStore root = Files.getFileStore(Path.of("/"));
			return new long[] { root.getTotalSpace(), root.getUsableSpace() };
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the size of the root file store", ex);
		}
	}

	private static double gb(long bytes) {
		return Math.round(bytes / GIB * 100) / 100.0;
	}

	/** Rounded down and capped, so that free never exceeds the rounded total. */
	private static double freeGb(long freeBytes, long totalBytes) {
		return Math.min(Math.floor(freeBytes / GIB * 100) / 100.0, gb(totalBytes));
	}

	@Override
	public String describe() {
		return "metrics of this host as service '" + this.serviceName + "'";
	}

}
