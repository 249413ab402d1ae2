package org.healthmon.model;

import java.io.IOException;

/**
 * Published by a batch run before its job starts (docs/architecture.md §9): the version
 * it will publish and its cutoff, so that the speed layer opens the realtime set that
 * starts exactly there before the batch view switches.
 *
 * @param version the version the run will publish
 * @param cutoff the raw files the run covers
 * @param startedAtMs when the run started
 */
public record PendingBatch(long version, Cutoff cutoff, long startedAtMs) {

	public byte[] toJson() {
		return ManifestJson.write((json) -> {
			json.writeNumberField("version", this.version);
			ManifestJson.writeCutoff(json, "cutoff", this.cutoff);
			json.writeNumberField("startedAtMs", this.startedAtMs);
		});
	}

	public static PendingBatch fromJson(byte[] bytes) throws IOException {
		ManifestJson.Fields f = ManifestJson.Fields.read(bytes, "pending batch");
		return new PendingBatch(f.number("version"), f.cutoff("cutoff"), f.number("startedAtMs"));
	}

}
