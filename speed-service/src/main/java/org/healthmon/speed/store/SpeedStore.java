package org.healthmon.speed.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.PendingBatch;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawWindow;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.StorageLayout;

/**
 * Everything the speed layer reads and writes on HDFS: the manifests of the handoff, the
 * raw listing, the realtime view versions and their garbage collection. Every write that
 * readers can see is atomic: a version is written in a hidden directory and renamed, a
 * manifest is written to a hidden file and renamed over the old one.
 */
public class SpeedStore {

	private static final Log log = LogFactory.getLog(SpeedStore.class);

	/** The name of the single Parquet file in a realtime version directory. */
	public static final String VIEW_FILE = "part-00000.parquet";

	private static final Pattern VERSION_DIR = Pattern.compile("v(\\d{12,19})");

	/** Where markers of unreferenced versions live, one empty file per version. */
	private static final String EXPIRED_DIR = "_expired";

	private static final String TEMP_PREFIX = "_tmp-";

	private final FileSystem fs;

	private final FileContext fc;

	private final Configuration conf;

	private final StorageLayout layout;

	public SpeedStore(FileSystem fs, StorageLayout layout) throws IOException {
		this.fs = fs;
		this.conf = fs.getConf();
		this.fc = FileContext.getFileContext(fs.getUri(), this.conf);
		this.layout = layout;
	}

	public StorageLayout layout() {
		return this.layout;
	}

	public Optional<BatchManifest> batch() throws IOException {
		return read(this.layout.batchManifest()).map(this::parseBatch);
	}

	public Optional<BatchManifest> previousBatch() throws IOException {
		return read(this.layout.previousBatchManifest()).map(this::parseBatch);
	}

	public Optional<PendingBatch> pendingBatch() throws IOException {
		Optional<byte[]> bytes = read(this.layout.pendingBatchManifest());
		return (bytes.isPresent()) ? Optional.of(PendingBatch.fromJson(bytes.get())) : Optional.empty();
	}

	public Optional<RealtimeManifest> realtime(String set) throws IOException {
		Optional<byte[]> bytes = read(this.layout.realtimeManifest(set));
		return (bytes.isPresent()) ? Optional.of(RealtimeManifest.fromJson(bytes.get())) : Optional.empty();
	}

	private BatchManifest parseBatch(byte[] bytes) {
		try {
			return BatchManifest.fromJson(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Optional<byte[]> read(String file) throws IOException {
		try (InputStream in = this.fs.open(new Path(file))) {
			return Optional.of(in.readAllBytes());
		}
		catch (FileNotFoundException ex) {
			return Optional.empty();
		}
	}

	/** Replaces a manifest atomically: readers see the old one or the new one. */
	public void publish(RealtimeManifest manifest) throws IOException {
		Path target = new Path(this.layout.realtimeManifest(manifest.set()));
		Path temp = new Path(target.getParent(), TEMP_PREFIX + target.getName() + "-" + UUID.randomUUID());
		try (OutputStream out = this.fc.create(temp, EnumSet.of(CreateFlag.CREATE),
				Options.CreateOpts.createParent())) {
			out.write(manifest.toJson());
		}
		this.fc.rename(temp, target, Options.Rename.OVERWRITE);
	}

	/**
	 * Removes a set's manifest (one atomic delete); its versions stay for the grace
	 * period, so readers that followed it still find its files.
	 */
	public void retire(String set) throws IOException {
		this.fs.delete(new Path(this.layout.realtimeManifest(set)), false);
	}

	/**
	 * The published raw files in a window's partitions, as one listing (hidden, open
	 * files left out).
	 */
	public RawFileSet listRaw(RawWindow window) throws IOException {
		return RawFileSet.of(window.list(this.layout, (dir) -> {
			List<String> paths = new ArrayList<>();
			for (FileStatus status : list(new Path(dir))) {
				paths.add(status.getPath().toUri().getPath());
			}
			return paths;
		}));
	}

	/**
	 * The raw partitions that can hold files past the cutoffs of the published batch view
	 * and the one before it, and so past every live realtime set's files; every partition
	 * when either manifest does not say (none yet, or written before windows).
	 */
	public RawWindow rawWindow(Optional<BatchManifest> batch, Optional<BatchManifest> previous) {
		if (batch.isEmpty()) {
			return RawWindow.ALL;
		}
		RawWindow window = RawWindow.from(batch.get().rawFrom());
		return previous.map((p) -> window.union(RawWindow.from(p.rawFrom()))).orElse(window);
	}

	/**
	 * A version number for set {@code set} above every version directory it ever left
	 * behind, so a re-opened set never reuses a path a reader may still follow.
	 */
	public long nextFreeVersion(String set) throws IOException {
		long highest = 0;
		for (FileStatus status : list(new Path(this.layout.realtimeViewsDir(), set))) {
			Matcher m = VERSION_DIR.matcher(status.getPath().getName());
			if (m.matches()) {
				highest = Math.max(highest, Long.parseLong(m.group(1)));
			}
		}
		return highest + 1;
	}

	/**
	 * Writes a new version of a set, rows in the given order, and returns its directory.
	 * The rows go to a hidden directory first, which is renamed into place when complete.
	 */
	public String writeVersion(String set, long version, Collection<MinuteStats> rows) throws IOException {
		Path target = new Path(this.layout.realtimeVersionDir(set, version));
		Path temp = new Path(target.getParent(), TEMP_PREFIX + target.getName() + "-" + UUID.randomUUID());
		MinuteStatsParquet.write(this.fs, new Path(temp, VIEW_FILE), rows);
		if (this.fs.exists(target)) {
			// left by a run that failed before publishing: no manifest ever named it
			log.warn("Replacing unpublished version directory " + target);
			this.fs.delete(target, true);
		}
		if (!this.fs.rename(temp, target)) {
			throw new IOException("could not rename " + temp + " to " + target);
		}
		return target.toUri().getPath();
	}

	/** The rows of a published version. */
	public List<MinuteStats> readVersion(String dir) throws IOException {
		List<MinuteStats> rows = new ArrayList<>();
		for (FileStatus status : list(new Path(dir))) {
			if (status.isFile() && status.getPath().getName().endsWith(".parquet")) {
				rows.addAll(MinuteStatsParquet.read(this.conf, status.getPath()));
			}
		}
		return rows;
	}

	/**
	 * Deletes realtime versions no manifest names any more, once they have been
	 * unreferenced for the grace period. When a version is first seen unreferenced, a
	 * marker records the time (its modification time); the marker lives on HDFS, so the
	 * grace period survives restarts.
	 * @param live the live manifests by set name: their versions are never touched
	 * @return the version directories deleted
	 */
	public List<String> collectGarbage(Map<String, RealtimeManifest> live, Duration grace, long nowMs)
			throws IOException {
		List<String> deleted = new ArrayList<>();
		for (String set : List.of("a", "b")) {
			Path setDir = new Path(this.layout.realtimeViewsDir(), set);
			Path expiredDir = new Path(setDir, EXPIRED_DIR);
			String named = Optional.ofNullable(live.get(set)).map(RealtimeManifest::path).orElse(null);
			Map<String, Long> markedAt = new HashMap<>();
			for (FileStatus marker : list(expiredDir)) {
				markedAt.put(marker.getPath().getName(), marker.getModificationTime());
			}
			for (FileStatus status : list(setDir)) {
				String name = status.getPath().getName();
				String path = status.getPath().toUri().getPath();
				if (name.startsWith(TEMP_PREFIX)) {
					if (status.getModificationTime() + grace.toMillis() < nowMs) {
						this.fs.delete(status.getPath(), true);
					}
					continue;
				}
				if (!VERSION_DIR.matcher(name).matches() || path.equals(named)) {
					continue;
				}
				Long since = markedAt.remove(name);
				if (since == null) {
					this.fs.create(new Path(expiredDir, name), true).close();
				}
				else if (since + grace.toMillis() < nowMs) {
					this.fs.delete(status.getPath(), true);
					this.fs.delete(new Path(expiredDir, name), false);
					deleted.add(path);
				}
			}
			for (String orphan : markedAt.keySet()) {
				// a marker whose directory is gone, or whose version is named again
				this.fs.delete(new Path(expiredDir, orphan), false);
			}
		}
		return deleted;
	}

	private FileStatus[] list(Path dir) throws IOException {
		try {
			return this.fs.listStatus(dir);
		}
		catch (FileNotFoundException ex) {
			return new FileStatus[0];
		}
	}

}
