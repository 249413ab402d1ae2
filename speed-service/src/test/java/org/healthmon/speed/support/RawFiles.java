package org.healthmon.speed.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MinuteStats;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawFileSet;
import org.healthmon.model.RawRecord;
import org.healthmon.model.SequencedFileName;
import org.healthmon.model.StorageLayout;

/**
 * Plays the ingest nodes: publishes raw files the way ingest does (written under a hidden
 * name, then renamed; per node strictly in sequence order) and keeps the brute-force
 * aggregate of every file, to compare the views with.
 */
public final class RawFiles {

	/** 2026-11-22T10:00:00Z */
	private static final long BASE_MINUTE = 1_795_428_000_000L;

	private final FileSystem fs;

	private final StorageLayout layout;

	private final Random random = new Random(4);

	private final Map<String, Long> lastSeq = new TreeMap<>();

	private final List<Published> published = new ArrayList<>();

	public RawFiles(FileSystem fs, StorageLayout layout) {
		this.fs = fs;
		this.layout = layout;
	}

	/**
	 * Publishes {@code filesPerNode} files on each node, each with some bad lines too.
	 */
	public void wave(List<String> nodes, int filesPerNode, int linesPerFile) throws IOException {
		for (int i = 0; i < filesPerNode; i++) {
			for (String node : nodes) {
				publish(node, linesPerFile, 2);
			}
		}
	}

	public synchronized Published publish(String node, int lines, int badLines) throws IOException {
		return publish(node, this.lastSeq.getOrDefault(node, 0L) + 1, lines, badLines);
	}

	/**
	 * Publishes a node's file of the given sequence, in or out of order (a late file when
	 * below one published already).
	 */
	public synchronized Published publish(String node, long seq, int lines, int badLines) throws IOException {
		this.lastSeq.merge(node, seq, Math::max);
		SequencedFileName name = new SequencedFileName(node, seq, "csv");
		String dir = this.layout.rawPartition(System.currentTimeMillis());
		StringBuilder text = new StringBuilder();
		Map<Key, MinuteStats> aggregate = new HashMap<>();
		for (int i = 0; i < lines; i++) {
			RawRecord record = new RawRecord(message(), System.currentTimeMillis());
			RawCsv.append(text, record);
			MinuteStats row = MinuteStats.of(record.message());
			aggregate.merge(Key.of(row), row, MinuteStats::merge);
		}
		for (int i = 0; i < badLines; i++) {
			text.append((i % 2 == 0) ? "not,a,health,line\n" : "svc-1,12,34,250.0,16.0,4.0,512.0,100.0\n");
		}
		Path hidden = new Path(dir, name.hidden());
		try (OutputStream out = this.fs.create(hidden, false)) {
			out.write(text.toString().getBytes(StandardCharsets.UTF_8));
		}
		if (!this.fs.rename(hidden, new Path(dir, name.published()))) {
			throw new IOException("could not publish " + hidden);
		}
		Published file = new Published(name, new Path(dir, name.published()).toUri().getPath(), lines, aggregate);
		this.published.add(file);
		return file;
	}

	private HealthMessage message() {
		String service = "svc-" + this.random.nextInt(5);
		// late and out-of-order event times over six minutes; whole percents, so equal
		// peaks at different times are common and the tie rule is exercised
		long eventTime = BASE_MINUTE + this.random.nextInt(6 * 60_000);
		double cpu = this.random.nextInt(101);
		double ramFree = this.random.nextInt(17);
		double diskFree = 100 + this.random.nextInt(400) / 4.0;
		return new HealthMessage(service, eventTime, cpu, 16.0, ramFree, 512.0, diskFree, HealthMessage.NO_SEQ);
	}

	/** The highest published sequence per node: every file published so far. */
	public synchronized Cutoff highest() {
		Cutoff cutoff = Cutoff.NONE;
		for (Published file : this.published) {
			cutoff = cutoff.with(file.name().nodeId(), file.name().seq());
		}
		return cutoff;
	}

	/** Every published file, as a listing of the whole store would show them. */
	public synchronized RawFileSet listing() {
		return RawFileSet.of(this.published.stream().map(Published::path).toList());
	}

	/** The brute-force aggregate over every published file {@code upTo} covers. */
	public synchronized Map<Key, MinuteStats> aggregate(Cutoff upTo) {
		Map<Key, MinuteStats> rows = new TreeMap<>();
		for (Published file : this.published) {
			if (upTo.covers(file.name())) {
				file.aggregate().forEach((key, row) -> rows.merge(key, row, MinuteStats::merge));
			}
		}
		return rows;
	}

	/** Messages in the files {@code upTo} covers. */
	public synchronized long messages(Cutoff upTo) {
		return this.published.stream().filter((f) -> upTo.covers(f.name())).mapToLong(Published::lines).sum();
	}

	/**
	 * A published file.
	 *
	 * @param name its name
	 * @param path its path in the store
	 * @param lines its good lines
	 * @param aggregate its brute-force per-minute rows
	 */
	public record Published(SequencedFileName name, String path, int lines, Map<Key, MinuteStats> aggregate) {
	}

	/**
	 * A view row's key.
	 *
	 * @param service the service
	 * @param minute the event minute
	 */
	public record Key(String service, long minute) implements Comparable<Key> {

		public static Key of(MinuteStats row) {
			return new Key(row.service(), row.minute());
		}

		@Override
		public int compareTo(Key other) {
			int byService = this.service.compareTo(other.service);
			return (byService != 0) ? byService : Long.compare(this.minute, other.minute);
		}

	}

}
