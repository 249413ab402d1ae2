package org.healthmon.model;

import java.io.IOException;

/**
 * What readers follow to find the current batch view (DESIGN.md §2.4): the published
 * version and exactly which raw files it covers.
 *
 * @param version the version number, increasing per published run
 * @param cutoff the raw files the view covers
 * @param path the version's directory, absolute in the store
 * @param rows rows in the view
 * @param minMinute first event minute in the view (epoch ms), or -1 when empty
 * @param maxMinute last event minute in the view (epoch ms), or -1 when empty
 * @param createdAtMs when the version was published
 */
public record BatchManifest(long version, Cutoff cutoff, String path, long rows, long minMinute, long maxMinute,
		long createdAtMs) {

	public byte[] toJson() {
		return ManifestJson.write((json) -> {
			json.writeNumberField("version", this.version);
			ManifestJson.writeCutoff(json, "cutoff", this.cutoff);
			json.writeStringField("path", this.path);
			json.writeNumberField("rows", this.rows);
			json.writeNumberField("minMinute", this.minMinute);
			json.writeNumberField("maxMinute", this.maxMinute);
			json.writeNumberField("createdAtMs", this.createdAtMs);
		});
	}

	public static BatchManifest fromJson(byte[] bytes) throws IOException {
		ManifestJson.Fields f = ManifestJson.Fields.read(bytes, "batch manifest");
		return new BatchManifest(f.number("version"), f.cutoff("cutoff"), f.text("path"), f.number("rows"),
				f.number("minMinute"), f.number("maxMinute"), f.number("createdAtMs"));
	}

}
