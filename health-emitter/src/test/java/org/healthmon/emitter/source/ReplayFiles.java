package org.healthmon.emitter.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;

/** Writes replay files in both formats, through the shared codecs. */
public final class ReplayFiles {

	private static final long START = Instant.parse("2026-11-22T05:31:02.123Z").toEpochMilli();

	private ReplayFiles() {
	}

	/** Messages of three services with distinct values and no {@code seq}. */
	public static List<HealthMessage> messages(int count) {
		List<HealthMessage> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			messages.add(new HealthMessage("replayed-" + (i % 3), START + i * 1000L, (i * 7) % 100 + 0.25, 32,
					12.5 + i % 10, 4096, 1510.2 - i, HealthMessage.NO_SEQ));
		}
		return messages;
	}

	/**
	 * A raw CSV file; the ingest time differs from the event time and must be ignored.
	 */
	public static Path csv(Path file, List<HealthMessage> messages) throws IOException {
		StringBuilder text = new StringBuilder();
		for (HealthMessage m : messages) {
			RawCsv.append(text, new RawRecord(m, m.eventTimeMs() + 250));
		}
		return Files.writeString(file, text);
	}

	/**
	 * A JSON-lines file whose messages carry an old {@code seq}, which replay renumbers.
	 */
	public static Path jsonLines(Path file, List<HealthMessage> messages) throws IOException {
		List<String> lines = new ArrayList<>(messages.size());
		for (HealthMessage m : messages) {
			lines.add(
					new String(new HealthMessageJson().encode(m.withSeq(1000 + lines.size())), StandardCharsets.UTF_8));
		}
		return Files.write(file, lines);
	}

}
