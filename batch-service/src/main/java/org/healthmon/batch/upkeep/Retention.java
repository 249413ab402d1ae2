package org.healthmon.batch.upkeep;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileStatus;
import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.store.BatchStore;
import org.healthmon.model.StorageLayout;

/**
 * Deletes data past its retention: rejected input and quarantined raw lines by age, and
 * raw partitions only when configured (raw data is the master dataset, kept forever by
 * default), and then only days the compactor has passed, whose every line the batch view
 * already counts. Each looks at one directory's list of days or versions, never deeper.
 */
public class Retention {

	private static final Log log = LogFactory.getLog(Retention.class);

	private final BatchStore store;

	private final BatchProperties.Retention settings;

	private final Clock clock;

	public Retention(BatchStore store, BatchProperties.Retention settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Deletes what is past its retention.
	 * @param absorbedBefore raw days ending at or before this instant are in the batch
	 * view (the compactor's progress)
	 * @return directories deleted
	 */
	public int apply(long absorbedBefore) throws IOException {
		long now = this.clock.millis();
		StorageLayout layout = this.store.layout();
		int deleted = deleteDays(layout.rejectedDir(), now, this.settings.rejected(), Long.MAX_VALUE);
		deleted += deleteDays(layout.rawDir(), now, this.settings.raw(), absorbedBefore);
		if (!this.settings.quarantine().isZero()) {
			for (FileStatus version : this.store.list(layout.quarantineDir())) {
				if (now - version.getModificationTime() >= this.settings.quarantine().toMillis()) {
					deleted += delete(version.getPath().toUri().getPath());
				}
			}
		}
		return deleted;
	}

	/** Deletes the {@code date=} directories whose whole day is older than the age. */
	private int deleteDays(String dir, long now, Duration age, long before) throws IOException {
		if (age.isZero()) {
			return 0;
		}
		int deleted = 0;
		for (String path : this.store.children(dir)) {
			long day = StorageLayout.dayOfPartition(path.substring(path.lastIndexOf('/') + 1));
			long end = day + StorageLayout.DAY_MS;
			if (day != Long.MIN_VALUE && end <= now - age.toMillis() && end <= before) {
				deleted += delete(path);
			}
		}
		return deleted;
	}

	private int delete(String path) throws IOException {
		if (this.store.delete(path)) {
			log.info("Deleted " + path + ": past its retention");
			return 1;
		}
		return 0;
	}

}
