package org.healthmon.emitter.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RawCsv;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a file, in file order, with the file's event times. Each line is read
 * by its first character: {@code {} starts a JSON message (decoded with the shared
 * codec), anything else a raw CSV line whose ingest time is ignored. Blank lines are
 * skipped; a line that cannot be read is logged with its number and reason, counted, and
 * left out.
 */
final class ReplayFileSource implements MessageSource {

	private static final Log log = LogFactory.getLog(ReplayFileSource.class);

	/** Bad lines logged one by one; beyond this they are only counted. */
	private static final int BAD_LINES_LOGGED = 10;

	private final Path file;

	private final HealthMessageJson json;

	private final BufferedReader reader;

	private long lineNumber;

	private long skipped;

	ReplayFileSource(Path file, HealthMessageJson json) {
		this.file = file;
		this.json = json;
		try {
			this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open replay file " + file.toAbsolutePath(), ex);
		}
	}

	@Override
	public @Nullable HealthMessage next(long nowMs) {
		String line;
		while ((line = readLine()) != null) {
			this.lineNumber++;
			String trimmed = line.strip();
			if (!trimmed.isEmpty()) {
				HealthMessage message = parse(trimmed);
				if (message != null) {
					return message;
				}
			}
		}
		return null;
	}

	private @Nullable String readLine() {
		try {
			return this.reader.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read replay file " + this.file + " after line " + this.lineNumber,
					ex);
		}
	}

	private @Nullable HealthMessage parse(String line) {
		if (line.charAt(0) == '{') {
			DecodeResult result = this.json.decode(line.getBytes(StandardCharsets.UTF_8));
			if (result instanceof DecodeResult.Accepted accepted) {
				return accepted.message().withSeq(HealthMessage.NO_SEQ);
			}
			DecodeResult.Rejected rejected = (DecodeResult.Rejected) result;
			return skip(rejected.reason().tag() + ": " + rejected.detail());
		}
		try {
			return RawCsv.parse(line).message();
		}
		catch (RawCsv.BadLineException ex) {
			return skip(ex.getMessage());
		}
	}

	private @Nullable HealthMessage skip(String reason) {
		this.skipped++;
		if (this.skipped <= BAD_LINES_LOGGED) {
			log.warn("Skipping line " + this.lineNumber + " of " + this.file + ": " + reason);
		}
		else if (this.skipped == BAD_LINES_LOGGED + 1) {
			log.warn("More bad lines in " + this.file + "; only counting them from now on");
		}
		return null;
	}

	@Override
	public long skipped() {
		return this.skipped;
	}

	@Override
	public String describe() {
		return "replay of " + this.file.toAbsolutePath();
	}

	@Override
	public void close() {
		try {
			this.reader.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot close replay file " + this.file, ex);
		}
	}

}
