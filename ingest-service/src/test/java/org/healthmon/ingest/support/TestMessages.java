package org.healthmon.ingest.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RejectReason;

/** Valid and invalid datagrams for the ingest tests, reproducible from a seed. */
public final class TestMessages {

	private static final HealthMessageJson JSON = new HealthMessageJson();

	private TestMessages() {
	}

	/** Valid messages with distinct event times per service, numbered per service. */
	public static List<HealthMessage> valid(int count, int services, long startMs, long seed) {
		Random random = new Random(seed);
		List<HealthMessage> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			messages.add(validAt(i, services, startMs, random));
		}
		return messages;
	}

	/** The {@code i}-th message of a stream: its event time is unique for its service. */
	public static HealthMessage validAt(long i, int services, long startMs, Random random) {
		double ramTotal = 8 + random.nextInt(4) * 8;
		double diskTotal = 256 + random.nextInt(4) * 256;
		return new HealthMessage("svc-" + (i % services), startMs + i, round(random.nextDouble() * 100), ramTotal,
				round(random.nextDouble() * ramTotal), diskTotal, round(random.nextDouble() * diskTotal), i / services);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	/** A message in the canonical shape for even indexes, the original shape for odd. */
	public static byte[] encodeMixed(HealthMessage message, int index) {
		return (index % 2 == 0) ? JSON.encode(message) : JSON.encodeLegacy(message);
	}

	/** One invalid datagram of the given kind; the kinds cycle through 9 reasons. */
	public static Invalid invalid(int index) {
		RejectReason reason = INVALID_REASONS.get(index % INVALID_REASONS.size());
		String base = "{\"service\":\"bad-" + index + "\",\"timestamp\":1763789462123,";
		String json = switch (reason) {
			case NOT_JSON -> "this is not json " + index;
			case MISSING_FIELD -> base + "\"ram\":{\"total\":16,\"free\":2},\"disk\":{\"total\":100,\"free\":5}}";
			case OUT_OF_RANGE ->
				base + "\"cpu\":150,\"ram\":{\"total\":16,\"free\":2},\"disk\":{\"total\":100,\"free\":5}}";
			case FREE_EXCEEDS_TOTAL ->
				base + "\"cpu\":15,\"ram\":{\"total\":16,\"free\":20},\"disk\":{\"total\":100,\"free\":5}}";
			case BAD_SERVICE_NAME -> "{\"service\":\"bad name " + index
					+ "\",\"timestamp\":1763789462123,\"cpu\":1,\"ram\":{\"total\":16,\"free\":2},\"disk\":{\"total\":100,\"free\":5}}";
			case BAD_TIMESTAMP -> "{\"service\":\"bad-" + index
					+ "\",\"timestamp\":\"yesterday\",\"cpu\":1,\"ram\":{\"total\":16,\"free\":2},\"disk\":{\"total\":100,\"free\":5}}";
			case DUPLICATE_FIELD ->
				base + "\"cpu\":1,\"CPU\":2,\"ram\":{\"total\":16,\"free\":2},\"disk\":{\"total\":100,\"free\":5}}";
			case OVERSIZED -> base + "\"padding\":\"" + "x".repeat(HealthMessageJson.DEFAULT_MAX_BYTES) + "\"}";
			default -> null;
		};
		byte[] payload = (reason == RejectReason.NOT_UTF8) ? new byte[] { '{', (byte) 0xff, (byte) 0xfe, '}' }
				: json.getBytes(StandardCharsets.UTF_8);
		return new Invalid(reason, payload);
	}

	private static final List<RejectReason> INVALID_REASONS = List.of(RejectReason.NOT_JSON, RejectReason.NOT_UTF8,
			RejectReason.MISSING_FIELD, RejectReason.OUT_OF_RANGE, RejectReason.FREE_EXCEEDS_TOTAL,
			RejectReason.BAD_SERVICE_NAME, RejectReason.BAD_TIMESTAMP, RejectReason.DUPLICATE_FIELD,
			RejectReason.OVERSIZED);

	/**
	 * The message a raw CSV line holds, without sequence number (the raw store keeps
	 * none).
	 */
	public static HealthMessage fromCsv(String line) {
		return RawCsv.parse(line).message();
	}

	/** A message as the raw store keeps it. */
	public static HealthMessage withoutSeq(HealthMessage message) {
		return message.withSeq(HealthMessage.NO_SEQ);
	}

	/**
	 * An invalid datagram and why it must be rejected.
	 *
	 * @param reason the expected reason
	 * @param payload the bytes
	 */
	public record Invalid(RejectReason reason, byte[] payload) {
	}

}
