package org.healthmon.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a stream into lines in place, in one reused buffer: a line is a range of
 * {@link #buffer()}, valid until the next {@link #next()}, so that decoders read it with
 * no String built. {@code \n} and {@code \r\n} end lines. A line longer than the buffer
 * is skipped and reported {@link #oversized()}, with its first bytes. Not thread-safe.
 */
final class LineReader {

	/** Bytes of a line kept to show it in a rejected report. */
	static final int SHOWN = 1024;

	private final InputStream in;

	private final byte[] buffer;

	private int pos;

	private int limit;

	private int scanned;

	private boolean eof;

	private int start;

	private int length;

	private long number;

	private byte[] oversizedPrefix;

	LineReader(InputStream in, int bufferSize) {
		this.in = in;
		this.buffer = new byte[bufferSize];
	}

	/** Moves to the next line; {@code false} at the end of the stream. */
	boolean next() throws IOException {
		this.oversizedPrefix = null;
		while (true) {
			for (int i = this.scanned; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					take(i);
					this.pos = i + 1;
					this.scanned = this.pos;
					return true;
				}
			}
			this.scanned = this.limit;
			if (this.eof) {
				if (this.pos < this.limit) {
					take(this.limit);
					this.pos = this.limit;
					return true;
				}
				return false;
			}
			if (this.pos > 0) {
				System.arraycopy(this.buffer, this.pos, this.buffer, 0, this.limit - this.pos);
				this.limit -= this.pos;
				this.scanned -= this.pos;
				this.pos = 0;
			}
			if (this.limit == this.buffer.length) {
				skipOversized();
				return true;
			}
			fill();
		}
	}

	private void take(int end) {
		this.start = this.pos;
		int stop = (end > this.pos && this.buffer[end - 1] == '\r') ? end - 1 : end;
		this.length = stop - this.pos;
		this.number++;
	}

	private void fill() throws IOException {
		int n = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (n < 0) {
			this.eof = true;
		}
		else {
			this.limit += n;
		}
	}

	/** A line that fills the whole buffer: keep its start, drop the rest of it. */
	private void skipOversized() throws IOException {
		this.oversizedPrefix = Arrays.copyOf(this.buffer, SHOWN);
		this.number++;
		this.start = 0;
		this.length = 0;
		while (true) {
			this.pos = 0;
			this.limit = 0;
			fill();
			if (this.eof) {
				this.scanned = 0;
				return;
			}
			for (int i = 0; i < this.limit; i++) {
				if (this.buffer[i] == '\n') {
					this.pos = i + 1;
					this.scanned = this.pos;
					return;
				}
			}
		}
	}

	byte[] buffer() {
		return this.buffer;
	}

	int start() {
		return this.start;
	}

	int length() {
		return this.length;
	}

	/** The number of the current line, from 1. */
	long number() {
		return this.number;
	}

	/** Whether the current line was longer than the buffer (and is not in it). */
	boolean oversized() {
		return this.oversizedPrefix != null;
	}

	/** Whether the current line holds nothing but spaces and tabs. */
	boolean blank() {
		if (oversized()) {
			return false;
		}
		for (int i = this.start; i < this.start + this.length; i++) {
			byte b = this.buffer[i];
			if (b != ' ' && b != '\t') {
				return false;
			}
		}
		return true;
	}

	/** The current line as text (its first {@link #SHOWN} bytes), for a report. */
	String shown() {
		if (oversized()) {
			return new String(this.oversizedPrefix, StandardCharsets.UTF_8) + "...";
		}
		int n = Math.min(this.length, SHOWN);
		return new String(this.buffer, this.start, n, StandardCharsets.UTF_8) + ((n < this.length) ? "..." : "");
	}

	/**
	 * The current line as a String: ISO-8859-1 when it is ASCII (the fast, compact case),
	 * else UTF-8.
	 */
	String text() {
		for (int i = this.start; i < this.start + this.length; i++) {
			if (this.buffer[i] < 0) {
				return new String(this.buffer, this.start, this.length, StandardCharsets.UTF_8);
			}
		}
		return new String(this.buffer, this.start, this.length, StandardCharsets.ISO_8859_1);
	}

}
