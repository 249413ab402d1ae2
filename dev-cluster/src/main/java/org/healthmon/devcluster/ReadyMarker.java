package org.healthmon.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small file that exists exactly while the cluster is up, so that a launcher can wait
 * for it. Its lines are {@code key=value}: {@code uri}, {@code web}, {@code datanodes}
 * and {@code pid}. It is written by rename, so a reader never sees half of it.
 */
class ReadyMarker {

	static final String FILE_NAME = "READY";

	private final Path file;

	ReadyMarker(Path file) {
		this.file = file;
	}

	void write(ClusterAddress address) {
		String content = "uri=" + address.uri() + "\nweb=" + address.webUi() + "\ndatanodes=" + address.liveDataNodes()
				+ "\npid=" + ProcessHandle.current().pid() + "\n";
		Path partial = this.file.resolveSibling("." + FILE_NAME + ".tmp");
		try {
			Files.writeString(partial, content, StandardCharsets.UTF_8);
			Files.move(partial, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the ready marker " + this.file, ex);
		}
	}

	void clear() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the ready marker " + this.file, ex);
		}
	}

}
