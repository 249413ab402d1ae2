package org.healthmon.ingest.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.healthmon.model.RejectReason;

/**
 * Keeps every rejected datagram with its reason, one JSON line each, under the rejected
 * path of its arrival date. The payload is kept as base64 (exact bytes) and, when it is
 * text, as text too, for people reading the file.
 */
public final class RejectedStore {

	private static final JsonFactory JSON = new JsonFactory();

	private final RollingFileWriter writer;

	RejectedStore(RollingFileWriter writer) {
		this.writer = writer;
	}

	/** Keeps one rejected datagram. Thread-safe; waits while the write buffer is full. */
	public void append(RejectedDatagram rejected) {
		this.writer.append(rejected.arrivalTimeMs(), toJsonLine(rejected), null);
	}

	static byte[] toJsonLine(RejectedDatagram rejected) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 + rejected.payload().length * 2);
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringField("arrival", Instant.ofEpochMilli(rejected.arrivalTimeMs()).toString());
			json.writeNumberField("arrivalTimeMs", rejected.arrivalTimeMs());
			json.writeStringField("sender", rejected.sender());
			json.writeStringField("reason", rejected.reason().tag());
			json.writeStringField("detail", rejected.detail());
			json.writeNumberField("bytes", rejected.payload().length);
			json.writeStringField("payloadBase64", Base64.getEncoder().encodeToString(rejected.payload()));
			if (rejected.reason() != RejectReason.NOT_UTF8) {
				json.writeStringField("payloadText", new String(rejected.payload(), StandardCharsets.UTF_8));
			}
			json.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		out.write('\n');
		return out.toByteArray();
	}

}
