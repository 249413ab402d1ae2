package org.healthmon.batch.upkeep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.model.BatchManifest;

/**
 * Deletes what no batch version a reader may follow names any more, once the grace period
 * has passed. Versions share their segments, so nothing is deleted by version directory:
 * each version records, before it is published, the files only the version before it
 * names ({@code _superseded/v<version>.txt}: replaced segment files, the older index);
 * they are deleted once that older version is neither {@code batch.json} nor
 * {@code batch-previous.json} and has not been for the grace period, and directories left
 * empty go with them. Hidden directories of dead runs ({@code _tmp/}) go after the grace
 * period too. Every step is repeatable: a crash leaves only work for the next run.
 */
public class VersionJanitor {

	private static final Log log = LogFactory.getLog(VersionJanitor.class);

	private static final String ENTRY_SUFFIX = ".txt";

	private final BatchStore store;

	private final Duration grace;

	private final Clock clock;

	public VersionJanitor(BatchStore store, Duration grace, Clock clock) {
		this.store = store;
		this.grace = grace;
		this.clock = clock;
	}

	/**
	 * Records, before {@code version} is published, the paths only the version before it
	 * names (files or whole directories).
	 */
	public void recordSuperseded(long version, List<String> paths) throws IOException {
		if (paths.isEmpty()) {
			return;
		}
		this.store.writeAtomically(entry(version), String.join("\n", paths).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Deletes the paths of every record whose older version dropped out of the manifests
	 * at least the grace period ago, and dead runs' directories.
	 * @return paths deleted
	 */
	public int collect(BatchManifest current, Optional<BatchManifest> previous) throws IOException {
		long now = this.clock.millis();
		int deleted = 0;
		Set<Path> emptied = new HashSet<>();
		for (FileStatus entry : this.store.list(this.store.layout().batchSupersededDir())) {
			long version = versionOf(entry.getPath().getName());
			// version - 1 is named by neither manifest once version + 1 is published
			if (version < 0 || current.version() < version + 1) {
				continue;
			}
			long droppedAt = (current.version() == version + 1) ? current.createdAtMs()
					: previous.map(BatchManifest::createdAtMs).orElse(current.createdAtMs());
			if (now - droppedAt < this.grace.toMillis()) {
				continue;
			}
			String paths = new String(this.store.read(entry.getPath().toUri().getPath()).orElse(new byte[0]),
					StandardCharsets.UTF_8);
			for (String path : paths.split("\n")) {
				if (!path.isBlank() && this.store.delete(path)) {
					deleted++;
					emptied.add(new Path(path).getParent());
				}
			}
			this.store.delete(entry.getPath().toUri().getPath());
		}
		for (Path dir : emptied) {
			deleteUpwardsWhileEmpty(dir);
		}
		for (FileStatus run : this.store.list(this.store.layout().batchTmpDir())) {
			if (now - run.getModificationTime() >= this.grace.toMillis()) {
				this.store.delete(run.getPath().toUri().getPath());
				log.info("Deleted the directory of a dead run: " + run.getPath());
			}
		}
		if (deleted > 0) {
			log.info("Deleted " + deleted + " batch view files no published version names");
		}
		return deleted;
	}

	/** Deletes a directory under the batch views, and its parents, while empty. */
	private void deleteUpwardsWhileEmpty(Path dir) throws IOException {
		String top = this.store.layout().batchViewsDir();
		Path at = dir;
		while (at != null && at.toUri().getPath().startsWith(top + "/") && this.store.exists(at.toUri().getPath())
				&& this.store.list(at.toUri().getPath()).length == 0) {
			this.store.delete(at.toUri().getPath());
			at = at.getParent();
		}
	}

	private String entry(long version) {
		return String.format("%s/v%012d%s", this.store.layout().batchSupersededDir(), version, ENTRY_SUFFIX);
	}

	private static long versionOf(String name) {
		if (!name.matches("v\\d{12}" + ENTRY_SUFFIX.replace(".", "\\."))) {
			return -1;
		}
		return Long.parseLong(name.substring(1, 13));
	}

}
