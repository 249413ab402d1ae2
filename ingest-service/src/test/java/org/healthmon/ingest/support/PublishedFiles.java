package org.healthmon.ingest.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** What a reader of the store sees: every file under a directory, with its lines. */
public final class PublishedFiles {

	private PublishedFiles() {
	}

	public static List<StoredFile> list(FileSystem fs, String dir) throws IOException {
		List<StoredFile> files = new ArrayList<>();
		if (!fs.exists(new Path(dir))) {
			return files;
		}
		RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(dir), true);
		while (it.hasNext()) {
			LocatedFileStatus status = it.next();
			files.add(new StoredFile(status.getPath(), status.getReplication(),
					status.getPath().getName().startsWith("_"),
					status.getPath().getName().startsWith("_") ? List.of() : readLines(fs, status.getPath())));
		}
		return files;
	}

	/** All lines of all published (not hidden) files. */
	public static List<String> publishedLines(FileSystem fs, String dir) throws IOException {
		return list(fs, dir).stream().filter((f) -> !f.hidden()).flatMap((f) -> f.lines().stream()).toList();
	}

	private static List<String> readLines(FileSystem fs, Path path) throws IOException {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		return lines;
	}

	/**
	 * A file in the store.
	 *
	 * @param path its path
	 * @param replication its replication factor
	 * @param hidden whether it is still open (named with a leading '_')
	 * @param lines its lines, for published files
	 */
	public record StoredFile(Path path, short replication, boolean hidden, List<String> lines) {
	}

}
