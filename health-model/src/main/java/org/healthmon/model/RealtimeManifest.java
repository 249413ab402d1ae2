package org.healthmon.model;

import java.io.IOException;

/**
 * What readers follow to find a realtime view set's current version (docs/architecture.md
 * §8). A set covers exactly the raw files above {@code start} up to {@code absorbed}; it
 * pairs with the batch view whose cutoff equals {@code start}, and with no other.
 *
 * @param set the set's name, {@code a} or {@code b} (the two alternate)
 * @param start the batch cutoff the set starts at (files above it are in the set)
 * @param absorbed the files absorbed so far (includes {@code start})
 * @param version the version number within the set
 * @param path the version's directory, absolute in the store
 * @param rows rows in the version
 * @param updatedAtMs when the version was published
 * @param files how many raw files the set absorbed, above {@code start} up to
 * {@code absorbed}, or {@link #UNKNOWN_FILES} (a manifest written before they were
 * counted). Fewer than the files a listing shows there means late files: published below
 * {@code absorbed} after the set had passed them, so left to the batch layer
 * (docs/architecture.md §4.5)
 */
public record RealtimeManifest(String set, Cutoff start, Cutoff absorbed, long version, String path, long rows,
		long updatedAtMs, long files) {

	/** Recorded when the absorbed files were not counted. */
	public static final long UNKNOWN_FILES = -1;

	public RealtimeManifest {
		if (!absorbed.includes(start)) {
			throw new IllegalArgumentException(
					"a realtime set absorbs at least its start: " + absorbed + " < " + start);
		}
	}

	/** A version whose absorbed files were not counted. */
	public RealtimeManifest(String set, Cutoff start, Cutoff absorbed, long version, String path, long rows,
			long updatedAtMs) {
		this(set, start, absorbed, version, path, rows, updatedAtMs, UNKNOWN_FILES);
	}

	/** Whether this set completes the given batch view exactly. */
	public boolean pairsWith(BatchManifest batch) {
		return this.start.equals(batch.cutoff());
	}

	public byte[] toJson() {
		return ManifestJson.write((json) -> {
			json.writeStringField("set", this.set);
			ManifestJson.writeCutoff(json, "start", this.start);
			ManifestJson.writeCutoff(json, "absorbed", this.absorbed);
			json.writeNumberField("version", this.version);
			json.writeStringField("path", this.path);
			json.writeNumberField("rows", this.rows);
			json.writeNumberField("updatedAtMs", this.updatedAtMs);
			json.writeNumberField("files", this.files);
		});
	}

	public static RealtimeManifest fromJson(byte[] bytes) throws IOException {
		ManifestJson.Fields f = ManifestJson.Fields.read(bytes, "realtime manifest");
		try {
			return new RealtimeManifest(f.text("set"), f.cutoff("start"), f.cutoff("absorbed"), f.number("version"),
					f.text("path"), f.number("rows"), f.number("updatedAtMs"), f.number("files", UNKNOWN_FILES));
		}
		catch (IllegalArgumentException ex) {
			throw new IOException("realtime manifest: " + ex.getMessage(), ex);
		}
	}

}
