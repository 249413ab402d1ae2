package org.healthmon.batch.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.job.ViewJob;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.batch.store.ViewDirectorySummary;
import org.healthmon.model.SegmentIndex;
import org.healthmon.model.StorageLayout;

/**
 * Carries out a {@link RunPlan} in a hidden directory of its own: the view job over the
 * plan's raw files writes their day segments ({@code a/}); for the days that already had
 * a segment, a second job merges those rows with the old segment ({@code b/}); the
 * version's day directories and its {@link SegmentIndex} are gathered in {@code out/},
 * which the run then renames into place. Reads only the new raw files and the segments of
 * the days they touch.
 */
class VersionBuilder {

	private final BatchStore store;

	private final Configuration jobConf;

	private final BatchProperties properties;

	VersionBuilder(BatchStore store, Configuration jobConf, BatchProperties properties) {
		this.store = store;
		this.jobConf = jobConf;
		this.properties = properties;
	}

	/**
	 * Builds the plan's version in {@code tmp}.
	 * @return what was built
	 * @throws ViewJobFailedException when a job fails
	 * @throws IllegalStateException when the files a job wrote do not hold the rows it
	 * counted
	 */
	Built build(RunPlan plan, Path tmp) throws IOException, InterruptedException {
		StorageLayout layout = this.store.layout();
		List<Path> viewRows = new ArrayList<>();
		if (plan.kind() == RunPlan.Kind.MIGRATION) {
			plan.currentIndex().segments().forEach((s) -> s.files().forEach((f) -> viewRows.add(new Path(f))));
		}
		Path fresh = new Path(tmp, "a");
		ViewJob.Result first = run(plan, "new data", plan.rawFiles().stream().map((f) -> new Path(f.path())).toList(),
				viewRows, fresh);
		Map<Long, Path> days = days(fresh);
		Map<Long, SegmentIndex.Segment> old = new TreeMap<>();
		if (plan.kind() == RunPlan.Kind.INCREMENTAL) {
			plan.currentIndex()
				.segments()
				.stream()
				.filter((s) -> days.containsKey(s.dayMs()))
				.forEach((s) -> old.put(s.dayMs(), s));
		}
		Optional<ViewJob.Result> merge = Optional.empty();
		if (!old.isEmpty()) {
			List<Path> inputs = new ArrayList<>();
			old.forEach((day, segment) -> {
				inputs.add(days.get(day));
				segment.files().forEach((f) -> inputs.add(new Path(f)));
			});
			Path merged = new Path(tmp, "b");
			merge = Optional.of(run(plan, "days merged", List.of(), inputs, merged));
			days.putAll(days(merged));
		}
		Path out = new Path(tmp, "out");
		List<SegmentIndex.Segment> segments = new ArrayList<>();
		for (Map.Entry<Long, Path> day : days.entrySet()) {
			Path dayDir = new Path(out, StorageLayout.dateDirName(day.getKey()));
			this.store.rename(day.getValue(), dayDir);
			segments.add(segment(day.getKey(), dayDir, layout.segmentDir(plan.version(), day.getKey())));
		}
		SegmentIndex index = (plan.kind() == RunPlan.Kind.INCREMENTAL)
				? plan.currentIndex().replacing(plan.version(), segments) : new SegmentIndex(plan.version(), segments);
		try (var stream = this.store.fs().create(new Path(out, "segments.json"), false)) {
			stream.write(index.toJson());
		}
		long readBack = (plan.kind() == RunPlan.Kind.MIGRATION) ? plan.currentIndex().rows()
				: old.values().stream().mapToLong(SegmentIndex.Segment::rows).sum();
		return new Built(out, new Path(fresh, "_quarantine"), index, segments.size(), readBack, first, merge);
	}

	private ViewJob.Result run(RunPlan plan, String what, List<Path> raw, List<Path> views, Path output)
			throws IOException, InterruptedException {
		ViewJob.Spec spec = new ViewJob.Spec(
				"healthmon batch v" + plan.version() + " (" + plan.kind().label() + ", " + what + ")", qualified(raw),
				qualified(views), this.store.fs().makeQualified(output), this.properties.reducers(),
				this.properties.splitSize().toBytes(), this.properties.jobJar());
		ViewJob.Result result;
		try {
			result = ViewJob.run(this.jobConf, spec);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("the view job's classes are missing: " + ex.getMessage(), ex);
		}
		long written = 0;
		for (Path day : days(output).values()) {
			written += ViewDirectorySummary.of(this.store.fs(), day).rows();
		}
		if (written != result.outputRows()) {
			throw new IllegalStateException("the " + what + " job wrote " + result.outputRows()
					+ " rows but its files hold " + written + ": not publishing");
		}
		return result;
	}

	/** The day directories a job wrote, by day. */
	private Map<Long, Path> days(Path output) throws IOException {
		Map<Long, Path> days = new TreeMap<>();
		for (FileStatus entry : this.store.list(output.toUri().getPath())) {
			long day = StorageLayout.dayOfPartition(entry.getPath().getName());
			if (entry.isDirectory() && day != Long.MIN_VALUE) {
				days.put(day, entry.getPath());
			}
		}
		return days;
	}

	/**
	 * A day's segment, its files named where they will be once the version is in place.
	 */
	private SegmentIndex.Segment segment(long day, Path built, String published) throws IOException {
		ViewDirectorySummary files = ViewDirectorySummary.of(this.store.fs(), built);
		List<String> paths = files.files()
			.stream()
			.map((f) -> published + "/" + f.substring(f.lastIndexOf('/') + 1))
			.toList();
		return new SegmentIndex.Segment(day, paths, files.rows(), files.minMinute(), files.maxMinute());
	}

	private List<Path> qualified(List<Path> paths) {
		return paths.stream().map((p) -> this.store.fs().makeQualified(p)).toList();
	}

	/**
	 * A version built in its hidden directory.
	 *
	 * @param dir the directory to rename into place ({@code out/})
	 * @param quarantine where the job put the raw lines it could not read (may not exist)
	 * @param index the version's segments
	 * @param daysWritten the segments this run wrote
	 * @param viewRows rows of the current version read back: the old segments of the days
	 * merged, or the whole of a version written before segments
	 * @param first the job over the new raw files
	 * @param merge the job that merged old segments, if any ran
	 */
	record Built(Path dir, Path quarantine, SegmentIndex index, int daysWritten, long viewRows, ViewJob.Result first,
			Optional<ViewJob.Result> merge) {

		long rawLines() {
			return this.first.rawLines();
		}

		String jobIds() {
			return this.first.jobId() + this.merge.map((m) -> ", " + m.jobId()).orElse("");
		}

	}

}
