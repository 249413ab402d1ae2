package org.healthmon.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.StorageLayout;

/**
 * The raw data in HDFS, read directly: the messages of exactly the published files a
 * cutoff names, for the brute-force aggregate of what an answer covered. Published files
 * never change, so each is read once (the batch layer keeps the small files a compaction
 * replaced for its grace period, longer than a read takes).
 */
final class RawData implements AutoCloseable {

	private final FileSystem fs;

	private final StorageLayout layout = StorageLayout.defaults();

	private final Map<String, List<HealthMessage>> files = new HashMap<>();

	RawData(String hdfsUri) throws IOException {
		Configuration conf = new Configuration();
		conf.set(FileSystem.FS_DEFAULT_NAME_KEY, hdfsUri);
		this.fs = FileSystem.newInstance(URI.create(hdfsUri), conf);
	}

	FileSystem fs() {
		return this.fs;
	}

	/**
	 * Every message in the published raw files the cutoff covers, read as any reader
	 * reads them: a compaction stands for the small files it replaced.
	 */
	synchronized List<HealthMessage> covered(Cutoff cutoff) throws IOException {
		List<HealthMessage> messages = new ArrayList<>();
		for (RawFileSet.RawFile file : listing().select(Cutoff.NONE, cutoff)) {
			messages.addAll(read(new Path(file.path())));
		}
		return messages;
	}

	/** Every message in the published raw files now, each once. */
	synchronized List<HealthMessage> all() throws IOException {
		RawFileSet listing = listing();
		List<HealthMessage> messages = new ArrayList<>();
		for (RawFileSet.RawFile file : listing.select(Cutoff.NONE, listing.highest())) {
			messages.addAll(read(new Path(file.path())));
		}
		return messages;
	}

	/** The compactions in the raw store now. */
	synchronized long compactions() throws IOException {
		return listing().files().stream().filter((file) -> file.name().compacted()).count();
	}

	private RawFileSet listing() throws IOException {
		List<String> paths = new ArrayList<>();
		RemoteIterator<LocatedFileStatus> listing = this.fs.listFiles(new Path(this.layout.rawDir()), true);
		while (listing.hasNext()) {
			paths.add(listing.next().getPath().toUri().getPath());
		}
		return RawFileSet.of(paths);
	}

	private List<HealthMessage> read(Path file) throws IOException {
		List<HealthMessage> messages = this.files.get(file.toString());
		if (messages == null) {
			messages = new ArrayList<>();
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(this.fs.open(file), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					messages.add(RawCsv.parse(line).message());
				}
			}
			this.files.put(file.toString(), messages);
		}
		return messages;
	}

	@Override
	public void close() throws IOException {
		this.fs.close();
	}

}
