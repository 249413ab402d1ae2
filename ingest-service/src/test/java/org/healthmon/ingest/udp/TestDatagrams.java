package org.healthmon.ingest.udp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.RejectReason;

/** Datagrams as senders send them: valid in both shapes, and one of each invalid kind. */
final class TestDatagrams {

	static final long EVENT_TIME_MS = 1_763_789_462_123L;

	/** The original assignment's shape, exactly as docs/architecture.md §3 shows it. */
	static final String LEGACY = """
			{
			 "serviceName": "PRINTER",
			 "Timestamp": 1763789462123456789,
			 "CPU": 0.53,
			 "RAM": {
			 "Total": 32,
			 "Free": 12.7
			 },
			 "Disk": {
			 "Total": 4096,
			 "Free": 1510.2
			 },
			}
			""";

	private TestDatagrams() {
	}

	static HealthMessage message(String service, long seq) {
		return new HealthMessage(service, EVENT_TIME_MS + seq, 37.5, 16.0, 5.2, 512.0, 200.1, seq);
	}

	/**
	 * One datagram per reason a datagram can be rejected for, but for
	 * {@code too_many_services} (the catalog's: CatalogCrashIT); the event-time window's
	 * need an arrival near {@link #EVENT_TIME_MS} and a window of less than 25 years.
	 */
	static Map<RejectReason, byte[]> invalid(int maxDatagramBytes) {
		Map<RejectReason, byte[]> invalid = new EnumMap<>(RejectReason.class);
		invalid.put(RejectReason.NOT_UTF8, new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
		invalid.put(RejectReason.NOT_JSON, utf8("hello, ingest"));
		invalid.put(RejectReason.NOT_AN_OBJECT, utf8("[1, 2, 3]"));
		String valid = json("\"a\"", "1763789462123", "37.5", "5.2");
		invalid.put(RejectReason.MISSING_FIELD, utf8(valid.replace(",\"cpu\":37.5", "")));
		invalid.put(RejectReason.DUPLICATE_FIELD,
				utf8(valid.replace("{\"service\":\"a\"", "{\"service\":\"a\",\"serviceName\":\"b\"")));
		invalid.put(RejectReason.BAD_NUMBER, canonical("\"a\"", "1763789462123", "\"lots\"", "5.2"));
		invalid.put(RejectReason.OUT_OF_RANGE, canonical("\"a\"", "1763789462123", "150", "5.2"));
		invalid.put(RejectReason.FREE_EXCEEDS_TOTAL, canonical("\"a\"", "1763789462123", "37.5", "99"));
		invalid.put(RejectReason.BAD_SERVICE_NAME, canonical("\"not a name!\"", "1763789462123", "37.5", "5.2"));
		invalid.put(RejectReason.BAD_TIMESTAMP, canonical("\"a\"", "\"yesterday\"", "37.5", "5.2"));
		invalid.put(RejectReason.OVERSIZED, oversized(maxDatagramBytes + 100));
		// 2001-01-01 and 2099-01-01
		invalid.put(RejectReason.TOO_OLD, canonical("\"a\"", "978307200000", "37.5", "5.2"));
		invalid.put(RejectReason.IN_FUTURE, canonical("\"a\"", "4070908800000", "37.5", "5.2"));
		return invalid;
	}

	/**
	 * A valid message padded with spaces to {@code size} bytes: only its size is wrong.
	 */
	static byte[] oversized(int size) {
		byte[] valid = canonical("\"big\"", "1763789462123", "37.5", "5.2");
		byte[] padded = Arrays.copyOf(valid, size);
		Arrays.fill(padded, valid.length - 1, size - 1, (byte) ' ');
		padded[size - 1] = '}';
		return padded;
	}

	private static byte[] canonical(String service, String timestamp, String cpu, String ramFree) {
		return utf8(json(service, timestamp, cpu, ramFree));
	}

	private static String json(String service, String timestamp, String cpu, String ramFree) {
		return ("{\"service\":" + service + ",\"timestamp\":" + timestamp + ",\"cpu\":" + cpu
				+ ",\"ram\":{\"total\":16.0,\"free\":" + ramFree + "},\"disk\":{\"total\":512.0,\"free\":200.1}}");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
