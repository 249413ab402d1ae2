package org.healthmon.model;

import java.io.IOException;

/**
 * What readers follow to find the current batch view (docs/architecture.md §5): the
 * published version and exactly which raw files it covers.
 *
 * @param version the version number, increasing per published run
 * @param cutoff the raw files the view covers
 * @param rawFrom the first raw partition hour a reader lists to find the files above the
 * cutoff ({@link RawWindow#nextFrom}), or {@link RawWindow#UNKNOWN} (a manifest written
 * before windows existed: list everything)
 * @param path the version's directory, absolute in the store
 * @param index the version's {@link SegmentIndex} file, or empty for a version written
 * before segments existed, whose directory holds all its rows
 * @param rows rows in the view
 * @param minMinute first event minute in the view (epoch ms), or -1 when empty
 * @param maxMinute last event minute in the view (epoch ms), or -1 when empty
 * @param createdAtMs when the version was published
 * @param rawSnapshot the snapshot of the raw store the version counts exactly
 * ({@code raw/.snapshot/<name>}, docs/architecture.md §4.5), from which the next run
 * finds the files created since; empty when there is none (late-file detection off, or a
 * manifest written before it)
 */
public record BatchManifest(long version, Cutoff cutoff, long rawFrom, String path, String index, long rows,
		long minMinute, long maxMinute, long createdAtMs, String rawSnapshot) {

	/** A version that names no raw snapshot. */
	public BatchManifest(long version, Cutoff cutoff, long rawFrom, String path, String index, long rows,
			long minMinute, long maxMinute, long createdAtMs) {
		this(version, cutoff, rawFrom, path, index, rows, minMinute, maxMinute, createdAtMs, "");
	}

	/** Whether the version is made of day segments named by its {@link #index}. */
	public boolean isSegmented() {
		return !this.index.isEmpty();
	}

	public byte[] toJson() {
		return ManifestJson.write((json) -> {
			json.writeNumberField("version", this.version);
			ManifestJson.writeCutoff(json, "cutoff", this.cutoff);
			json.writeNumberField("rawFrom", this.rawFrom);
			json.writeStringField("path", this.path);
			if (isSegmented()) {
				json.writeStringField("index", this.index);
			}
			json.writeNumberField("rows", this.rows);
			json.writeNumberField("minMinute", this.minMinute);
			json.writeNumberField("maxMinute", this.maxMinute);
			json.writeNumberField("createdAtMs", this.createdAtMs);
			if (!this.rawSnapshot.isEmpty()) {
				json.writeStringField("rawSnapshot", this.rawSnapshot);
			}
		});
	}

	/**
	 * Reads a manifest; one written before windows, segments and snapshots reads as such.
	 */
	public static BatchManifest fromJson(byte[] bytes) throws IOException {
		ManifestJson.Fields f = ManifestJson.Fields.read(bytes, "batch manifest");
		return new BatchManifest(f.number("version"), f.cutoff("cutoff"), f.number("rawFrom", RawWindow.UNKNOWN),
				f.text("path"), f.text("index", ""), f.number("rows"), f.number("minMinute"), f.number("maxMinute"),
				f.number("createdAtMs"), f.text("rawSnapshot", ""));
	}

}
