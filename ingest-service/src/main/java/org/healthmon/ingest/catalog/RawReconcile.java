package org.healthmon.ingest.catalog;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import org.healthmon.ingest.store.RawTally;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawRecord;
import org.healthmon.model.RawWindow;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.ServiceCatalog.RawProgress;
import org.healthmon.model.StorageLayout;

/**
 * Finds and reads this node's raw files that a persisted catalog's counts do not hold
 * yet: those published after its cutoff, until a crash (docs/architecture.md §3.4). The
 * listing is bounded like the batch and speed layers' ({@link RawWindow}): only the
 * partitions from the cutoff file's on, where the node's later files can only be. With no
 * catalog at all (a new node, or an unreadable catalog moved aside) it lists the whole
 * raw store once, and so rebuilds the counts from it.
 *
 * <p>
 * Reading a file also counts, per service, the lines that arrived before this process
 * started ({@link #before}): with the persisted counts, the lines all earlier processes
 * left in the raw store, which tells how far each sender's numbering went on after the
 * last save.
 */
final class RawReconcile implements PublishedCounts.RawFileReader {

	private static final Log log = LogFactory.getLog(RawReconcile.class);

	private final FileSystem fs;

	private final StorageLayout layout;

	private final String nodeId;

	private final long startedAtMs;

	private final RawTally before = new RawTally();

	RawReconcile(FileSystem fs, StorageLayout layout, String nodeId, long startedAtMs) {
		this.fs = fs;
		this.layout = layout;
		this.nodeId = nodeId;
		this.startedAtMs = startedAtMs;
	}

	/**
	 * This node's files above the persisted catalog's cutoff, to be read.
	 * @param persisted the catalog loaded, or {@code null} when there is none
	 */
	List<PublishedCounts.Published> listAfter(ServiceCatalog persisted) throws IOException {
		RawWindow window;
		long cutoff = RawProgress.NONE;
		if (persisted == null) {
			window = RawWindow.ALL;
		}
		else if (!persisted.raw().isKnown()) {
			// written before cutoffs: its counts go on from the next file published
			return List.of();
		}
		else {
			cutoff = persisted.raw().cutoff();
			long from = (cutoff == RawProgress.NONE) ? StorageLayout.hourOf(persisted.updatedAtMs())
					: persisted.raw().cutoffHourMs();
			// a first file may have opened just before the hour turned
			window = RawWindow.from(from - RawWindow.RECENT_MS);
		}
		List<PublishedCounts.Published> files = new ArrayList<>();
		for (RawFileSet.RawFile file : RawFileSet.of(window.list(this.layout, this::children)).files()) {
			RawFileName name = file.name();
			if (!name.nodeId().equals(this.nodeId) || name.last() <= cutoff) {
				continue;
			}
			if (name.first() <= cutoff) {
				log.warn("Compaction " + file.path() + " straddles the catalog's cutoff " + cutoff
						+ "; its lines are not counted again");
				continue;
			}
			files.add(new PublishedCounts.Published(name.last(), file.path(), null));
		}
		return files;
	}

	/** Reads a raw file's lines per service (a line that cannot be read is skipped). */
	@Override
	public RawTally tally(String path) throws IOException {
		RawTally tally = new RawTally();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.fs.open(new Path(path)), StandardCharsets.ISO_8859_1))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				count(tally, line);
			}
		}
		catch (FileNotFoundException ex) {
			// replaced by a compaction meanwhile: beyond the cutoff, it cannot be
			log.warn("Raw file " + path + " vanished before the catalog read it: " + ex.getMessage());
		}
		return tally;
	}

	private void count(RawTally tally, String line) {
		RawRecord record;
		try {
			record = RawCsv.parse(line);
		}
		catch (RawCsv.BadLineException ex) {
			// readers skip it too (the batch layer quarantines it)
			return;
		}
		String service = record.message().service();
		tally.add(service, record.ingestTimeMs());
		if (record.ingestTimeMs() < this.startedAtMs) {
			synchronized (this.before) {
				this.before.add(service, record.ingestTimeMs());
			}
		}
	}

	/** The services of the lines read that arrived before this process started. */
	Set<String> servicesBefore() {
		synchronized (this.before) {
			return Set.copyOf(this.before.services().keySet());
		}
	}

	/**
	 * Per service, the lines read (those above the persisted cutoff) that arrived before
	 * this process started: what earlier processes stored after their last save.
	 */
	long before(String service) {
		synchronized (this.before) {
			RawTally.Lines lines = this.before.services().get(service);
			return (lines != null) ? lines.count() : 0;
		}
	}

	private List<String> children(String dir) throws IOException {
		List<String> paths = new ArrayList<>();
		try {
			for (FileStatus status : this.fs.listStatus(new Path(dir))) {
				paths.add(status.getPath().toUri().getPath());
			}
		}
		catch (FileNotFoundException ex) {
			// no such partition (yet)
		}
		return paths;
	}

}
