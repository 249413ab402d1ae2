package org.healthmon.ingest.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.healthmon.ingest.store.RawTally;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.ServiceCatalog.RawProgress;
import org.healthmon.model.StorageLayout;

/**
 * The catalog's message counts, taken from the raw files this node published rather than
 * from the datagrams it admitted, so that they equal what the raw store holds
 * (docs/architecture.md §3.4): a line is counted once the file holding it is published,
 * never before (not while it waits in the writer's buffer, an open file or the spool).
 * Files count in sequence order, each once: one at or below the cutoff already counted is
 * ignored, which makes a file recovery tells of twice harmless.
 *
 * <p>
 * A file the writer tallied counts at once. A file recovery published (its lines are
 * known only to the file), and every file after it, waits until the persister reads it
 * ({@link #drain}), off the writer thread; so do all files until the persisted catalog is
 * loaded and reconciled with the files published after its cutoff. Thread-safe.
 */
final class PublishedCounts {

	private final Map<String, RawTally.Lines> services = new HashMap<>();

	private final List<Published> waiting = new ArrayList<>();

	private long cutoff = RawProgress.NONE;

	private long cutoffHourMs = Long.MIN_VALUE;

	private boolean reconciled;

	/** A raw file was published (the writer's or recovery's listener). */
	synchronized void published(long seq, String path, RawTally tally) {
		if (this.reconciled && this.waiting.isEmpty() && tally != null) {
			count(seq, path, tally);
		}
		else {
			this.waiting.add(new Published(seq, path, tally));
		}
	}

	/** The counts of a persisted catalog, and its cutoff: where counting continues. */
	synchronized void restore(ServiceCatalog persisted) {
		for (ServiceCatalog.Entry entry : persisted.services()) {
			RawTally.Lines counts = this.services.computeIfAbsent(entry.service(), (name) -> new RawTally.Lines());
			counts.add(entry.messages(), entry.firstSeenMs(), entry.lastSeenMs());
		}
		if (persisted.raw().isKnown()) {
			this.cutoff = persisted.raw().cutoff();
			this.cutoffHourMs = persisted.raw().cutoffHourMs();
		}
	}

	/** The cutoff counted so far. */
	synchronized long cutoff() {
		return this.cutoff;
	}

	/** The progress to persist with the counts. */
	synchronized RawProgress progress() {
		return new RawProgress(this.cutoff, this.cutoffHourMs);
	}

	/**
	 * The files a listing found above the persisted cutoff wait with those published
	 * meanwhile, in sequence order (a file in both, once); {@link #drain} counts them.
	 */
	synchronized void reconcile(List<Published> listed) {
		Map<Long, Published> bySeq = new TreeMap<>();
		listed.forEach((file) -> bySeq.put(file.seq(), file));
		this.waiting.forEach((file) -> bySeq.merge(file.seq(), file, (a, b) -> (a.tally() != null) ? a : b));
		this.waiting.clear();
		this.waiting.addAll(bySeq.values());
		this.reconciled = true;
	}

	/**
	 * Counts the waiting files in order, reading those whose lines are not known; stops
	 * at the first that cannot be read (the next drain tries it again). Only the
	 * persister calls it.
	 */
	void drain(RawFileReader reader) throws IOException {
		List<Published> files;
		synchronized (this) {
			if (!this.reconciled) {
				return;
			}
			files = List.copyOf(this.waiting);
		}
		for (Published file : files) {
			RawTally tally = (file.tally() != null || file.seq() <= cutoff()) ? file.tally()
					: reader.tally(file.path());
			synchronized (this) {
				if (tally != null) {
					count(file.seq(), file.path(), tally);
				}
				this.waiting.remove(0);
			}
		}
	}

	/** Copies of the counts per service. */
	synchronized Map<String, RawTally.Lines> counts() {
		Map<String, RawTally.Lines> copy = new HashMap<>();
		this.services.forEach((name, counts) -> {
			RawTally.Lines lines = new RawTally.Lines();
			lines.add(counts);
			copy.put(name, lines);
		});
		return copy;
	}

	private void count(long seq, String path, RawTally tally) {
		if (seq <= this.cutoff) {
			return;
		}
		tally.services()
			.forEach((service, lines) -> this.services.computeIfAbsent(service, (name) -> new RawTally.Lines())
				.add(lines));
		this.cutoff = seq;
		this.cutoffHourMs = StorageLayout.partitionHourOf(path);
	}

	/**
	 * A published file.
	 *
	 * @param seq its sequence number
	 * @param path its path
	 * @param tally its lines per service, or {@code null} to read them from the file
	 */
	record Published(long seq, String path, RawTally tally) {
	}

	/** Reads the lines of a published raw file. */
	@FunctionalInterface
	interface RawFileReader {

		RawTally tally(String path) throws IOException;

	}

}
