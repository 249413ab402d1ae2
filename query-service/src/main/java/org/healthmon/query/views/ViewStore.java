package org.healthmon.query.views;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.SegmentIndex;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.ServingViews;
import org.healthmon.model.StorageLayout;

/**
 * What the query service reads from the store: the manifests, the view files they name
 * and the ingest catalogs. Read-only.
 */
public final class ViewStore {

	private final FileSystem fs;

	private final StorageLayout layout;

	public ViewStore(FileSystem fs, StorageLayout layout) {
		this.fs = fs;
		this.layout = layout;
	}

	/** The views a query answers from now ({@link ServingViews#choose}). */
	public ServingViews servingViews() throws IOException {
		List<RealtimeManifest> sets = new ArrayList<>();
		for (FileStatus status : glob(new Path(this.layout.manifestsDir(), "realtime-*.json"))) {
			read(status.getPath().toString(), RealtimeManifest::fromJson).ifPresent(sets::add);
		}
		Optional<BatchManifest> batch = read(this.layout.batchManifest(), BatchManifest::fromJson);
		Optional<BatchManifest> previous = read(this.layout.previousBatchManifest(), BatchManifest::fromJson);
		return ServingViews.choose(batch, previous, sets);
	}

	/**
	 * The parts the views are made of, each cached on its own: the batch view's day
	 * segments (or, for a version written before segments, the version), and the realtime
	 * version.
	 */
	public List<Part> parts(ServingViews views) throws IOException {
		List<Part> parts = new ArrayList<>();
		Optional<BatchManifest> batch = views.batch();
		if (batch.isPresent() && batch.get().isSegmented()) {
			byte[] bytes = read(batch.get().index(), (b) -> b)
				.orElseThrow(() -> new FileNotFoundException("segment index " + batch.get().index() + " is gone"));
			for (SegmentIndex.Segment segment : SegmentIndex.fromJson(bytes).segments()) {
				long day = (segment.dayMs() == SegmentIndex.Segment.ALL_DAYS) ? ViewCache.ANY_DAY : segment.dayMs();
				parts.add(new Part(String.join(",", segment.files()), segment.files(), day));
			}
		}
		else if (batch.isPresent()) {
			parts.add(new Part(String.format("batch-v%012d", batch.get().version()), parquetFiles(batch.get().path()),
					ViewCache.ANY_DAY));
		}
		Optional<RealtimeManifest> set = views.realtime();
		if (set.isPresent()) {
			parts.add(new Part(String.format("realtime-%s-v%012d", set.get().set(), set.get().version()),
					parquetFiles(set.get().path()), ViewCache.ANY_DAY));
		}
		return parts;
	}

	/** The Parquet files of a view version directory. */
	private List<String> parquetFiles(String versionDir) throws IOException {
		List<String> files = new ArrayList<>();
		for (FileStatus status : this.fs.listStatus(new Path(versionDir))) {
			if (status.isFile() && status.getPath().getName().endsWith(".parquet")) {
				files.add(status.getPath().toUri().getPath());
			}
		}
		return files;
	}

	/** Whether the store is a local file system, whose files DuckDB can read in place. */
	public boolean isLocal() {
		return "file".equals(this.fs.getUri().getScheme());
	}

	/** A local path of a store file, when {@link #isLocal()}. */
	public java.nio.file.Path localPath(Path file) {
		return java.nio.file.Path.of(this.fs.makeQualified(file).toUri());
	}

	public void copyToLocal(Path file, java.nio.file.Path target) throws IOException {
		this.fs.copyToLocalFile(false, file, new Path(target.toUri()), true);
	}

	/** The catalogs every ingest node persisted. */
	public List<ServiceCatalog> catalogs() throws IOException {
		List<ServiceCatalog> catalogs = new ArrayList<>();
		for (FileStatus status : glob(new Path(this.layout.catalogDir(), "*.json"))) {
			read(status.getPath().toString(), ServiceCatalog::fromJson).ifPresent(catalogs::add);
		}
		return catalogs;
	}

	private FileStatus[] glob(Path pattern) throws IOException {
		FileStatus[] found = this.fs.globStatus(pattern);
		return (found != null) ? found : new FileStatus[0];
	}

	/**
	 * A small file parsed, or empty when it does not exist (it may go between listing and
	 * read).
	 */
	private <T> Optional<T> read(String file, Parser<T> parser) throws IOException {
		try (InputStream in = this.fs.open(new Path(file))) {
			return Optional.of(parser.parse(in.readAllBytes()));
		}
		catch (FileNotFoundException ex) {
			return Optional.empty();
		}
	}

	private interface Parser<T> {

		T parse(byte[] bytes) throws IOException;

	}

	/**
	 * A part of the views, cached on its own.
	 *
	 * @param key what identifies it: the same key, the same files and rows
	 * @param files its Parquet files in the store
	 * @param dayMs the UTC day of all its rows, or {@link ViewCache#ANY_DAY}
	 */
	public record Part(String key, List<String> files, long dayMs) {
	}

}
