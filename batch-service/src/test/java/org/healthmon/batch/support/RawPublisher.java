package org.healthmon.batch.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.healthmon.model.SequencedFileName;
import org.healthmon.model.StorageLayout;

/**
 * Publishes raw files the way ingest does: written under the hidden name, then renamed to
 * the published one, in sequence order per node, into the partition of the arrival time.
 */
public final class RawPublisher {

	private final FileSystem fs;

	private final StorageLayout layout;

	public RawPublisher(FileSystem fs, StorageLayout layout) {
		this.fs = fs;
		this.layout = layout;
	}

	/** Publishes one file and returns its published path. */
	public String publish(String node, long seq, long arrivalMs, List<String> lines) throws IOException {
		SequencedFileName name = new SequencedFileName(node, seq, "csv");
		Path dir = new Path(this.layout.rawPartition(arrivalMs));
		Path hidden = new Path(dir, name.hidden());
		try (OutputStream out = this.fs.create(hidden, false)) {
			for (String line : lines) {
				out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		Path published = new Path(dir, name.published());
		if (!this.fs.rename(hidden, published)) {
			throw new IOException("could not publish " + published);
		}
		return published.toUri().getPath();
	}

}
