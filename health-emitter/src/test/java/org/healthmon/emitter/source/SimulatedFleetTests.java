package org.healthmon.emitter.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MessageRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedFleetTests {

	private static final long START = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();

	@Test
	void whenSeedAndClockAreTheSameThenTheLoadIsTheSame() {
		assertThat(run(42, 4, 2000)).isEqualTo(run(42, 4, 2000));
	}

	@Test
	void whenSeedDiffersThenTheLoadDiffers() {
		assertThat(run(42, 4, 100)).isNotEqualTo(run(43, 4, 100));
	}

	@Test
	void whenSimulatingThenServicesReportInTurnUnderTheirNames() {
		List<HealthMessage> messages = run(42, 3, 6);
		assertThat(messages).map(HealthMessage::service)
			.containsExactly("svc-1", "svc-2", "svc-3", "svc-1", "svc-2", "svc-3");
		assertThat(messages).map(HealthMessage::eventTimeMs).doesNotHaveDuplicates();
		assertThat(messages).allSatisfy((m) -> assertThat(m.hasSeq()).isFalse());
	}

	@Test
	void whenSimulatingADayThenEveryMessageIsValidAndTotalsStayFixed() {
		// one report per service every 30 s over two days: spikes, drift and cleanups
		// happen
		List<HealthMessage> messages = run(7, 5, 5 * 2 * 2880, 30_000);
		assertThat(messages).allSatisfy((m) -> {
			assertThat(MessageRules.check(m)).isInstanceOf(DecodeResult.Accepted.class);
			assertThat(m.cpuPct()).isBetween(0.0, 100.0);
			assertThat(m.ramFreeGb()).isBetween(0.0, m.ramTotalGb());
			assertThat(m.diskFreeGb()).isBetween(0.0, m.diskTotalGb());
		});
		Map<String, List<HealthMessage>> byService = messages.stream()
			.collect(Collectors.groupingBy(HealthMessage::service));
		assertThat(byService).hasSize(5).allSatisfy((service, reports) -> {
			assertThat(reports).map(HealthMessage::ramTotalGb).containsOnly(reports.get(0).ramTotalGb());
			assertThat(reports).map(HealthMessage::diskTotalGb).containsOnly(reports.get(0).diskTotalGb());
			// free values drift rather than stand still
			assertThat(reports.stream().map(HealthMessage::ramFreeGb).distinct().count()).isGreaterThan(10);
			assertThat(reports.stream().map(HealthMessage::diskFreeGb).distinct().count()).isGreaterThan(10);
		});
	}

	@Test
	void whenSimulatingADayThenCpuFollowsADailyRhythmWithSpikes() {
		List<HealthMessage> messages = run(11, 1, 2880, 30_000);
		double[] hourlyMean = new double[24];
		int[] hourlyCount = new int[24];
		for (HealthMessage m : messages) {
			int hour = (int) ((m.eventTimeMs() - START) / 3_600_000L) % 24;
			hourlyMean[hour] += m.cpuPct();
			hourlyCount[hour]++;
		}
		double busiest = 0;
		double quietest = 100;
		for (int h = 0; h < 24; h++) {
			busiest = Math.max(busiest, hourlyMean[h] / hourlyCount[h]);
			quietest = Math.min(quietest, hourlyMean[h] / hourlyCount[h]);
		}
		// the daily amplitude is at least 3.2 points each way
		assertThat(busiest - quietest).isGreaterThan(5);
		double median = messages.stream().mapToDouble(HealthMessage::cpuPct).sorted().toArray()[messages.size() / 2];
		assertThat(messages).anySatisfy((m) -> assertThat(m.cpuPct()).isGreaterThan(median + 25));
	}

	private static List<HealthMessage> run(long seed, int services, int count) {
		return run(seed, services, count, 1000);
	}

	private static List<HealthMessage> run(long seed, int services, int count, long stepMs) {
		SimulatedFleet fleet = new SimulatedFleet("svc", services, seed);
		List<HealthMessage> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			messages.add(fleet.next(START + (i / services) * stepMs + i % services));
		}
		return messages;
	}

}
