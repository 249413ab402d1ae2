package org.healthmon.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A real file system that counts the directories listed through it, for tests that show a
 * periodic step lists what its new data needs rather than the whole store. Everything
 * else passes straight through.
 */
public final class CountingFileSystem extends FilterFileSystem {

	private final AtomicLong listings = new AtomicLong();

	private final List<String> listed = Collections.synchronizedList(new ArrayList<>());

	public CountingFileSystem(FileSystem fs) {
		super(fs);
		setConf(fs.getConf());
	}

	/** Directories listed so far. */
	public long listings() {
		return this.listings.get();
	}

	/** Directories listed so far at or under a path. */
	public long listings(String under) {
		synchronized (this.listed) {
			return this.listed.stream().filter((dir) -> dir.equals(under) || dir.startsWith(under + "/")).count();
		}
	}

	@Override
	public FileStatus[] listStatus(Path dir) throws IOException {
		this.listings.incrementAndGet();
		this.listed.add(dir.toUri().getPath());
		return super.listStatus(dir);
	}

}
