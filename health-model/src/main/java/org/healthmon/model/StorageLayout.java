package org.healthmon.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Where everything lives in the store (docs/architecture.md §5), relative to one root
 * directory ({@code /healthmon} by default). Paths are plain strings so that apps without
 * Hadoop can use them too.
 *
 * <pre>
 * {root}/raw/date=YYYY-MM-DD/hour=HH/{node}-{seq}.csv   published raw files (by arrival time, UTC)
 * {root}/raw/date=YYYY-MM-DD/hour=HH/{node}-{first}_{last}.csv   a compaction of them
 * {root}/rejected/date=YYYY-MM-DD/{node}-{seq}.tsv     a sample of the rejected input
 * {root}/catalog/{node}.json                           the service catalog of each ingest node (and import)
 * {root}/imports/{node}.json                           the ledger of an import (healthmon import)
 * {root}/imports/{node}/                               its staged files and rejected report
 * {root}/views/batch/v{version}/date=YYYY-MM-DD/*.parquet   a batch version's day segments
 * {root}/views/batch/v{version}/segments.json      every segment of the version (SegmentIndex)
 * {root}/views/realtime/{set}/v{version}/           realtime view versions
 * {root}/manifests/                                    the manifests readers follow
 * {root}/quarantine/                                   raw lines a job could not read
 * </pre>
 *
 * @param root the root directory, absolute, without a trailing slash
 */
public record StorageLayout(String root) {

	public static final String DEFAULT_ROOT = "/healthmon";

	/** A UTC day in milliseconds. */
	public static final long DAY_MS = 86_400_000L;

	private static final Pattern HOUR_DIR = Pattern.compile("hour=\\d{2}");

	public StorageLayout {
		if (!root.startsWith("/") || (root.length() > 1 && root.endsWith("/"))) {
			throw new IllegalArgumentException("root must be absolute, without a trailing '/': '" + root + "'");
		}
	}

	public static StorageLayout defaults() {
		return new StorageLayout(DEFAULT_ROOT);
	}

	public String rawDir() {
		return this.root + "/raw";
	}

	/** The raw partition of an arrival time: {@code raw/date=YYYY-MM-DD/hour=HH}. */
	public String rawPartition(long arrivalTimeMs) {
		ZonedDateTime t = Instant.ofEpochMilli(arrivalTimeMs).atZone(ZoneOffset.UTC);
		return String.format("%s/date=%s/hour=%02d", rawDir(), t.toLocalDate(), t.getHour());
	}

	/**
	 * The start of the hour of the raw partition a file is in, from its path
	 * ({@code …/date=YYYY-MM-DD/hour=HH/<name>}), or {@link Long#MIN_VALUE} when the path
	 * is not in a raw partition.
	 */
	public static long partitionHourOf(String filePath) {
		int nameStart = filePath.lastIndexOf('/');
		int hourStart = (nameStart > 0) ? filePath.lastIndexOf('/', nameStart - 1) : -1;
		int dateStart = (hourStart > 0) ? filePath.lastIndexOf('/', hourStart - 1) : -1;
		if (dateStart < 0) {
			return Long.MIN_VALUE;
		}
		return hourOfPartition(filePath.substring(dateStart + 1, hourStart),
				filePath.substring(hourStart + 1, nameStart));
	}

	/**
	 * The start of the hour a raw partition's directory names stand for, e.g.
	 * {@code date=2026-11-22} and {@code hour=05}, or {@link Long#MIN_VALUE} when they
	 * are not a partition's names.
	 */
	public static long hourOfPartition(String dateDir, String hourDir) {
		long day = dayOfPartition(dateDir);
		if (day == Long.MIN_VALUE || !HOUR_DIR.matcher(hourDir).matches()) {
			return Long.MIN_VALUE;
		}
		int hour = Integer.parseInt(hourDir.substring(5));
		return (hour < 24) ? day + hour * 3_600_000L : Long.MIN_VALUE;
	}

	/**
	 * The start of the UTC day a {@code date=YYYY-MM-DD} directory name stands for, or
	 * {@link Long#MIN_VALUE} when it is not such a name.
	 */
	public static long dayOfPartition(String dateDir) {
		if (!dateDir.startsWith("date=")) {
			return Long.MIN_VALUE;
		}
		try {
			return LocalDate.parse(dateDir.substring(5)).toEpochDay() * DAY_MS;
		}
		catch (DateTimeParseException ex) {
			return Long.MIN_VALUE;
		}
	}

	/** The name of the partition directory of a UTC day: {@code date=YYYY-MM-DD}. */
	public static String dateDirName(long epochMs) {
		return "date=" + Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate();
	}

	/** The start of the partition's hour, which is also the latest possible roll time. */
	public static long hourOf(long epochMs) {
		return Math.floorDiv(epochMs, 3_600_000L) * 3_600_000L;
	}

	public String rejectedDir() {
		return this.root + "/rejected";
	}

	/** The rejected partition of an arrival time: {@code rejected/date=YYYY-MM-DD}. */
	public String rejectedPartition(long arrivalTimeMs) {
		LocalDate date = Instant.ofEpochMilli(arrivalTimeMs).atZone(ZoneOffset.UTC).toLocalDate();
		return rejectedDir() + "/date=" + date;
	}

	public String catalogDir() {
		return this.root + "/catalog";
	}

	/**
	 * The catalog file of one ingest node: each node writes its own, readers merge them
	 * (several nodes writing one file would overwrite each other).
	 */
	public String catalogFile(String nodeId) {
		return catalogDir() + "/" + nodeId + ".json";
	}

	/**
	 * Where {@code healthmon import} keeps its ledgers ({@code imports/<node>.json}) and,
	 * per import, its staged files and rejected report ({@code imports/<node>/}).
	 */
	public String importsDir() {
		return this.root + "/imports";
	}

	public String batchViewsDir() {
		return this.root + "/views/batch";
	}

	public String realtimeViewsDir() {
		return this.root + "/views/realtime";
	}

	public String manifestsDir() {
		return this.root + "/manifests";
	}

	/** The manifest of the published batch view. */
	public String batchManifest() {
		return manifestsDir() + "/batch.json";
	}

	/**
	 * The manifest the batch view had before the current one: kept so that a reader can
	 * stay on the previous (batch, realtime set) pair until the realtime set that pairs
	 * with the new batch view has caught up.
	 */
	public String previousBatchManifest() {
		return manifestsDir() + "/batch-previous.json";
	}

	/** The marker a batch run publishes before its job starts. */
	public String pendingBatchManifest() {
		return manifestsDir() + "/batch-pending.json";
	}

	/** The manifest of realtime view set {@code a} or {@code b}. */
	public String realtimeManifest(String set) {
		return manifestsDir() + "/realtime-" + set + ".json";
	}

	/** The directory of a batch view version. */
	public String batchVersionDir(long version) {
		return String.format("%s/v%012d", batchViewsDir(), version);
	}

	/** The directory of one event day's segment written by a batch version. */
	public String segmentDir(long version, long dayMs) {
		return batchVersionDir(version) + "/" + dateDirName(dayMs);
	}

	/** The {@link SegmentIndex} of a batch version, in its directory. */
	public String segmentIndex(long version) {
		return batchVersionDir(version) + "/segments.json";
	}

	/** Where batch runs write before they publish (hidden from readers). */
	public String batchTmpDir() {
		return batchViewsDir() + "/_tmp";
	}

	/**
	 * Where each batch version records the files it stopped naming, for their deletion
	 * after the grace period.
	 */
	public String batchSupersededDir() {
		return batchViewsDir() + "/_superseded";
	}

	/** The directory of a version of realtime set {@code a} or {@code b}. */
	public String realtimeVersionDir(String set, long version) {
		return String.format("%s/%s/v%012d", realtimeViewsDir(), set, version);
	}

	public String quarantineDir() {
		return this.root + "/quarantine";
	}

}
