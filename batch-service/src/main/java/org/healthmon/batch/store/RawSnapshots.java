package org.healthmon.batch.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.SnapshotDiffReport;
import org.healthmon.model.RawFileName;
import org.healthmon.model.RawWindow;
import org.healthmon.model.StorageLayout;

/**
 * The batch layer's HDFS snapshots of the raw store (docs/architecture.md §4.5). Each run
 * snapshots {@code raw/} and counts exactly the files of its snapshot; the next run asks
 * the namenode which files were created since ({@link #created}), whatever their
 * partition and whoever wrote them, in one call that costs what changed, not the history.
 * That is how a late file, published below a cutoff already passed, is found.
 *
 * <p>
 * Detection needs HDFS and a snapshottable {@code raw/}. Making it so takes a superuser
 * once ({@code hdfs dfsadmin -allowSnapshot}); {@link #enable} tries, and where it cannot
 * detection is off and the runs behave as before it existed.
 */
public class RawSnapshots {

	private static final Log log = LogFactory.getLog(RawSnapshots.class);

	/** The prefix of the snapshots batch runs take. */
	public static final String PREFIX = "batch-v";

	private static final String SNAPSHOT_DIR = ".snapshot";

	private final BatchStore store;

	private final boolean wanted;

	private volatile DistributedFileSystem dfs;

	private volatile String detection;

	public RawSnapshots(BatchStore store, boolean wanted) {
		this.store = store;
		this.wanted = wanted;
		this.detection = wanted ? "off: not checked yet" : "off: healthmon.batch.late-files.enabled=false";
	}

	/** Whether runs snapshot the raw store and find late files. */
	public boolean isOn() {
		return this.dfs != null;
	}

	/** {@code snapshot-diff}, or {@code off: <why and what to do>}, for the health. */
	public String detection() {
		return this.detection;
	}

	/**
	 * Turns detection on if it can: the store must be HDFS and {@code raw/} snapshottable
	 * (made so here when this user may). Cheap once on; retried by each run while off.
	 * @return whether detection is on
	 */
	public boolean enable() throws IOException {
		if (!this.wanted || this.dfs != null) {
			return this.dfs != null;
		}
		FileSystem fs = this.store.fs();
		while (fs instanceof FilterFileSystem filter) {
			fs = filter.getRawFileSystem();
		}
		String raw = this.store.layout().rawDir();
		if (!(fs instanceof DistributedFileSystem hdfs)) {
			this.detection = "off: the store is not HDFS, late raw files are found by full recomputes only";
			return false;
		}
		this.store.fs().mkdirs(new Path(raw));
		if (!this.store.fs().getFileStatus(new Path(raw)).isSnapshotEnabled()) {
			try {
				hdfs.allowSnapshot(new Path(raw));
			}
			catch (IOException ex) {
				this.detection = "off: " + raw + " is not snapshottable (" + ex.getClass().getSimpleName()
						+ "); run hdfs dfsadmin -allowSnapshot " + raw;
				log.warn("Late raw files cannot be detected: " + this.detection);
				return false;
			}
		}
		this.detection = "snapshot-diff";
		this.dfs = hdfs;
		return true;
	}

	/** Snapshots the raw store for a run; returns the snapshot's name. */
	public String create(long version, String runId) throws IOException {
		String name = String.format("%s%012d-%s", PREFIX, version, runId.substring(0, Math.min(8, runId.length())));
		this.dfs.createSnapshot(rawPath(), name);
		return name;
	}

	public boolean exists(String name) throws IOException {
		return !name.isEmpty() && this.store.exists(snapshotDir(name));
	}

	/** Deletes a run's snapshot; one that does not exist is no error. */
	public void delete(String name) {
		try {
			if (exists(name)) {
				this.dfs.deleteSnapshot(rawPath(), name);
			}
		}
		catch (IOException ex) {
			// the next run's deleteAllBut tries again
			log.warn("Could not delete raw snapshot " + name + ": " + ex);
		}
	}

	/** Deletes every batch snapshot but {@code keep}: those of runs that died. */
	public void deleteAllBut(String keep) throws IOException {
		for (FileStatus status : this.store.list(this.store.layout().rawDir() + "/" + SNAPSHOT_DIR)) {
			String name = status.getPath().getName();
			if (name.startsWith(PREFIX) && !name.equals(keep)) {
				this.dfs.deleteSnapshot(rawPath(), name);
			}
		}
	}

	/**
	 * The raw files created between two snapshots, as live paths: files published since
	 * (renamed from a hidden name or from outside {@code raw/} too), and every file of a
	 * partition created since (a diff names the directory, not its files). A file written
	 * under a hidden name before the first snapshot and published after it shows as a
	 * rename from a name that is no raw file's: it is created too. Deletions, renames of
	 * raw files (an adoption), hidden and foreign names are left out; foreign ones are
	 * counted.
	 */
	public Created created(String from, String to) throws IOException {
		SnapshotDiffReport report = this.dfs.getSnapshotDiffReport(rawPath(), from, to);
		List<String> files = new ArrayList<>();
		int ignored = 0;
		for (SnapshotDiffReport.DiffReportEntry entry : report.getDiffList()) {
			String relative;
			if (entry.getType() == SnapshotDiffReport.DiffType.CREATE) {
				relative = new String(entry.getSourcePath(), StandardCharsets.UTF_8);
			}
			else if (entry.getType() == SnapshotDiffReport.DiffType.RENAME && !isRawFile(entry.getSourcePath())) {
				relative = new String(entry.getTargetPath(), StandardCharsets.UTF_8);
			}
			else {
				continue;
			}
			String[] parts = relative.split("/");
			String name = parts[parts.length - 1];
			if (parts.length == 1 && StorageLayout.dayOfPartition(name) != Long.MIN_VALUE) {
				files.addAll(filesUnder(to, relative, 2));
			}
			else if (parts.length == 2 && StorageLayout.hourOfPartition(parts[0], name) != Long.MIN_VALUE) {
				files.addAll(filesUnder(to, relative, 1));
			}
			else if (parts.length == 3 && RawFileName.parse(name).isPresent()) {
				files.add(this.store.layout().rawDir() + "/" + relative);
			}
			else if (!name.startsWith(".") && !name.startsWith("_")) {
				ignored++;
			}
		}
		return new Created(files, ignored);
	}

	private static boolean isRawFile(byte[] relative) {
		String path = new String(relative, StandardCharsets.UTF_8);
		return RawFileName.parse(path.substring(path.lastIndexOf('/') + 1)).isPresent();
	}

	/**
	 * The raw files {@code depth} levels under a directory of a snapshot, as live paths.
	 */
	private List<String> filesUnder(String snapshot, String relative, int depth) throws IOException {
		List<String> files = new ArrayList<>();
		for (String child : children(snapshot, this.store.layout().rawDir() + "/" + relative)) {
			String name = child.substring(child.lastIndexOf('/') + 1);
			if (depth > 1) {
				files.addAll(filesUnder(snapshot, relative + "/" + name, depth - 1));
			}
			else if (RawFileName.parse(name).isPresent()) {
				files.add(child);
			}
		}
		return files;
	}

	/** The files of a window's partitions as the snapshot holds them, as live paths. */
	public List<String> list(String snapshot, RawWindow window) throws IOException {
		String inSnapshot = snapshotDir(snapshot);
		return window.list(inSnapshot, this.store::children)
			.stream()
			.map((path) -> this.store.layout().rawDir() + path.substring(inSnapshot.length()))
			.toList();
	}

	/**
	 * The entries of a live raw directory as a snapshot holds them, as live paths; none
	 * when the snapshot or the directory does not exist.
	 */
	public List<String> children(String snapshot, String liveDir) throws IOException {
		String raw = this.store.layout().rawDir();
		String inSnapshot = snapshotDir(snapshot) + liveDir.substring(raw.length());
		List<String> paths = new ArrayList<>();
		for (String path : this.store.children(inSnapshot)) {
			paths.add(liveDir + path.substring(inSnapshot.length()));
		}
		return paths;
	}

	/** The names of the files in a live raw directory as a snapshot holds them. */
	public Set<String> names(String snapshot, String liveDir) throws IOException {
		Set<String> names = new HashSet<>();
		for (String path : children(snapshot, liveDir)) {
			names.add(path.substring(path.lastIndexOf('/') + 1));
		}
		return names;
	}

	private Path rawPath() {
		return new Path(this.store.layout().rawDir());
	}

	private String snapshotDir(String name) {
		return this.store.layout().rawDir() + "/" + SNAPSHOT_DIR + "/" + name;
	}

	/**
	 * What a diff found.
	 *
	 * @param paths the live paths of the raw files created
	 * @param ignored created files that are no raw file's (nor hidden)
	 */
	public record Created(List<String> paths, int ignored) {

		/** Nothing: where there is no snapshot to diff from. */
		public static final Created NONE = new Created(List.of(), 0);

	}

}
