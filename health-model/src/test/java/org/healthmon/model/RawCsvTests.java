package org.healthmon.model;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RawCsvTests {

	private static final String LINE = "orders,1763789462123,1763789463000,37.5,16.0,5.2,512.0,200.1";

	private static final RawRecord RECORD = new RawRecord(
			new HealthMessage("orders", 1763789462123L, 37.5, 16.0, 5.2, 512.0, 200.1, HealthMessage.NO_SEQ),
			1763789463000L);

	@Test
	void whenRecordIsFormattedThenTheLineHasTheEightFieldsInOrder() {
		assertThat(RawCsv.format(RECORD)).isEqualTo(LINE);
	}

	@Test
	void whenRecordIsAppendedThenTheLineEndsWithANewlineAndNoHeaderIsWritten() {
		StringBuilder out = new StringBuilder();
		RawCsv.append(out, RECORD);
		RawCsv.append(out, RECORD);
		assertThat(out).hasToString(LINE + "\n" + LINE + "\n");
	}

	@Test
	void whenLineIsParsedThenItIsTheRecord() {
		assertThat(RawCsv.parse(LINE)).isEqualTo(RECORD);
	}

	@Test
	void whenDoublesNeedManyDigitsOrAnExponentThenTheyRoundTripExactly() {
		HealthMessage m = new HealthMessage("x", 1763789462123L, 0.1, 1e9, 1e-7, 99.99999999, 1.0E-10,
				HealthMessage.NO_SEQ);
		RawRecord record = new RawRecord(m, 1763789462124L);
		String line = RawCsv.format(record);
		assertThat(line).isEqualTo("x,1763789462123,1763789462124,0.1,1.0E9,1.0E-7,99.99999999,1.0E-10");
		assertThat(RawCsv.parse(line)).isEqualTo(record);
	}

	@Test
	void whenNumberHasAnExponentBeyondTheRangeThenItIsReadButRejectedAsOutOfRange() {
		assertThat(reasonOf("x,1763789462123,1763789462124,1.0,1.0E10,0.0,1.0,0.0"))
			.isEqualTo(RejectReason.OUT_OF_RANGE);
	}

	@Test
	void whenRandomValidRecordsAreFormattedThenTheyParseToThemselves() {
		RandomMessages messages = new RandomMessages(42);
		java.util.Random ingest = new java.util.Random(43);
		for (int i = 0; i < 5000; i++) {
			RawRecord record = new RawRecord(messages.next().withSeq(HealthMessage.NO_SEQ),
					MessageRules.MIN_EVENT_TIME_MS + ingest.nextInt(Integer.MAX_VALUE));
			String line = RawCsv.format(record);
			assertThat(line).doesNotContain("\n");
			assertThat(RawCsv.parse(line)).as(line).isEqualTo(record);
		}
	}

	@Test
	void whenMessageHasASeqThenTheLineDoesNotKeepIt() {
		RawRecord numbered = new RawRecord(RECORD.message().withSeq(9), RECORD.ingestTimeMs());
		assertThat(RawCsv.format(numbered)).isEqualTo(LINE);
		assertThat(RawCsv.parse(RawCsv.format(numbered)).message().hasSeq()).isFalse();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("malformedLines")
	void whenLineIsMalformedThenItIsRejectedWithItsReason(RejectReason reason, String line) {
		assertThatExceptionOfType(RawCsv.BadLineException.class).isThrownBy(() -> RawCsv.parse(line))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason))
			.withMessageStartingWith(reason.tag() + ": ");
	}

	static Stream<Arguments> malformedLines() {
		return Stream.of(
				// field count
				Arguments.of(RejectReason.NOT_JSON, ""), Arguments.of(RejectReason.NOT_JSON, "orders"),
				Arguments.of(RejectReason.NOT_JSON, "orders,1763789462123,1763789463000,37.5,16.0,5.2,512.0"),
				Arguments.of(RejectReason.NOT_JSON, LINE + ",7"), Arguments.of(RejectReason.NOT_JSON, LINE + ","),
				Arguments.of(RejectReason.NOT_JSON, LINE + ",,,,"),
				// numbers
				Arguments.of(RejectReason.BAD_NUMBER, "orders,abc,1763789463000,37.5,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123.5,1763789463000,37.5,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123,,37.5,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123,x,37.5,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123,1763789463000,,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123,1763789463000,37.5,1.2.3,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123,1763789463000,37.5,16.0,five,512.0,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123,1763789463000,37.5,16.0,5.2,1e,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123,1763789463000,37.5,16.0,5.2,512.0,-"),
				Arguments.of(RejectReason.BAD_NUMBER, "orders,1763789462123,1763789463000,NaN,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_NUMBER,
						"orders,1763789462123,1763789463000,37.5,Infinity,5.2,512.0,200.1"),
				// a header is not data
				Arguments.of(RejectReason.BAD_NUMBER,
						"service,event_time_ms,ingest_time_ms,cpu_pct,ram_total_gb,ram_free_gb,disk_total_gb,disk_free_gb"),
				// the rules of MessageRules
				Arguments.of(RejectReason.OUT_OF_RANGE,
						"orders,1763789462123,1763789463000,100.0001,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.OUT_OF_RANGE, "orders,1763789462123,1763789463000,-1.0,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.OUT_OF_RANGE, "orders,1763789462123,1763789463000,37.5,0.0,0.0,512.0,200.1"),
				Arguments.of(RejectReason.OUT_OF_RANGE,
						"orders,1763789462123,1763789463000,37.5,16.0,-5.2,512.0,200.1"),
				Arguments.of(RejectReason.FREE_EXCEEDS_TOTAL,
						"orders,1763789462123,1763789463000,37.5,16.0,16.1,512.0,200.1"),
				Arguments.of(RejectReason.FREE_EXCEEDS_TOTAL,
						"orders,1763789462123,1763789463000,37.5,16.0,5.2,512.0,512.5"),
				Arguments.of(RejectReason.BAD_SERVICE_NAME, ",1763789462123,1763789463000,37.5,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_SERVICE_NAME,
						"my orders,1763789462123,1763789463000,37.5,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_SERVICE_NAME,
						"a".repeat(65) + ",1763789462123,1763789463000,37.5,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_TIMESTAMP, "orders,946684799999,1763789463000,37.5,16.0,5.2,512.0,200.1"),
				Arguments.of(RejectReason.BAD_TIMESTAMP,
						"orders,4102444800000,1763789463000,37.5,16.0,5.2,512.0,200.1"));
	}

	@Test
	void whenEveryMalformedLineIsCheckedThenTheReasonsAreThoseARawLineCanHave() {
		List<RejectReason> reasons = malformedLines().map((args) -> (RejectReason) args.get()[0]).distinct().toList();
		assertThat(reasons).containsExactlyInAnyOrder(RejectReason.NOT_JSON, RejectReason.BAD_NUMBER,
				RejectReason.OUT_OF_RANGE, RejectReason.FREE_EXCEEDS_TOTAL, RejectReason.BAD_SERVICE_NAME,
				RejectReason.BAD_TIMESTAMP);
	}

	private static RejectReason reasonOf(String line) {
		try {
			RawCsv.parse(line);
			throw new AssertionError("accepted: " + line);
		}
		catch (RawCsv.BadLineException ex) {
			return ex.reason();
		}
	}

}
