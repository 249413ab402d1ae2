package org.healthmon.model;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRulesTests {

	private static final HealthMessage VALID = new HealthMessage("orders", 1763789462123L, 37.5, 16.0, 5.2, 512.0,
			200.1, HealthMessage.NO_SEQ);

	@Test
	void whenMessageKeepsEveryRuleThenItIsAcceptedAsIs() {
		assertThat(MessageRules.check(VALID)).isEqualTo(new DecodeResult.Accepted(VALID));
		assertThat(MessageRules.check(VALID.withSeq(0))).isEqualTo(new DecodeResult.Accepted(VALID.withSeq(0)));
	}

	@Test
	void whenEventTimeIsOnTheEdgesThenTheRangeIsHalfOpen() {
		assertThat(MessageRules.MIN_EVENT_TIME_MS).isEqualTo(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli());
		assertThat(MessageRules.MAX_EVENT_TIME_MS).isEqualTo(Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
		assertThat(reasonOf(withTime(MessageRules.MIN_EVENT_TIME_MS))).isNull();
		assertThat(reasonOf(withTime(MessageRules.MIN_EVENT_TIME_MS - 1))).isEqualTo(RejectReason.BAD_TIMESTAMP);
		assertThat(reasonOf(withTime(MessageRules.MAX_EVENT_TIME_MS - 1))).isNull();
		assertThat(reasonOf(withTime(MessageRules.MAX_EVENT_TIME_MS))).isEqualTo(RejectReason.BAD_TIMESTAMP);
	}

	@Test
	void whenSeqIsBelowNoSeqThenItIsOutOfRange() {
		DecodeResult result = MessageRules.check(VALID.withSeq(-2));
		assertThat(result).isEqualTo(new DecodeResult.Rejected(RejectReason.OUT_OF_RANGE, "seq must be >= 0, was -2"));
	}

	@Test
	void whenSizesAreOnTheEdgesThenOnlyZeroAndBeyondAnExabyteAreOutOfRange() {
		assertThat(reasonOf(withRam(MessageRules.MAX_SIZE_GB, MessageRules.MAX_SIZE_GB))).isNull();
		assertThat(reasonOf(withRam(Double.MIN_VALUE, 0))).isNull();
		assertThat(reasonOf(withRam(Math.nextUp(MessageRules.MAX_SIZE_GB), 0))).isEqualTo(RejectReason.OUT_OF_RANGE);
		assertThat(reasonOf(withRam(0, 0))).isEqualTo(RejectReason.OUT_OF_RANGE);
		assertThat(reasonOf(withRam(16, Math.nextUp(16.0)))).isEqualTo(RejectReason.FREE_EXCEEDS_TOTAL);
		assertThat(reasonOf(withRam(Double.NaN, 0))).isEqualTo(RejectReason.BAD_NUMBER);
	}

	@Test
	void whenCpuIsOnTheEdgesThenZeroAndAHundredAreAccepted() {
		assertThat(reasonOf(withCpu(0))).isNull();
		assertThat(reasonOf(withCpu(100))).isNull();
		assertThat(reasonOf(withCpu(Math.nextUp(100.0)))).isEqualTo(RejectReason.OUT_OF_RANGE);
		assertThat(reasonOf(withCpu(-Double.MIN_VALUE))).isEqualTo(RejectReason.OUT_OF_RANGE);
		assertThat(reasonOf(withCpu(Double.POSITIVE_INFINITY))).isEqualTo(RejectReason.BAD_NUMBER);
	}

	@Test
	void whenServiceNameHasEveryAllowedCharThenItIsAccepted() {
		String name = "azAZ09._-".repeat(7) + "x";
		assertThat(name).hasSize(MessageRules.MAX_SERVICE_NAME);
		assertThat(reasonOf(withService(name))).isNull();
		assertThat(reasonOf(withService(name + "y"))).isEqualTo(RejectReason.BAD_SERVICE_NAME);
		assertThat(reasonOf(withService("a\u0000"))).isEqualTo(RejectReason.BAD_SERVICE_NAME);
	}

	@Test
	void whenMessageBreaksSeveralRulesThenTheFirstInFieldOrderIsReported() {
		HealthMessage bad = new HealthMessage("", 0, 200, 0, 1, 0, 1, -5);
		assertThat(reasonOf(bad)).isEqualTo(RejectReason.BAD_SERVICE_NAME);
		assertThat(reasonOf(new HealthMessage("ok", 0, 200, 0, 1, 0, 1, -5))).isEqualTo(RejectReason.BAD_TIMESTAMP);
		assertThat(reasonOf(new HealthMessage("ok", VALID.eventTimeMs(), 200, 0, 1, 0, 1, -5)))
			.isEqualTo(RejectReason.OUT_OF_RANGE);
	}

	private static RejectReason reasonOf(HealthMessage m) {
		return (MessageRules.check(m) instanceof DecodeResult.Rejected rejected) ? rejected.reason() : null;
	}

	private static HealthMessage withTime(long t) {
		return new HealthMessage(VALID.service(), t, VALID.cpuPct(), VALID.ramTotalGb(), VALID.ramFreeGb(),
				VALID.diskTotalGb(), VALID.diskFreeGb(), VALID.seq());
	}

	private static HealthMessage withCpu(double cpu) {
		return new HealthMessage(VALID.service(), VALID.eventTimeMs(), cpu, VALID.ramTotalGb(), VALID.ramFreeGb(),
				VALID.diskTotalGb(), VALID.diskFreeGb(), VALID.seq());
	}

	private static HealthMessage withRam(double total, double free) {
		return new HealthMessage(VALID.service(), VALID.eventTimeMs(), VALID.cpuPct(), total, free, VALID.diskTotalGb(),
				VALID.diskFreeGb(), VALID.seq());
	}

	private static HealthMessage withService(String service) {
		return new HealthMessage(service, VALID.eventTimeMs(), VALID.cpuPct(), VALID.ramTotalGb(), VALID.ramFreeGb(),
				VALID.diskTotalGb(), VALID.diskFreeGb(), VALID.seq());
	}

}
