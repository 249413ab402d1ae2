package org.healthmon.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The service catalog ingest keeps and persists as
 * {@link StorageLayout#catalogFile(String)}: every service seen, with its counters.
 * Readers (query service) take it as is; what only its ingest node needs to continue
 * exactly after a crash ({@link RawProgress}, each entry's last {@code seq}) is in the
 * same file, and readers skip it.
 *
 * @param nodeId the ingest node that wrote it
 * @param updatedAtMs when it was written, epoch ms
 * @param services one entry per service, sorted by name
 * @param raw how far into the node's raw files the message counts go
 */
public record ServiceCatalog(String nodeId, long updatedAtMs, List<Entry> services, RawProgress raw) {

	private static final JsonFactory JSON = new JsonFactory();

	public ServiceCatalog {
		services = List.copyOf(services);
		raw = (raw != null) ? raw : RawProgress.UNKNOWN;
	}

	/** A catalog whose counts are not tied to a raw cutoff (written by older nodes). */
	public ServiceCatalog(String nodeId, long updatedAtMs, List<Entry> services) {
		this(nodeId, updatedAtMs, services, RawProgress.UNKNOWN);
	}

	/**
	 * One service in the catalog.
	 *
	 * @param service the service name
	 * @param firstSeenMs arrival time of its first accepted message, epoch ms
	 * @param lastSeenMs arrival time of its latest accepted message, epoch ms
	 * @param messages accepted messages
	 * @param lost datagrams missing from its {@code seq} numbering (lost in the network)
	 * @param duplicates datagrams dropped as repeats of an already accepted {@code seq}
	 * @param lastSeq the highest {@code seq} of its current numbering when the catalog
	 * was written, or {@link HealthMessage#NO_SEQ}
	 * @param lastSeqEventMs the event time of that message, epoch ms
	 * @param admitted the messages of the service the node had admitted when it took
	 * {@code lastSeq}, counted like {@code messages} (from the raw store's count at the
	 * node's start on): the raw store's count above it tells how far the numbering went
	 * on after this catalog was written
	 */
	public record Entry(String service, long firstSeenMs, long lastSeenMs, long messages, long lost, long duplicates,
			long lastSeq, long lastSeqEventMs, long admitted) {

		/** An entry of a service that does not number its messages. */
		public Entry(String service, long firstSeenMs, long lastSeenMs, long messages, long lost, long duplicates) {
			this(service, firstSeenMs, lastSeenMs, messages, lost, duplicates, HealthMessage.NO_SEQ, 0, 0);
		}

	}

	/**
	 * How far the counts of a catalog go into its node's raw files, so that the node can
	 * continue them exactly after a crash (docs/architecture.md §3.4).
	 *
	 * @param cutoff the highest sequence of the node's published raw files whose lines
	 * the {@code messages} counts hold (every lower one's too), or {@link #NONE}
	 * @param cutoffHourMs the partition hour of that file: the node's later files lie
	 * there or later
	 */
	public record RawProgress(long cutoff, long cutoffHourMs) {

		/** No raw file counted yet. */
		public static final long NONE = -1;

		/** Counts of unknown extent: a catalog written before cutoffs were recorded. */
		public static final RawProgress UNKNOWN = new RawProgress(Long.MIN_VALUE, Long.MIN_VALUE);

		public boolean isKnown() {
			return this.cutoff != Long.MIN_VALUE;
		}

	}

	public byte[] toJson() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.useDefaultPrettyPrinter();
			json.writeStartObject();
			json.writeStringField("nodeId", this.nodeId);
			json.writeNumberField("updatedAtMs", this.updatedAtMs);
			if (this.raw.isKnown()) {
				json.writeNumberField("rawCutoff", this.raw.cutoff());
				json.writeNumberField("rawCutoffHourMs", this.raw.cutoffHourMs());
			}
			json.writeArrayFieldStart("services");
			for (Entry e : this.services) {
				json.writeStartObject();
				json.writeStringField("service", e.service());
				json.writeNumberField("firstSeenMs", e.firstSeenMs());
				json.writeNumberField("lastSeenMs", e.lastSeenMs());
				json.writeNumberField("messages", e.messages());
				json.writeNumberField("lost", e.lost());
				json.writeNumberField("duplicates", e.duplicates());
				if (e.lastSeq() != HealthMessage.NO_SEQ) {
					json.writeNumberField("lastSeq", e.lastSeq());
					json.writeNumberField("lastSeqEventMs", e.lastSeqEventMs());
					json.writeNumberField("admitted", e.admitted());
				}
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Reads a catalog written by {@link #toJson()}.
	 * @throws IOException when the bytes are not such a catalog
	 */
	public static ServiceCatalog fromJson(byte[] bytes) throws IOException {
		try (JsonParser json = JSON.createParser(bytes)) {
			expect(json.nextToken(), JsonToken.START_OBJECT);
			String nodeId = null;
			long updatedAtMs = 0;
			long[] raw = { Long.MIN_VALUE, Long.MIN_VALUE };
			List<Entry> services = new ArrayList<>();
			while (json.nextToken() == JsonToken.FIELD_NAME) {
				String field = json.currentName();
				json.nextToken();
				switch (field) {
					case "nodeId" -> nodeId = text(json);
					case "updatedAtMs" -> updatedAtMs = json.getLongValue();
					case "services" -> readEntries(json, services);
					case "rawCutoff" -> raw[0] = json.getLongValue();
					case "rawCutoffHourMs" -> raw[1] = json.getLongValue();
					default -> json.skipChildren();
				}
			}
			if (nodeId == null) {
				throw new IOException("catalog has no nodeId");
			}
			if (json.nextToken() != null) {
				throw new IOException("catalog: content after the catalog object");
			}
			return new ServiceCatalog(nodeId, updatedAtMs, services, new RawProgress(raw[0], raw[1]));
		}
	}

	private static void readEntries(JsonParser json, List<Entry> services) throws IOException {
		expect(json.currentToken(), JsonToken.START_ARRAY);
		while (json.nextToken() == JsonToken.START_OBJECT) {
			String service = null;
			long[] n = { 0, 0, 0, 0, 0, HealthMessage.NO_SEQ, 0, 0 };
			while (json.nextToken() == JsonToken.FIELD_NAME) {
				String field = json.currentName();
				json.nextToken();
				switch (field) {
					case "service" -> service = text(json);
					case "firstSeenMs" -> n[0] = json.getLongValue();
					case "lastSeenMs" -> n[1] = json.getLongValue();
					case "messages" -> n[2] = json.getLongValue();
					case "lost" -> n[3] = json.getLongValue();
					case "duplicates" -> n[4] = json.getLongValue();
					case "lastSeq" -> n[5] = json.getLongValue();
					case "lastSeqEventMs" -> n[6] = json.getLongValue();
					case "admitted" -> n[7] = json.getLongValue();
					default -> json.skipChildren();
				}
			}
			if (service == null) {
				throw new IOException("catalog entry without a service name");
			}
			services.add(new Entry(service, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]));
		}
		expect(json.currentToken(), JsonToken.END_ARRAY);
	}

	private static String text(JsonParser json) throws IOException {
		expect(json.currentToken(), JsonToken.VALUE_STRING);
		return json.getText();
	}

	private static void expect(JsonToken actual, JsonToken expected) throws IOException {
		if (actual != expected) {
			throw new IOException("catalog: expected " + expected + ", found " + actual);
		}
	}

}
