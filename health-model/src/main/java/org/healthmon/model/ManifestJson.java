package org.healthmon.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The small JSON form shared by the manifests: a flat object of strings and numbers, plus
 * cutoffs as objects of node id to sequence number.
 */
final class ManifestJson {

	private static final JsonFactory JSON = new JsonFactory();

	private ManifestJson() {
	}

	interface Writer {

		void write(JsonGenerator json) throws IOException;

	}

	static byte[] write(Writer fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.useDefaultPrettyPrinter();
			json.writeStartObject();
			fields.write(json);
			json.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static void writeCutoff(JsonGenerator json, String field, Cutoff cutoff) throws IOException {
		json.writeObjectFieldStart(field);
		for (Map.Entry<String, Long> e : cutoff.seqByNode().entrySet()) {
			json.writeNumberField(e.getKey(), e.getValue());
		}
		json.writeEndObject();
	}

	/** The fields of a manifest as read: scalars as text, cutoffs as cutoffs. */
	static final class Fields {

		private final String kind;

		private final Map<String, String> scalars = new HashMap<>();

		private final Map<String, Cutoff> cutoffs = new HashMap<>();

		private Fields(String kind) {
			this.kind = kind;
		}

		static Fields read(byte[] bytes, String kind) throws IOException {
			Fields fields = new Fields(kind);
			try (JsonParser json = JSON.createParser(bytes)) {
				if (json.nextToken() != JsonToken.START_OBJECT) {
					throw new IOException(kind + ": not a JSON object");
				}
				while (json.nextToken() == JsonToken.FIELD_NAME) {
					String name = json.currentName();
					JsonToken value = json.nextToken();
					if (value == JsonToken.START_OBJECT) {
						fields.cutoffs.put(name, readCutoff(json, kind));
					}
					else if (value.isScalarValue()) {
						fields.scalars.put(name, json.getText());
					}
					else {
						json.skipChildren();
					}
				}
				if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
					throw new IOException(kind + ": malformed JSON");
				}
			}
			return fields;
		}

		private static Cutoff readCutoff(JsonParser json, String kind) throws IOException {
			Map<String, Long> seqs = new TreeMap<>();
			while (json.nextToken() == JsonToken.FIELD_NAME) {
				String node = json.currentName();
				if (json.nextToken() != JsonToken.VALUE_NUMBER_INT) {
					throw new IOException(kind + ": cutoff of node " + node + " is not an integer");
				}
				seqs.put(node, json.getLongValue());
			}
			return new Cutoff(seqs);
		}

		String text(String name) throws IOException {
			String value = this.scalars.get(name);
			if (value == null) {
				throw new IOException(this.kind + ": field '" + name + "' is missing");
			}
			return value;
		}

		String text(String name, String absent) {
			return this.scalars.getOrDefault(name, absent);
		}

		long number(String name, long absent) throws IOException {
			return this.scalars.containsKey(name) ? number(name) : absent;
		}

		long number(String name) throws IOException {
			try {
				return Long.parseLong(text(name));
			}
			catch (NumberFormatException ex) {
				throw new IOException(this.kind + ": field '" + name + "' is not an integer", ex);
			}
		}

		Cutoff cutoff(String name) throws IOException {
			Cutoff cutoff = this.cutoffs.get(name);
			if (cutoff == null) {
				throw new IOException(this.kind + ": cutoff '" + name + "' is missing");
			}
			return cutoff;
		}

	}

}
