package org.healthmon.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.RejectReason;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.StorageLayout;

/**
 * The services of an import: admitted up to {@code max-services} (a record of a new one
 * past it is {@code too_many_services}, as in ingest), their counts as the readers merge
 * them, and the import's catalog from them. Thread-safe.
 */
final class ImportedServices {

	private final int max;

	private final DecodeResult.Rejected tooMany;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final Map<String, long[]> counts = new TreeMap<>();

	ImportedServices(int max) {
		this.max = max;
		this.tooMany = new DecodeResult.Rejected(RejectReason.TOO_MANY_SERVICES,
				"the import holds its maximum of " + max + " services (max-services)");
	}

	/**
	 * Admits a service new to a reader: {@code false} when the import holds its maximum
	 * of services already.
	 */
	boolean admit(String service) {
		if (this.admitted.contains(service)) {
			return true;
		}
		synchronized (this.admitted) {
			if (this.admitted.size() >= this.max && !this.admitted.contains(service)) {
				return false;
			}
			this.admitted.add(service);
			return true;
		}
	}

	/** The rejection of a record of a service past the maximum (built once). */
	DecodeResult.Rejected tooMany() {
		return this.tooMany;
	}

	/** Adds one reader's counts per service. */
	synchronized void add(Map<String, long[]> perService) {
		perService.forEach((service, count) -> this.counts.computeIfAbsent(service, (s) -> new long[1])[0] += count[0]);
	}

	/**
	 * The import's catalog: each service first and last seen at the import's start, with
	 * its count; the cutoff is the last of the import's files.
	 */
	synchronized ServiceCatalog catalog(String node, long files, long t0, long nowMs) {
		List<ServiceCatalog.Entry> entries = new ArrayList<>();
		this.counts.forEach((service, count) -> entries.add(new ServiceCatalog.Entry(service, t0, t0, count[0], 0, 0)));
		long cutoff = (files > 0) ? files : ServiceCatalog.RawProgress.NONE;
		return new ServiceCatalog(node, nowMs, entries,
				new ServiceCatalog.RawProgress(cutoff, StorageLayout.hourOf(t0)));
	}

}
