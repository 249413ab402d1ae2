package org.healthmon.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded stream of bad datagrams in a fixed mix of kinds, each of which ingest rejects
 * with one known reason (docs/architecture.md §3.3): what the fuzz test and the ingest
 * benchmark send. Cut, random and mutated JSON, control characters, UTF-16, oversized
 * payloads, and valid JSON that breaks one rule each. Each kind assumes ingest's default
 * limits: {@link HealthMessageJson#DEFAULT_MAX_BYTES} and a 30-day / 5-minute
 * {@link ArrivalWindow}. Not thread-safe: one per sending thread.
 */
public final class BadDatagrams {

	/** A kind of bad datagram and the reason ingest gives it. */
	public enum Kind {

		/** A valid message cut short (at least a byte left): an unclosed object. */
		CUT(RejectReason.NOT_JSON),
		/** Up to 2 KiB of control characters. */
		CONTROL_CHARACTERS(RejectReason.NOT_JSON),
		/** A valid message with one structural character turned into a letter. */
		MANGLED(RejectReason.NOT_JSON),
		/** Random bytes with at least one byte that never occurs in UTF-8. */
		RANDOM_BYTES(RejectReason.NOT_UTF8),
		/** A valid message in UTF-16 without a byte order mark. */
		UTF16(RejectReason.NOT_UTF8),
		/** A valid message inside an array. */
		ARRAY(RejectReason.NOT_AN_OBJECT),
		/** A message without its disk. */
		MISSING_FIELD(RejectReason.MISSING_FIELD),
		/** A message with cpu twice. */
		DUPLICATE_FIELD(RejectReason.DUPLICATE_FIELD),
		/** cpu as text. */
		BAD_NUMBER(RejectReason.BAD_NUMBER),
		/** cpu above 100. */
		OUT_OF_RANGE(RejectReason.OUT_OF_RANGE),
		/** More free RAM than in total. */
		FREE_EXCEEDS_TOTAL(RejectReason.FREE_EXCEEDS_TOTAL),
		/** A service name with a space and a slash. */
		BAD_SERVICE_NAME(RejectReason.BAD_SERVICE_NAME),
		/** A timestamp that is no time. */
		BAD_TIMESTAMP(RejectReason.BAD_TIMESTAMP),
		/** An event time 40 days before now. */
		TOO_OLD(RejectReason.TOO_OLD),
		/** An event time an hour after now. */
		IN_FUTURE(RejectReason.IN_FUTURE),
		/** A message padded past the size limit. */
		OVERSIZED(RejectReason.OVERSIZED);

		private final RejectReason reason;

		Kind(RejectReason reason) {
			this.reason = reason;
		}

		/** The reason ingest rejects this kind with. */
		public RejectReason reason() {
			return this.reason;
		}

	}

	private static final Kind[] KINDS = Kind.values();

	private static final HealthMessageJson JSON = new HealthMessageJson();

	private static final long DAY_MS = 86_400_000L;

	private final SplittableRandom random;

	/**
	 * One bad datagram.
	 *
	 * @param kind what is wrong with it
	 * @param payload its bytes
	 */
	public record Bad(Kind kind, byte[] payload) {
	}

	public BadDatagrams(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/**
	 * The next bad datagram, its kind drawn evenly from all kinds.
	 * @param nowMs the current time, epoch ms, for the kinds about the arrival window
	 */
	public Bad next(long nowMs) {
		Kind kind = KINDS[this.random.nextInt(KINDS.length)];
		return new Bad(kind, payload(kind, nowMs));
	}

	/** The payload of a bad datagram of one kind. */
	public byte[] payload(Kind kind, long nowMs) {
		String service = "fuzz-" + this.random.nextInt(1000);
		long time = nowMs - this.random.nextLong(60_000);
		return switch (kind) {
			case CUT -> {
				byte[] valid = valid(service, time);
				yield Arrays.copyOf(valid, 1 + this.random.nextInt(valid.length - 2));
			}
			case CONTROL_CHARACTERS -> {
				byte[] control = new byte[1 + this.random.nextInt(2048)];
				for (int i = 0; i < control.length; i++) {
					control[i] = (byte) (1 + this.random.nextInt(31));
				}
				yield control;
			}
			case MANGLED -> mangled(valid(service, time));
			case RANDOM_BYTES -> {
				byte[] bytes = new byte[1 + this.random.nextInt(512)];
				for (int i = 0; i < bytes.length; i++) {
					bytes[i] = (byte) this.random.nextInt(256);
				}
				bytes[this.random.nextInt(bytes.length)] = (byte) 0xFF;
				yield bytes;
			}
			case UTF16 -> new String(valid(service, time), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
			case ARRAY -> text("[" + new String(valid(service, time), StandardCharsets.UTF_8) + "]");
			case MISSING_FIELD -> text("{\"service\":\"" + service + "\",\"timestamp\":" + time
					+ ",\"cpu\":12.5,\"ram\":{\"total\":16,\"free\":8}}");
			case DUPLICATE_FIELD -> text(fields(service, time, "12.5", "8") + ",\"cpu\":13}");
			case BAD_NUMBER -> text(fields(service, time, "\"high\"", "8") + "}");
			case OUT_OF_RANGE -> text(fields(service, time, "150", "8") + "}");
			case FREE_EXCEEDS_TOTAL -> text(fields(service, time, "12.5", "32") + "}");
			case BAD_SERVICE_NAME -> text(fields("no such/service " + service, time, "12.5", "8") + "}");
			case BAD_TIMESTAMP -> text(fields(service, "\"yesterday\"", "12.5", "8") + "}");
			case TOO_OLD -> valid(service, time - 40 * DAY_MS);
			case IN_FUTURE -> valid(service, nowMs + 3_600_000L);
			case OVERSIZED -> {
				String pad = "x".repeat(HealthMessageJson.DEFAULT_MAX_BYTES + this.random.nextInt(512));
				yield text(fields(service, time, "12.5", "8") + ",\"pad\":\"" + pad + "\"}");
			}
		};
	}

	private byte[] valid(String service, long time) {
		return JSON.encode(new HealthMessage(service, time, this.random.nextInt(10_000) / 100.0, 16, 8, 512, 100,
				HealthMessage.NO_SEQ));
	}

	/**
	 * A structural character ({@code { } : , "}) turned into a letter: what a flipped bit
	 * or a bad template makes of a message. Never valid JSON: an object needs each of
	 * them where it stands.
	 */
	private byte[] mangled(byte[] valid) {
		int[] structural = new int[valid.length];
		int count = 0;
		for (int i = 0; i < valid.length; i++) {
			byte b = valid[i];
			if (b == '{' || b == '}' || b == ':' || b == ',' || b == '"') {
				structural[count++] = i;
			}
		}
		valid[structural[this.random.nextInt(count)]] = 'Q';
		return valid;
	}

	/**
	 * A message's fields up to disk, without the closing brace; the timestamp, cpu and
	 * RAM free as JSON text.
	 */
	private static String fields(String service, Object timestamp, String cpu, String ramFree) {
		return "{\"service\":\"" + service + "\",\"timestamp\":" + timestamp + ",\"cpu\":" + cpu
				+ ",\"ram\":{\"total\":16,\"free\":" + ramFree + "},\"disk\":{\"total\":512,\"free\":100}";
	}

	private static byte[] text(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
