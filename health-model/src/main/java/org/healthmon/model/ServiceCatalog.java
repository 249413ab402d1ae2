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
 * Readers (query service) take it as is.
 *
 * @param nodeId the ingest node that wrote it
 * @param updatedAtMs when it was written, epoch ms
 * @param services one entry per service, sorted by name
 */
public record ServiceCatalog(String nodeId, long updatedAtMs, List<Entry> services) {

	private static final JsonFactory JSON = new JsonFactory();

	public ServiceCatalog {
		services = List.copyOf(services);
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
	 */
	public record Entry(String service, long firstSeenMs, long lastSeenMs, long messages, long lost, long duplicates) {
	}

	public byte[] toJson() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.useDefaultPrettyPrinter();
			json.writeStartObject();
			json.writeStringField("nodeId", this.nodeId);
			json.writeNumberField("updatedAtMs", this.updatedAtMs);
			json.writeArrayFieldStart("services");
			for (Entry e : this.services) {
				json.writeStartObject();
				json.writeStringField("service", e.service());
				json.writeNumberField("firstSeenMs", e.firstSeenMs());
				json.writeNumberField("lastSeenMs", e.lastSeenMs());
				json.writeNumberField("messages", e.messages());
				json.writeNumberField("lost", e.lost());
				json.writeNumberField("duplicates", e.duplicates());
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
			List<Entry> services = new ArrayList<>();
			while (json.nextToken() == JsonToken.FIELD_NAME) {
				String field = json.currentName();
				json.nextToken();
				switch (field) {
					case "nodeId" -> nodeId = text(json);
					case "updatedAtMs" -> updatedAtMs = json.getLongValue();
					case "services" -> readEntries(json, services);
					default -> json.skipChildren();
				}
			}
			if (nodeId == null) {
				throw new IOException("catalog has no nodeId");
			}
			if (json.nextToken() != null) {
				throw new IOException("catalog: content after the catalog object");
			}
			return new ServiceCatalog(nodeId, updatedAtMs, services);
		}
	}

	private static void readEntries(JsonParser json, List<Entry> services) throws IOException {
		expect(json.currentToken(), JsonToken.START_ARRAY);
		while (json.nextToken() == JsonToken.START_OBJECT) {
			String service = null;
			long[] n = new long[5];
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
					default -> json.skipChildren();
				}
			}
			if (service == null) {
				throw new IOException("catalog entry without a service name");
			}
			services.add(new Entry(service, n[0], n[1], n[2], n[3], n[4]));
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
