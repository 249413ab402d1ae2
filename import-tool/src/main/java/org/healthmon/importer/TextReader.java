package org.healthmon.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.RejectReason;

/**
 * A reader of a line-based input (CSV, JSON lines), gzip-compressed or not: splits it
 * into lines and hands each non-blank one to {@link #line}.
 */
abstract class TextReader implements MessageReader {

	/** The line buffer: lines longer than this are rejected as oversized. */
	static final int BUFFER = 1 << 20;

	/** Longest record line accepted, as ingest's largest datagram is for JSON. */
	static final int MAX_LINE = 65_536;

	private static final DecodeResult.Rejected OVERSIZED = new DecodeResult.Rejected(RejectReason.OVERSIZED,
			"line longer than " + MAX_LINE + " bytes");

	private final CountingInputStream counted;

	private final InputStream in;

	protected final LineReader lines;

	TextReader(Path file) throws IOException {
		this.counted = new CountingInputStream(Files.newInputStream(file));
		this.in = InputFormat.isGzip(file) ? new GZIPInputStream(this.counted, 1 << 16) : this.counted;
		this.lines = new LineReader(this.in, BUFFER);
	}

	/** The first non-blank line of a text input, or {@code null} when it has none. */
	static String firstLine(Path file) throws IOException {
		try (TextReader reader = new TextReader(file) {
			@Override
			protected void line(RecordSink sink) {
			}
		}) {
			while (reader.lines.next()) {
				if (!reader.lines.blank()) {
					return reader.lines.text();
				}
			}
			return null;
		}
	}

	@Override
	public void read(RecordSink sink) throws IOException {
		while (this.lines.next()) {
			if (this.lines.oversized() || this.lines.length() > MAX_LINE) {
				sink.reject(OVERSIZED, this.lines.number(), this.lines::shown);
			}
			else if (!this.lines.blank()) {
				line(sink);
			}
		}
	}

	/** Reads the current line ({@link #lines}), which is neither blank nor oversized. */
	protected abstract void line(RecordSink sink) throws IOException;

	@Override
	public long bytesRead() {
		return this.counted.count();
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
