package org.healthmon.ingest.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.healthmon.model.BadDatagrams;
import org.healthmon.model.RejectReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept rejection is one tab-separated line that gives the payload back exactly and
 * costs at most 4/3 of it plus a bounded header.
 */
class RejectedLineTests {

	private static final long ARRIVAL = 1_796_000_000_123L;

	@Test
	void aTextPayloadIsKeptAsEscapedText() {
		String line = line(RejectReason.NOT_JSON, "{\"a\":\t\"b\\c\"\n");
		assertThat(line)
			.isEqualTo("2026-11-30T00:53:20.123Z\t10.0.0.1:5000\tnot_json\ttext\t{\"a\":\\t\"b\\\\c\"\\n\n");
	}

	@Test
	void bytesThatAreNotTextAreKeptAsBase64() {
		byte[] payload = { (byte) 0xFF, 0, 1, '{' };
		String[] fields = new String(RejectedStore.line(ARRIVAL, "10.0.0.1:5000", RejectReason.NOT_UTF8, payload),
				StandardCharsets.UTF_8)
			.strip()
			.split("\t");
		assertThat(fields).hasSize(5);
		assertThat(fields[3]).isEqualTo("base64");
		assertThat(Base64.getDecoder().decode(fields[4])).isEqualTo(payload);
		assertThat(line(RejectReason.NOT_JSON, "\u0001\u0002")).contains("\tbase64\t");
	}

	@Test
	void everyLineIsAtMostFourThirdsOfItsPayloadPlusTheHeader() {
		BadDatagrams bad = new BadDatagrams(17);
		long payloadBytes = 0;
		long lineBytes = 0;
		for (int i = 0; i < 20_000; i++) {
			BadDatagrams.Bad datagram = bad.next(ARRIVAL);
			byte[] payload = datagram.payload();
			byte[] line = RejectedStore.line(ARRIVAL, "[2001:db8::ff00:42:8329]:65535", datagram.kind().reason(),
					payload);
			assertThat(line.length).isLessThanOrEqualTo(RejectedStore.MAX_HEADER_BYTES + 4 * (payload.length + 2) / 3);
			payloadBytes += payload.length;
			lineBytes += line.length;
		}
		assertThat((double) lineBytes / payloadBytes).as("amplification over the fuzz mix").isLessThan(1.5);
	}

	private static String line(RejectReason reason, String payload) {
		return new String(
				RejectedStore.line(ARRIVAL, "10.0.0.1:5000", reason, payload.getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8);
	}

}
