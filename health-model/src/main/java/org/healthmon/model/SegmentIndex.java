package org.healthmon.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The segments a batch view version is made of (docs/architecture.md §7): one per UTC
 * event day, each a list of immutable Parquet files. A run rewrites only the days its new
 * raw data touches and shares every other segment with the version before, the way Druid
 * and Iceberg share unchanged segments and data files between versions. A version's index
 * is written once, beside its files ({@link StorageLayout#segmentIndex}), and never
 * changes.
 *
 * @param version the batch version
 * @param segments the segments, by day
 */
public record SegmentIndex(long version, List<Segment> segments) {

	private static final JsonFactory JSON = new JsonFactory();

	public SegmentIndex {
		segments = segments.stream().sorted(Comparator.comparingLong(Segment::dayMs)).toList();
		for (int i = 1; i < segments.size(); i++) {
			if (segments.get(i).dayMs() == segments.get(i - 1).dayMs()) {
				throw new IllegalArgumentException("two segments of day " + segments.get(i).dayMs());
			}
		}
	}

	/** Rows in all segments. */
	public long rows() {
		return this.segments.stream().mapToLong(Segment::rows).sum();
	}

	/** The first event minute, or -1 when there are no rows. */
	public long minMinute() {
		return this.segments.stream().filter((s) -> s.rows() > 0).mapToLong(Segment::minMinute).min().orElse(-1);
	}

	/** The last event minute, or -1 when there are no rows. */
	public long maxMinute() {
		return this.segments.stream().filter((s) -> s.rows() > 0).mapToLong(Segment::maxMinute).max().orElse(-1);
	}

	/**
	 * The index of the next version: these segments, with the given days replaced (or
	 * added).
	 */
	public SegmentIndex replacing(long nextVersion, Collection<Segment> rewritten) {
		Map<Long, Segment> byDay = new TreeMap<>();
		this.segments.forEach((s) -> byDay.put(s.dayMs(), s));
		rewritten.forEach((s) -> byDay.put(s.dayMs(), s));
		return new SegmentIndex(nextVersion, new ArrayList<>(byDay.values()));
	}

	/** The files of this index that {@code next} no longer names. */
	public List<String> filesDroppedBy(SegmentIndex next) {
		Set<String> kept = next.segments.stream().flatMap((s) -> s.files().stream()).collect(Collectors.toSet());
		return this.segments.stream().flatMap((s) -> s.files().stream()).filter((f) -> !kept.contains(f)).toList();
	}

	public byte[] toJson() {
		return ManifestJson.write((json) -> {
			json.writeNumberField("version", this.version);
			json.writeArrayFieldStart("segments");
			for (Segment segment : this.segments) {
				json.writeStartObject();
				json.writeNumberField("day", segment.dayMs());
				json.writeArrayFieldStart("files");
				for (String file : segment.files()) {
					json.writeString(file);
				}
				json.writeEndArray();
				json.writeNumberField("rows", segment.rows());
				json.writeNumberField("minMinute", segment.minMinute());
				json.writeNumberField("maxMinute", segment.maxMinute());
				json.writeEndObject();
			}
			json.writeEndArray();
		});
	}

	public static SegmentIndex fromJson(byte[] bytes) throws IOException {
		try (JsonParser json = JSON.createParser(bytes)) {
			expect(json.nextToken(), JsonToken.START_OBJECT);
			long version = -1;
			List<Segment> segments = null;
			while (json.nextToken() == JsonToken.FIELD_NAME) {
				String field = json.currentName();
				if (field.equals("version")) {
					expect(json.nextToken(), JsonToken.VALUE_NUMBER_INT);
					version = json.getLongValue();
				}
				else if (field.equals("segments")) {
					expect(json.nextToken(), JsonToken.START_ARRAY);
					segments = new ArrayList<>();
					while (json.nextToken() == JsonToken.START_OBJECT) {
						segments.add(readSegment(json));
					}
				}
				else {
					json.nextToken();
					json.skipChildren();
				}
			}
			if (version < 0 || segments == null) {
				throw new IOException("segment index: 'version' or 'segments' is missing");
			}
			return new SegmentIndex(version, segments);
		}
		catch (IllegalArgumentException ex) {
			throw new IOException("segment index: " + ex.getMessage(), ex);
		}
	}

	private static Segment readSegment(JsonParser json) throws IOException {
		Map<String, Long> numbers = new TreeMap<>();
		List<String> files = new ArrayList<>();
		while (json.nextToken() == JsonToken.FIELD_NAME) {
			String field = json.currentName();
			JsonToken value = json.nextToken();
			if (field.equals("files")) {
				expect(value, JsonToken.START_ARRAY);
				while (json.nextToken() == JsonToken.VALUE_STRING) {
					files.add(json.getText());
				}
			}
			else if (value == JsonToken.VALUE_NUMBER_INT) {
				numbers.put(field, json.getLongValue());
			}
			else {
				json.skipChildren();
			}
		}
		for (String field : List.of("day", "rows", "minMinute", "maxMinute")) {
			if (!numbers.containsKey(field)) {
				throw new IOException("segment index: a segment's '" + field + "' is missing");
			}
		}
		return new Segment(numbers.get("day"), files, numbers.get("rows"), numbers.get("minMinute"),
				numbers.get("maxMinute"));
	}

	private static void expect(JsonToken actual, JsonToken expected) throws IOException {
		if (actual != expected) {
			throw new IOException("segment index: expected " + expected + ", found " + actual);
		}
	}

	/**
	 * The rows of one UTC event day.
	 *
	 * @param dayMs the day's start (epoch ms), or {@link #ALL_DAYS} for a version written
	 * before segments, whose files hold every day
	 * @param files its Parquet files, absolute paths in the store
	 * @param rows rows in its files
	 * @param minMinute first event minute, or -1 when it has no rows
	 * @param maxMinute last event minute, or -1 when it has no rows
	 */
	public record Segment(long dayMs, List<String> files, long rows, long minMinute, long maxMinute) {

		/** The day of a whole version written before segments existed. */
		public static final long ALL_DAYS = Long.MIN_VALUE;

		public Segment {
			files = List.copyOf(files);
		}

	}

}
