package org.healthmon.batch.run;

import java.util.List;
import java.util.Optional;

import org.healthmon.model.BatchManifest;
import org.healthmon.model.Cutoff;
import org.healthmon.model.RawFileSet.RawFile;
import org.healthmon.model.SegmentIndex;

/**
 * What one batch run does, decided before anything is written: the version it publishes,
 * the exact cutoff, the raw files it reads and the view it builds on. Immutable; the run
 * carries it out ({@link VersionBuilder}) and publishes.
 *
 * @param kind how the version is made
 * @param version the version to publish
 * @param current the published version it follows, if any
 * @param currentIndex the segments of {@code current} (none when there is no version)
 * @param cutoff the raw files the new version covers
 * @param rawFrom the window the next run lists ({@link BatchManifest#rawFrom})
 * @param rawFiles the raw files the job reads
 * @param newFiles how many of them the current version did not cover
 * @param rawSnapshot the snapshot of the raw store the version counts exactly
 * ({@link BatchManifest#rawSnapshot}), or empty when late-file detection is off
 * @param lateFiles late files the run found and adopted ({@link LateFiles}); they are
 * among the new files
 */
public record RunPlan(Kind kind, long version, Optional<BatchManifest> current, SegmentIndex currentIndex,
		Cutoff cutoff, long rawFrom, List<RawFile> rawFiles, int newFiles, String rawSnapshot, int lateFiles) {

	public RunPlan {
		rawFiles = List.copyOf(rawFiles);
	}

	/** How a version is made. */
	public enum Kind {

		/**
		 * The new raw files, into segments of the days they touch, each merged with that
		 * day's current segment; every other day's segment is shared.
		 */
		INCREMENTAL,
		/** Every raw file up to the cutoff, into new segments of every day. */
		FULL,
		/**
		 * The current version was written before segments: its rows and the new raw
		 * files, into new segments of every day (once per store).
		 */
		MIGRATION;

		/** The name in the run history. */
		public String label() {
			return name().toLowerCase();
		}

	}

}
