package org.healthmon.speed.support;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.PendingBatch;
import org.healthmon.model.RawWindow;
import org.healthmon.model.StorageLayout;

/**
 * Plays the batch layer through its manifests, step by step, exactly as the handoff
 * protocol has a batch run do it: pending marker, view version (the brute-force rows of
 * the cutoff, as one Parquet file: the speed layer never reads it, so its layout does not
 * matter here), the old {@code batch.json} copied to {@code batch-previous.json}, the new
 * {@code batch.json}, pending marker deleted.
 */
public final class BatchPlayer {

	private final FileSystem fs;

	private final FileContext fc;

	private final StorageLayout layout;

	private final RawFiles raw;

	private long version;

	private Cutoff pendingCutoff;

	private String pendingPath;

	private long pendingRows;

	public BatchPlayer(FileSystem fs, StorageLayout layout, RawFiles raw) throws IOException {
		this.fs = fs;
		this.fc = FileContext.getFileContext(fs.getUri(), fs.getConf());
		this.layout = layout;
		this.raw = raw;
	}

	public long version() {
		return this.version;
	}

	/** Step 1: the run starts with the cutoff of every file published so far. */
	public Cutoff pending() throws IOException {
		this.pendingCutoff = this.raw.highest();
		atomicWrite(this.layout.pendingBatchManifest(),
				new PendingBatch(this.version + 1, this.pendingCutoff, System.currentTimeMillis()).toJson());
		return this.pendingCutoff;
	}

	/** Step 2: the job writes the view version. */
	public void writeView() throws IOException {
		Map<RawFiles.Key, MinuteStats> rows = this.raw.aggregate(this.pendingCutoff);
		String dir = this.layout.batchVersionDir(this.version + 1);
		Path temp = new Path(dir + "-tmp");
		ViewParquet.write(this.fs, new Path(temp, "part-r-00000.parquet"), List.copyOf(rows.values()));
		this.fs.rename(temp, new Path(dir));
		this.pendingPath = dir;
		this.pendingRows = rows.size();
	}

	/** Step 3: the published manifest is kept as the previous one. */
	public void keepPrevious() throws IOException {
		try (InputStream in = this.fs.open(new Path(this.layout.batchManifest()))) {
			atomicWrite(this.layout.previousBatchManifest(), in.readAllBytes());
		}
		catch (FileNotFoundException ex) {
			// the first batch view: the previous one is the implicit version 0
		}
	}

	/** Step 4: the new view is published. */
	public void publish() throws IOException {
		this.version++;
		// the window the batch layer records: where files past the cutoff can be
		long rawFrom = RawWindow.ALL.nextFrom(this.raw.listing(), this.pendingCutoff);
		atomicWrite(this.layout.batchManifest(), new BatchManifest(this.version, this.pendingCutoff, rawFrom,
				this.pendingPath, "", this.pendingRows, -1, -1, System.currentTimeMillis())
			.toJson());
	}

	/** Step 5: the run is over. */
	public void deletePending() throws IOException {
		this.fs.delete(new Path(this.layout.pendingBatchManifest()), false);
	}

	/** A whole batch run, at once. */
	public Cutoff runFully() throws IOException {
		Cutoff cutoff = pending();
		writeView();
		keepPrevious();
		publish();
		deletePending();
		return cutoff;
	}

	private void atomicWrite(String file, byte[] bytes) throws IOException {
		Path target = new Path(file);
		Path temp = new Path(target.getParent(), "_tmp-" + UUID.randomUUID());
		try (OutputStream out = this.fc.create(temp, EnumSet.of(CreateFlag.CREATE),
				Options.CreateOpts.createParent())) {
			out.write(bytes);
		}
		this.fc.rename(temp, target, Options.Rename.OVERWRITE);
	}

}
