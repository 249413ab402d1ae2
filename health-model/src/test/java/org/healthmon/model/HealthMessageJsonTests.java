package org.healthmon.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class HealthMessageJsonTests {

	private static final HealthMessageJson DECODER = new HealthMessageJson();

	private static final long T = Instant.parse("2026-11-22T05:31:02.123Z").toEpochMilli();

	private static final HealthMessage ORDERS = new HealthMessage("orders", T, 37.5, 16.0, 5.2, 512.0, 200.1,
			HealthMessage.NO_SEQ);

	/** The original assignment's shape, byte for byte as in docs/architecture.md §3. */
	private static final String LEGACY = """
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

	// canonical shape

	@Test
	void whenMessageHasTheCanonicalShapeThenItIsAccepted() {
		assertThat(accepted(message())).isEqualTo(ORDERS);
		assertThat(ORDERS.hasSeq()).isFalse();
	}

	@Test
	void whenTimestampHasAnOffsetThenItIsConvertedToUtc() {
		assertThat(accepted(message("timestamp", "\"2026-11-22T07:31:02.123+02:00\"")).eventTimeMs()).isEqualTo(T);
		assertThat(accepted(message("timestamp", "\"2026-11-22T00:01:02.123-05:30\"")).eventTimeMs()).isEqualTo(T);
	}

	@Test
	void whenIsoTimestampHasNanosecondsThenMillisAreKept() {
		assertThat(accepted(message("timestamp", "\"2026-11-22T05:31:02.123999999Z\"")).eventTimeMs()).isEqualTo(T);
	}

	@Test
	void whenTimestampIsEpochSecondsThenItIsScaledToMillis() {
		assertThat(accepted(message("timestamp", "1763789462")).eventTimeMs()).isEqualTo(1763789462000L);
	}

	@Test
	void whenTimestampIsEpochMillisThenItIsKept() {
		assertThat(accepted(message("timestamp", "1763789462123")).eventTimeMs()).isEqualTo(1763789462123L);
	}

	@Test
	void whenTimestampIsEpochMicrosThenMillisAreKept() {
		assertThat(accepted(message("timestamp", "1763789462123456")).eventTimeMs()).isEqualTo(1763789462123L);
	}

	@Test
	void whenTimestampIsEpochNanosThenMillisAreKept() {
		assertThat(accepted(message("timestamp", "1763789462123456789")).eventTimeMs()).isEqualTo(1763789462123L);
	}

	@Test
	void whenTimestampIsFractionalEpochSecondsThenMillisAreKept() {
		assertThat(accepted(message("timestamp", "1763789462.5")).eventTimeMs()).isEqualTo(1763789462500L);
		assertThat(accepted(message("timestamp", "1763789462.123999")).eventTimeMs()).isEqualTo(1763789462123L);
		assertThat(accepted(message("timestamp", "1.763789462123E9")).eventTimeMs()).isEqualTo(1763789462123L);
	}

	@Test
	void whenEpochNumberIsScaledThenFractionsOfAMillisecondRoundDown() {
		assertThat(HealthMessageJson.epochMillisByMagnitude(new BigDecimal("1763789462.0009")))
			.isEqualTo(1763789462000L);
		assertThat(HealthMessageJson.epochMillisByMagnitude(new BigDecimal("-1.0005"))).isEqualTo(-1001L);
		assertThat(HealthMessageJson.epochMillisByMagnitude(new BigDecimal("99999999999"))).isEqualTo(99999999999000L);
		assertThat(HealthMessageJson.epochMillisByMagnitude(new BigDecimal("100000000000"))).isEqualTo(100000000000L);
	}

	@Test
	void whenTimestampIsOnTheEdgesOfTheAcceptedRangeThenItIsAccepted() {
		assertThat(accepted(message("timestamp", "\"2000-01-01T00:00:00Z\"")).eventTimeMs())
			.isEqualTo(MessageRules.MIN_EVENT_TIME_MS);
		assertThat(accepted(message("timestamp", "\"2099-12-31T23:59:59.999Z\"")).eventTimeMs())
			.isEqualTo(MessageRules.MAX_EVENT_TIME_MS - 1);
	}

	// the original assignment's shape

	@Test
	void whenMessageHasTheOriginalAssignmentsShapeThenItIsAcceptedWithCpuAsAFraction() {
		// its mock services send "CPU": random.random(): 0.53 of a core is 53 %
		assertThat(accepted(LEGACY)).isEqualTo(
				new HealthMessage("PRINTER", 1763789462123L, 53.0, 32.0, 12.7, 4096.0, 1510.2, HealthMessage.NO_SEQ));
	}

	@Test
	void whenTheLegacyCpuUnitIsPercentThenTheAssignmentsShapeIsTakenAsItIs() {
		HealthMessageJson percent = new HealthMessageJson(HealthMessageJson.DEFAULT_MAX_BYTES,
				HealthMessageJson.LegacyCpuUnit.PERCENT);
		assertThat(percent.decode(utf8(LEGACY))).isEqualTo(new DecodeResult.Accepted(
				new HealthMessage("PRINTER", 1763789462123L, 0.53, 32.0, 12.7, 4096.0, 1510.2, HealthMessage.NO_SEQ)));
	}

	@Test
	void whenTheShapeIsCanonicalThenCpuIsPercentWhateverTheLegacyUnit() {
		assertThat(accepted(message("cpu", "0.53")).cpuPct()).isEqualTo(0.53);
		assertThat(accepted(LEGACY.replace("serviceName", "service")).cpuPct()).as("keys of any case, named service")
			.isEqualTo(0.53);
	}

	@Test
	void whenALegacyFractionIsAboveOneThenItIsOutOfRange() {
		DecodeResult result = DECODER.decode(utf8(LEGACY.replace("0.53", "1.5")));
		assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
		assertThat(((DecodeResult.Rejected) result).reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
		assertThat(DECODER.decode(utf8(LEGACY.replace("0.53", "1")))).as("a whole core")
			.isInstanceOf(DecodeResult.Accepted.class);
	}

	@Test
	void whenNestedObjectsHaveTrailingCommasThenTheyAreTolerated() {
		String json = LEGACY.replace("12.7\n", "12.7,\n").replace("1510.2\n", "1510.2,\n");
		assertThat(accepted(json).ramFreeGb()).isEqualTo(12.7);
	}

	@Test
	void whenKeysAreInAnyCaseThenTheyMatch() {
		String json = """
				{"SERVICE":"orders","TimeStamp":"2026-11-22T05:31:02.123Z","cPu":37.5,
				 "rAm":{"TOTAL":16.0,"fReE":5.2},"DISK":{"Total":512.0,"FREE":200.1},"SEQ":7}""";
		assertThat(accepted(json)).isEqualTo(ORDERS.withSeq(7));
	}

	@Test
	void whenServiceIsCalledServiceNameInAnyCaseThenItIsTheService() {
		// serviceName marks the assignment's shape, whose CPU is a fraction
		assertThat(accepted(message("service", null, "SERVICENAME", "\"orders\"", "cpu", "0.375"))).isEqualTo(ORDERS);
	}

	@Test
	void whenUnknownFieldsArePresentThenTheyAreIgnored() {
		String json = message("host", "\"node-7\"", "tags", "{\"zone\":[1,{\"a\":null}],\"cpu\":\"x\"}", "list",
				"[[],{}]", "ram", "{\"total\":16.0,\"used\":10.8,\"free\":5.2,\"note\":{\"free\":1}}");
		assertThat(accepted(json)).isEqualTo(ORDERS);
	}

	@Test
	void whenSeqIsPresentThenItIsKept() {
		HealthMessage m = accepted(message("seq", "42"));
		assertThat(m.seq()).isEqualTo(42);
		assertThat(m.hasSeq()).isTrue();
		assertThat(accepted(message("seq", "0")).hasSeq()).isTrue();
		assertThat(accepted(message("seq", String.valueOf(Long.MAX_VALUE))).seq()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void whenSeqIsAbsentThenTheMessageHasNoSeq() {
		assertThat(accepted(message()).seq()).isEqualTo(HealthMessage.NO_SEQ);
	}

	@Test
	void whenValuesAreOnTheEdgesOfTheirRangesThenTheyAreAccepted() {
		String name = "A-z.0_9".repeat(9) + "x";
		HealthMessage m = accepted(message("service", "\"" + name + "\"", "cpu", "100", "ram",
				"{\"total\":1e9,\"free\":1e9}", "disk", "{\"total\":0.001,\"free\":0}"));
		assertThat(m).isEqualTo(new HealthMessage(name, T, 100.0, 1e9, 1e9, 0.001, 0.0, HealthMessage.NO_SEQ));
		assertThat(accepted(message("cpu", "0")).cpuPct()).isZero();
	}

	@Test
	void whenPayloadIsASliceOfABufferThenOnlyTheSliceIsDecoded() {
		byte[] json = utf8(message());
		byte[] buffer = new byte[json.length + 20];
		buffer[0] = (byte) 0xFF;
		System.arraycopy(json, 0, buffer, 7, json.length);
		buffer[7 + json.length] = '!';
		assertThat(DECODER.decode(buffer, 7, json.length)).isEqualTo(new DecodeResult.Accepted(ORDERS));
	}

	@Test
	void whenPayloadIsExactlyTheLimitThenItIsNotOversized() {
		byte[] padded = padTo(message(), HealthMessageJson.DEFAULT_MAX_BYTES);
		assertThat(DECODER.decode(padded)).isEqualTo(new DecodeResult.Accepted(ORDERS));
		assertThat(DECODER.maxBytes()).isEqualTo(HealthMessageJson.DEFAULT_MAX_BYTES);
	}

	@Test
	void whenDecoderHasACustomLimitThenPayloadsUpToItAreAccepted() {
		byte[] json = utf8(message());
		assertThat(new HealthMessageJson(json.length).decode(json)).isEqualTo(new DecodeResult.Accepted(ORDERS));
		assertThat(new HealthMessageJson(json.length - 1).decode(json)).isInstanceOf(DecodeResult.Rejected.class);
	}

	@Test
	void whenPayloadHoldsMultiByteCharactersThenTheyAreValidUtf8() {
		assertThat(accepted(message("note", "\"Grüße, 東京 😀\""))).isEqualTo(ORDERS);
	}

	// rejections

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejections")
	void whenInputIsInvalidThenItIsRejectedWithItsReasonAndWhatIsWrong(Rejection rejection) {
		DecodeResult result = rejection.decoder().decode(rejection.payload());
		assertThat(result).isInstanceOfSatisfying(DecodeResult.Rejected.class, (rejected) -> {
			assertThat(rejected.reason()).isEqualTo(rejection.reason());
			assertThat(rejected.detail()).containsIgnoringCase(rejection.detailMentions());
		});
	}

	@Test
	void whenARejectReasonExistsThenAtLeastOneInputIsRejectedForIt() {
		Set<RejectReason> covered = rejections().stream().map(Rejection::reason).collect(Collectors.toSet());
		// the arrival window (ArrivalWindowTests) and ingest's catalog decide the others
		assertThat(covered).isEqualTo(EnumSet
			.complementOf(EnumSet.of(RejectReason.TOO_OLD, RejectReason.IN_FUTURE, RejectReason.TOO_MANY_SERVICES)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e999999999", "-1e999999999", "1e-999999999", "-1e-999999999", "1.5e2147483647",
			"17E64654477299", "1.5E123456789012345" })
	void whenTimestampHasAHugeExponentThenItIsRejectedWithoutBurningCpu(String timestamp) {
		DecodeResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> DECODER.decode(utf8(message("timestamp", timestamp))));
		assertThat(result).isInstanceOfSatisfying(DecodeResult.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_TIMESTAMP));
	}

	@ParameterizedTest
	@ValueSource(strings = { "cpu", "seq" })
	void whenANumberHasAnExponentOfManyDigitsThenItIsRejected(String field) {
		assertThat(DECODER.decode(utf8(message(field, "17E64654477299")))).isInstanceOfSatisfying(
				DecodeResult.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(RejectReason.BAD_NUMBER));
	}

	@Test
	void whenEpochNumberIsTooLargeForMillisThenScalingThrows() {
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> HealthMessageJson.epochMillisByMagnitude(new BigDecimal("1e30")));
	}

	static List<Rejection> rejections() {
		List<Rejection> cases = new ArrayList<>();
		// NOT_UTF8
		cases.add(notUtf8("a lone continuation byte", (byte) 0x80));
		cases.add(notUtf8("0xFF", (byte) 0xFF, (byte) 0xFE));
		cases.add(notUtf8("a truncated two-byte sequence", (byte) 0xC3, (byte) '"'));
		cases.add(notUtf8("an overlong encoding of '/'", (byte) 0xC0, (byte) 0xAF));
		cases.add(notUtf8("an encoded surrogate", (byte) 0xED, (byte) 0xA0, (byte) 0x80));
		cases.add(new Rejection(RejectReason.NOT_UTF8, "UTF-16LE without a BOM", DECODER,
				message().getBytes(StandardCharsets.UTF_16LE), "UTF-16"));
		cases.add(new Rejection(RejectReason.NOT_UTF8, "UTF-16BE without a BOM", DECODER,
				message().getBytes(StandardCharsets.UTF_16BE), "UTF-16"));
		cases.add(new Rejection(RejectReason.NOT_UTF8, "UTF-16 with a BOM", DECODER,
				message().getBytes(StandardCharsets.UTF_16), "UTF-8"));
		cases.add(new Rejection(RejectReason.NOT_UTF8, "UTF-32LE without a BOM", DECODER,
				message().getBytes(java.nio.charset.Charset.forName("UTF-32LE")), "UTF-16"));
		cases.add(new Rejection(RejectReason.NOT_UTF8, "UTF-32BE without a BOM", DECODER,
				message().getBytes(java.nio.charset.Charset.forName("UTF-32BE")), "UTF-16"));
		// NOT_JSON
		cases.add(rejection(RejectReason.NOT_JSON, "garbage", "hello, world", "not JSON"));
		cases.add(rejection(RejectReason.NOT_JSON, "empty", "", "empty"));
		cases.add(rejection(RejectReason.NOT_JSON, "only whitespace", " \n\t ", "empty"));
		cases.add(rejection(RejectReason.NOT_JSON, "truncated", message().substring(0, 60), "not JSON"));
		cases.add(rejection(RejectReason.NOT_JSON, "truncated in a nested object",
				message().substring(0, message().indexOf("5.2")), "not JSON"));
		cases.add(rejection(RejectReason.NOT_JSON, "a second object after the object", message() + " {}", "after"));
		cases.add(rejection(RejectReason.NOT_JSON, "garbage after the object", message() + "x", "not JSON"));
		cases.add(rejection(RejectReason.NOT_JSON, "an unquoted key", message().replace("\"cpu\"", "cpu"), "not JSON"));
		cases.add(rejection(RejectReason.NOT_JSON, "single quotes", message().replace("\"orders\"", "'orders'"),
				"not JSON"));
		// NOT_AN_OBJECT
		cases.add(rejection(RejectReason.NOT_AN_OBJECT, "an array", "[" + message() + "]", "object"));
		cases.add(rejection(RejectReason.NOT_AN_OBJECT, "a number", "42", "object"));
		cases.add(rejection(RejectReason.NOT_AN_OBJECT, "a string", "\"orders\"", "object"));
		cases.add(rejection(RejectReason.NOT_AN_OBJECT, "null", "null", "object"));
		// MISSING_FIELD
		for (String field : List.of("service", "timestamp", "cpu", "ram", "disk")) {
			cases.add(rejection(RejectReason.MISSING_FIELD, "no " + field, message(field, null), "'" + field + "'"));
		}
		cases.add(rejection(RejectReason.MISSING_FIELD, "no fields at all", "{}", "'service'"));
		cases.add(rejection(RejectReason.MISSING_FIELD, "no ram.total", message("ram", "{\"free\":5.2}"), "ram.total"));
		cases.add(rejection(RejectReason.MISSING_FIELD, "no ram.free", message("ram", "{\"total\":16}"), "ram.free"));
		cases.add(rejection(RejectReason.MISSING_FIELD, "no disk.total", message("disk", "{\"free\":5.2}"),
				"disk.total"));
		cases.add(
				rejection(RejectReason.MISSING_FIELD, "no disk.free", message("disk", "{\"total\":512}"), "disk.free"));
		cases.add(rejection(RejectReason.MISSING_FIELD, "empty ram", message("ram", "{}"), "ram.total"));
		// DUPLICATE_FIELD
		cases.add(rejection(RejectReason.DUPLICATE_FIELD, "service and serviceName",
				message("serviceName", "\"orders\""), "'service'"));
		cases.add(rejection(RejectReason.DUPLICATE_FIELD, "cpu twice in different case", message("CPU", "37.5"),
				"'cpu'"));
		cases.add(rejection(RejectReason.DUPLICATE_FIELD, "timestamp twice",
				message("TIMESTAMP", "\"2026-11-22T05:31:02.123Z\""), "'timestamp'"));
		cases.add(rejection(RejectReason.DUPLICATE_FIELD, "ram twice", message("Ram", "{\"total\":1,\"free\":1}"),
				"'ram'"));
		cases.add(rejection(RejectReason.DUPLICATE_FIELD, "disk twice", message("disK", "{\"total\":1,\"free\":1}"),
				"'disk'"));
		cases.add(rejection(RejectReason.DUPLICATE_FIELD, "seq twice", message("seq", "1", "Seq", "1"), "'seq'"));
		cases.add(rejection(RejectReason.DUPLICATE_FIELD, "ram.total twice",
				message("ram", "{\"total\":16,\"Total\":16,\"free\":1}"), "ram.total"));
		cases.add(rejection(RejectReason.DUPLICATE_FIELD, "disk.free twice",
				message("disk", "{\"total\":16,\"free\":1,\"FREE\":1}"), "disk.free"));
		// BAD_NUMBER
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu as a string", message("cpu", "\"37.5\""), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu NaN", message("cpu", "NaN"), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu Infinity", message("cpu", "Infinity"), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu -Infinity", message("cpu", "-Infinity"), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu beyond a double", message("cpu", "1e400"), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu as an object", message("cpu", "{\"value\":37.5}"), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu as an array", message("cpu", "[37.5]"), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu null", message("cpu", "null"), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "cpu boolean", message("cpu", "true"), "cpu"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "ram not an object", message("ram", "16"), "ram"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "disk as an array", message("disk", "[512, 200.1]"), "disk"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "ram.total as a string",
				message("ram", "{\"total\":\"16\",\"free\":5.2}"), "ram.total"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "disk.free NaN", message("disk", "{\"total\":512,\"free\":NaN}"),
				"disk.free"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "seq fractional", message("seq", "1.5"), "seq"));
		cases.add(rejection(RejectReason.BAD_NUMBER, "seq as a string", message("seq", "\"1\""), "seq"));
		cases
			.add(rejection(RejectReason.BAD_NUMBER, "seq beyond a long", message("seq", "9223372036854775808"), "seq"));
		// OUT_OF_RANGE
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "cpu 100.0001", message("cpu", "100.0001"), "cpu"));
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "cpu negative", message("cpu", "-0.5"), "cpu"));
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "ram.free negative",
				message("ram", "{\"total\":16,\"free\":-1}"), "ram.free"));
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "ram.total negative",
				message("ram", "{\"total\":-16,\"free\":0}"), "ram.total"));
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "disk.total 0", message("disk", "{\"total\":0,\"free\":0}"),
				"disk.total"));
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "ram.total above 1e9",
				message("ram", "{\"total\":1.0000001e9,\"free\":0}"), "ram.total"));
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "disk.total absurd",
				message("disk", "{\"total\":1e300,\"free\":1e299}"), "disk.total"));
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "seq -1", message("seq", "-1"), "seq"));
		cases.add(rejection(RejectReason.OUT_OF_RANGE, "seq negative", message("seq", "-42"), "seq"));
		// FREE_EXCEEDS_TOTAL
		cases.add(rejection(RejectReason.FREE_EXCEEDS_TOTAL, "ram", message("ram", "{\"total\":16,\"free\":16.000001}"),
				"ram.free"));
		cases.add(rejection(RejectReason.FREE_EXCEEDS_TOTAL, "disk", message("disk", "{\"total\":512,\"free\":513}"),
				"disk.free"));
		// BAD_SERVICE_NAME
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "empty", message("service", "\"\""), "service"));
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "65 chars", message("service", "\"" + "a".repeat(65) + "\""),
				"service"));
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "a space", message("service", "\"order service\""),
				"service"));
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "a comma", message("service", "\"orders,eu\""), "service"));
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "a slash", message("service", "\"orders/eu\""), "service"));
		cases
			.add(rejection(RejectReason.BAD_SERVICE_NAME, "a newline", message("service", "\"orders\\n\""), "service"));
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "non-ASCII", message("service", "\"bestellungen-ä\""),
				"service"));
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "a number", message("service", "42"), "service"));
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "null", message("service", "null"), "service"));
		cases.add(rejection(RejectReason.BAD_SERVICE_NAME, "an object", message("service", "{\"name\":\"orders\"}"),
				"service"));
		// BAD_TIMESTAMP
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "ISO without offset",
				message("timestamp", "\"2026-11-22T05:31:02.123\""), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "a date only", message("timestamp", "\"2026-11-22\""),
				"timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "garbage string", message("timestamp", "\"yesterday\""),
				"timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "epoch number as a string",
				message("timestamp", "\"1763789462123\""), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "year 1999",
				message("timestamp", "\"1999-12-31T23:59:59.999Z\""), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "year 2100", message("timestamp", "\"2100-01-01T00:00:00Z\""),
				"timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "epoch seconds in 1999", message("timestamp", "946684799"),
				"timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "epoch 0", message("timestamp", "0"), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "negative epoch", message("timestamp", "-1763789462"),
				"timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "epoch nanos in 2255",
				message("timestamp", "9000000000000000000"), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "a boolean", message("timestamp", "true"), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "null", message("timestamp", "null"), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "an object", message("timestamp", "{\"s\":1763789462}"),
				"timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "a huge integer",
				message("timestamp", "99999999999999999999999"), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "a huge float", message("timestamp", "1e30"), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "NaN", message("timestamp", "NaN"), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "Infinity", message("timestamp", "Infinity"), "timestamp"));
		cases.add(rejection(RejectReason.BAD_TIMESTAMP, "an instant beyond Instant",
				message("timestamp", "\"+999999999-12-31T23:59:59Z\""), "timestamp"));
		// OVERSIZED
		int limit = HealthMessageJson.DEFAULT_MAX_BYTES;
		cases.add(new Rejection(RejectReason.OVERSIZED, "the default limit + 1 byte", DECODER,
				padTo(message(), limit + 1), String.valueOf(limit)));
		cases.add(new Rejection(RejectReason.OVERSIZED, "far beyond the limit, even if not UTF-8", DECODER,
				new byte[65_000], String.valueOf(limit)));
		HealthMessageJson small = new HealthMessageJson(100);
		cases.add(new Rejection(RejectReason.OVERSIZED, "a valid message over a small custom limit", small,
				utf8(message()), "limit of 100"));
		return cases;
	}

	// the canonical shortcut: always the general decoder's result

	@Test
	void whenValidMutatedOrCutMessagesAreDecodedThenTheShortcutAgreesWithTheGeneralDecoder() {
		Random random = new Random(20261204);
		RandomMessages messages = new RandomMessages(20261204);
		int shortcuts = 0;
		for (int i = 0; i < 300_000; i++) {
			HealthMessage m = (i % 3 == 0) ? messages.next() : emitterLike(random);
			byte[] bytes = DECODER.encode(m);
			if (i % 4 != 0) {
				bytes = mutate(bytes, random);
			}
			assertDecodersAgree(bytes);
			if (CanonicalJson.read(bytes, 0, bytes.length) != null) {
				shortcuts++;
			}
		}
		assertThat(shortcuts).as("inputs read by the shortcut").isGreaterThan(60_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.0", "1", "37.5", "100", "100.0", "00", "01", "01.5", "1.", ".5", "-1", "-0.0",
			"+1", "1e2", "1E2", "1.5e-3", "123456789012345", "1234567890123456", "99999999999999.9", "0.00000000000001",
			"0.000000000000001", "1.0000000000000002", "4096.0000000001", "NaN", "Infinity", "\"5\"", "null", "true",
			"1 ", " 1", "1,", "[1]", "{}", "" })
	void whenANumberIsOddThenTheShortcutAgreesWithTheGeneralDecoder(String number) {
		for (String template : List.of(
				"{\"service\":\"a\",\"timestamp\":1763789462123,\"cpu\":%s,\"ram\":{\"total\":16.0,\"free\":5.2},\"disk\":{\"total\":512.0,\"free\":200.1}}",
				"{\"service\":\"a\",\"timestamp\":1763789462123,\"cpu\":1,\"ram\":{\"total\":%s,\"free\":0},\"disk\":{\"total\":512.0,\"free\":200.1}}",
				"{\"service\":\"a\",\"timestamp\":1763789462123,\"cpu\":1,\"ram\":{\"total\":16,\"free\":1},\"disk\":{\"total\":5000,\"free\":%s}}",
				"{\"service\":\"a\",\"timestamp\":%s,\"cpu\":1,\"ram\":{\"total\":16,\"free\":1},\"disk\":{\"total\":5,\"free\":1}}",
				"{\"service\":\"a\",\"timestamp\":1763789462,\"cpu\":1,\"ram\":{\"total\":16,\"free\":1},\"disk\":{\"total\":5,\"free\":1},\"seq\":%s}")) {
			assertDecodersAgree(utf8(template.formatted(number)));
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, 99_999_999_999L, 100_000_000_000L, 1_763_789_462_123L, 99_999_999_999_999L,
			100_000_000_000_000L, 1_763_789_462_123_456L, 99_999_999_999_999_999L, 100_000_000_000_000_000L,
			999_999_999_999_999_999L, 1_000_000_000_000_000_000L, 1_763_789_462_123_456_789L, Long.MAX_VALUE })
	void whenATimestampIsAnEpochNumberOfAnyUnitThenTheShortcutAgreesWithTheGeneralDecoder(long epoch) {
		assertDecodersAgree(utf8("{\"service\":\"a\",\"timestamp\":" + epoch
				+ ",\"cpu\":1,\"ram\":{\"total\":16,\"free\":1},\"disk\":{\"total\":5,\"free\":1},\"seq\":" + epoch
				+ "}"));
	}

	@Test
	void whenTheCanonicalShapeIsDecodedThenTheShortcutReadsIt() {
		byte[] bytes = DECODER.encode(ORDERS.withSeq(7));
		assertThat(CanonicalJson.read(bytes, 0, bytes.length)).isEqualTo(ORDERS.withSeq(7));
		assertThat(DECODER.decode(bytes)).isEqualTo(new DecodeResult.Accepted(ORDERS.withSeq(7)));
	}

	private static void assertDecodersAgree(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(DECODER.decode(bytes)).as(text).isEqualTo(DECODER.decodeAnyShape(bytes, 0, bytes.length));
	}

	/**
	 * What the emitter sends: values of up to four decimals, a service of a fleet, seq.
	 */
	private static HealthMessage emitterLike(Random random) {
		double ramTotal = 1 + random.nextInt(256);
		double diskTotal = 1 + random.nextInt(8192);
		return new HealthMessage("svc-" + random.nextInt(1000), 1_763_789_462_123L + random.nextInt(1_000_000_000),
				decimals(random, 100), ramTotal, Math.min(ramTotal, decimals(random, ramTotal)), diskTotal,
				Math.min(diskTotal, decimals(random, diskTotal)), random.nextInt(1_000_000));
	}

	private static double decimals(Random random, double max) {
		int scale = (int) Math.pow(10, random.nextInt(5));
		return Math.round(random.nextDouble() * max * scale) / (double) scale;
	}

	/**
	 * The bytes with one random edit: a byte replaced, removed or added, or cut short.
	 */
	private static byte[] mutate(byte[] bytes, Random random) {
		byte[] chars = "0123456789.-+eE\"{},:[] \\aZ_\u00e9\t".getBytes(StandardCharsets.UTF_8);
		int at = random.nextInt(bytes.length);
		byte b = chars[random.nextInt(chars.length)];
		return switch (random.nextInt(4)) {
			case 0 -> {
				byte[] copy = bytes.clone();
				copy[at] = b;
				yield copy;
			}
			case 1 -> concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, at + 1, bytes.length));
			case 2 -> concat(Arrays.copyOfRange(bytes, 0, at),
					concat(new byte[] { b }, Arrays.copyOfRange(bytes, at, bytes.length)));
			default -> Arrays.copyOfRange(bytes, 0, at);
		};
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	// round trips

	@Test
	void whenRandomValidMessagesAreEncodedThenTheyDecodeToThemselves() {
		RandomMessages messages = new RandomMessages(20261122);
		for (int i = 0; i < 5000; i++) {
			HealthMessage m = messages.next();
			assertThat(DECODER.decode(DECODER.encode(m))).as("canonical %s", m).isEqualTo(new DecodeResult.Accepted(m));
			assertThat(DECODER.decode(DECODER.encodeLegacy(m))).as("legacy %s", m)
				.isEqualTo(new DecodeResult.Accepted(m));
		}
	}

	@Test
	void whenMessagesOnTheEdgesAreEncodedThenTheyDecodeToThemselves() {
		List<HealthMessage> edges = List.of(
				new HealthMessage("a", MessageRules.MIN_EVENT_TIME_MS, 0.0, 1e9, 1e9, 1e-7, 0.0, 0),
				new HealthMessage("z".repeat(64), MessageRules.MAX_EVENT_TIME_MS - 1, 100.0, 0.1, 0.1, 99.99999999,
						99.99999999, Long.MAX_VALUE),
				new HealthMessage("PRINTER", 1763789462123L, 0.53, 32, 12.7, 4096, 1510.2, HealthMessage.NO_SEQ));
		for (HealthMessage m : edges) {
			assertThat(DECODER.decode(DECODER.encode(m))).isEqualTo(new DecodeResult.Accepted(m));
			assertThat(DECODER.decode(DECODER.encodeLegacy(m))).isEqualTo(new DecodeResult.Accepted(m));
		}
	}

	@Test
	void whenMessageIsEncodedThenItHasTheCanonicalShape() {
		assertThat(new String(DECODER.encode(ORDERS.withSeq(3)), StandardCharsets.UTF_8))
			.isEqualTo("{\"service\":\"orders\",\"timestamp\":" + T
					+ ",\"cpu\":37.5,\"ram\":{\"total\":16.0,\"free\":5.2},\"disk\":{\"total\":512.0,\"free\":200.1},\"seq\":3}");
	}

	@Test
	void whenMessageIsEncodedInTheLegacyShapeThenItLooksLikeTheOriginalAssignments() {
		HealthMessage printer = new HealthMessage("PRINTER", 1763789462123L, 0.53, 32, 12.7, 4096, 1510.2,
				HealthMessage.NO_SEQ);
		String legacy = new String(DECODER.encodeLegacy(printer), StandardCharsets.UTF_8);
		assertThat(legacy)
			.contains("\"serviceName\": \"PRINTER\"", "\"Timestamp\": 1763789462123000000", "\"CPU\"", "\"RAM\"",
					"\"Total\"", "\"Free\"", "\"Disk\"")
			.endsWith("},\n}");
	}

	// helpers

	private static HealthMessage accepted(String json) {
		DecodeResult result = DECODER.decode(utf8(json));
		assertThat(result).as(json).isInstanceOf(DecodeResult.Accepted.class);
		return ((DecodeResult.Accepted) result).message();
	}

	/**
	 * The canonical message of {@link #ORDERS}, with fields replaced (same key), removed
	 * (value {@code null}) or added (new key), in pairs of key and raw JSON value.
	 */
	private static String message(String... keysAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("service", "\"orders\"");
		fields.put("timestamp", "\"2026-11-22T05:31:02.123Z\"");
		fields.put("cpu", "37.5");
		fields.put("ram", "{\"total\":16.0,\"free\":5.2}");
		fields.put("disk", "{\"total\":512.0,\"free\":200.1}");
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] == null) {
				fields.remove(keysAndValues[i]);
			}
			else {
				fields.put(keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return fields.entrySet()
			.stream()
			.map((field) -> "\"" + field.getKey() + "\":" + field.getValue())
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] padTo(String json, int size) {
		byte[] bytes = utf8(json);
		byte[] padded = new byte[size];
		System.arraycopy(bytes, 0, padded, 0, bytes.length);
		java.util.Arrays.fill(padded, bytes.length, size, (byte) ' ');
		return padded;
	}

	private static Rejection rejection(RejectReason reason, String name, String json, String detailMentions) {
		return new Rejection(reason, name, DECODER, utf8(json), detailMentions);
	}

	private static Rejection notUtf8(String name, byte... bad) {
		byte[] prefix = utf8("{\"service\":\"or");
		byte[] suffix = utf8(message().substring(message().indexOf("ders\"")));
		byte[] payload = new byte[prefix.length + bad.length + suffix.length];
		System.arraycopy(prefix, 0, payload, 0, prefix.length);
		System.arraycopy(bad, 0, payload, prefix.length, bad.length);
		System.arraycopy(suffix, 0, payload, prefix.length + bad.length, suffix.length);
		return new Rejection(RejectReason.NOT_UTF8, name, DECODER, payload, "UTF-8");
	}

	/**
	 * One invalid input, the reason it must be rejected for, and a word the detail must
	 * hold.
	 */
	record Rejection(RejectReason reason, String name, HealthMessageJson decoder, byte[] payload,
			String detailMentions) {

		@Override
		public String toString() {
			return this.reason + ": " + this.name;
		}

	}

}
