package org.healthmon.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MinuteStatsTests {

	private static final long MINUTE = 60_000L;

	/** 2026-11-22T05:31:00Z, the start of a minute. */
	private static final long M0 = 1763789460000L;

	private static final String[] SERVICES = { "orders", "billing", "PRINTER" };

	/** Few distinct values, so that equal peaks at different times are common. */
	private static final double[] CPU = { 0.0, 12.5, 37.5, 50.0, 99.99999999, 100.0 };

	private static final double[][] RAM = { { 16.0, 16.0 }, { 16.0, 8.0 }, { 16.0, 0.0 }, { 32.0, 16.0 },
			{ 0.3, 0.1 } };

	// the key property: any split and order gives the same rows

	@Test
	void whenMessagesAreSplitAndMergedInAnyOrderThenTheRowsEqualABruteForceAggregate() {
		for (long seed = 1; seed <= 200; seed++) {
			Random random = new Random(seed);
			List<HealthMessage> messages = randomMessages(random, 1 + random.nextInt(300));
			Map<Key, MinuteStats> expected = bruteForce(messages);
			Map<Key, MinuteStats> actual = splitAndMerge(messages, random);
			assertThat(actual).as("seed %d", seed).isEqualTo(expected);
		}
	}

	@Test
	void whenPeaksAreEqualThenTheEarliestTimeWinsWhateverTheOrder() {
		HealthMessage late = message("orders", M0 + 50_000, 80.0, 16, 4);
		HealthMessage early = message("orders", M0 + 10_000, 80.0, 16, 4);
		HealthMessage lower = message("orders", M0 + 1_000, 70.0, 16, 8);
		MinuteStats oneWay = MinuteStats.of(late).merge(MinuteStats.of(early)).merge(MinuteStats.of(lower));
		MinuteStats otherWay = MinuteStats.of(lower).merge(MinuteStats.of(early).merge(MinuteStats.of(late)));
		assertThat(oneWay).isEqualTo(otherWay);
		assertThat(oneWay.cpu()).isEqualTo(
				new ResourceStats(FixedPercent.of(80) * 2 + FixedPercent.of(70), FixedPercent.of(80), M0 + 10_000));
		assertThat(oneWay.ram().maxAt()).isEqualTo(M0 + 10_000);
		assertThat(oneWay.count()).isEqualTo(3);
	}

	@Test
	void whenALaterPeakIsHigherThenItWins() {
		ResourceStats first = ResourceStats.of(50.0, M0);
		ResourceStats second = ResourceStats.of(50.000000001, M0 + 1);
		assertThat(first.merge(second)).isEqualTo(second.merge(first));
		assertThat(first.merge(second).maxAt()).isEqualTo(M0 + 1);
	}

	// single messages

	@Test
	void whenStatsAreOfOneMessageThenRamAndDiskAreThePercentInUse() {
		HealthMessage m = new HealthMessage("orders", M0 + 1234, 37.5, 16.0, 4.0, 512.0, 384.0, HealthMessage.NO_SEQ);
		MinuteStats stats = MinuteStats.of(m);
		assertThat(stats)
			.isEqualTo(new MinuteStats("orders", M0, 1, new ResourceStats(37_500_000_000L, 37_500_000_000L, M0 + 1234),
					new ResourceStats(75_000_000_000L, 75_000_000_000L, M0 + 1234),
					new ResourceStats(25_000_000_000L, 25_000_000_000L, M0 + 1234)));
		assertThat(m.ramPct()).isEqualTo(75.0);
		assertThat(m.diskPct()).isEqualTo(25.0);
	}

	@Test
	void whenFreeIsTotalOrZeroThenUseIsZeroOrAHundredPercent() {
		HealthMessage m = new HealthMessage("orders", M0, 0, 16.0, 16.0, 512.0, 0.0, HealthMessage.NO_SEQ);
		assertThat(m.ramPct()).isZero();
		assertThat(m.diskPct()).isEqualTo(100.0);
		assertThat(MinuteStats.of(m).disk().max()).isEqualTo(100 * FixedPercent.SCALE);
	}

	// keys

	@Test
	void whenRowsHaveDifferentServicesThenMergeThrows() {
		MinuteStats orders = MinuteStats.of(message("orders", M0, 1, 1, 1));
		MinuteStats billing = MinuteStats.of(message("billing", M0, 1, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> orders.merge(billing))
			.withMessageContaining("orders")
			.withMessageContaining("billing");
	}

	@Test
	void whenRowsHaveDifferentMinutesThenMergeThrows() {
		MinuteStats first = MinuteStats.of(message("orders", M0 + MINUTE - 1, 1, 1, 1));
		MinuteStats second = MinuteStats.of(message("orders", M0 + MINUTE, 1, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> first.merge(second));
	}

	@ParameterizedTest(name = "minuteOf({0}) = {1}")
	@CsvSource({ "0, 0", "1, 0", "59999, 0", "60000, 60000", "60001, 60000", "-1, -60000", "-59999, -60000",
			"-60000, -60000", "-60001, -120000", "1763789462123, 1763789460000", "1763789459999, 1763789400000",
			"4102444799999, 4102444740000" })
	void whenTimeIsInAMinuteThenMinuteOfIsItsStart(long epochMs, long minute) {
		assertThat(MinuteStats.minuteOf(epochMs)).isEqualTo(minute);
	}

	// fixed-point percentages

	@ParameterizedTest(name = "FixedPercent.of({0}) = {1}")
	@CsvSource({ "0, 0", "100, 100000000000", "37.5, 37500000000", "0.1, 100000000", "1e-7, 100",
			"99.99999999, 99999999990", "12.3456789012, 12345678901", "1.5e-9, 2", "5e-10, 1", "4.9e-10, 0",
			"-0.0, 0" })
	void whenPercentIsFixedThenItIsRoundedHalfUpToNineDecimals(double percent, long fixed) {
		assertThat(FixedPercent.of(percent)).isEqualTo(fixed);
	}

	@Test
	void whenFixedValueIsReadBackThenItIsThePercent() {
		assertThat(FixedPercent.toPercent(FixedPercent.of(37.5))).isEqualTo(37.5);
		assertThat(FixedPercent.toPercent(FixedPercent.of(12.345678912))).isEqualTo(12.345678912);
		assertThat(FixedPercent.toPercent(1)).isEqualTo(1e-9);
	}

	@Test
	void whenMeanIsTakenThenItIsTheSumOverTheCountInPercent() {
		long sum = FixedPercent.of(10) + FixedPercent.of(20) + FixedPercent.of(60);
		assertThat(FixedPercent.mean(sum, 3)).isEqualTo(30.0);
		assertThat(FixedPercent.mean(FixedPercent.of(100) * 1_000_000, 1_000_000)).isEqualTo(100.0);
		assertThat(FixedPercent.mean(1, 2)).isEqualTo(5e-10);
	}

	@Test
	void whenASumOutgrowsALongThenItsMeanIsStillExact() {
		long messages = 300_000_000L;
		BigInteger sum = BigInteger.valueOf(FixedPercent.of(99.5)).multiply(BigInteger.valueOf(messages));
		assertThat(sum.bitLength()).as("beyond a long").isGreaterThan(63);
		assertThat(FixedPercent.mean(sum, messages)).isEqualTo(99.5);
		assertThat(FixedPercent.mean(BigInteger.valueOf(FixedPercent.of(10) + FixedPercent.of(20)), 2))
			.isEqualTo(FixedPercent.mean(FixedPercent.of(10) + FixedPercent.of(20), 2));
	}

	@Test
	void whenManyMeansAreTakenThenEachIsTheCorrectlyRoundedQuotient() {
		Random random = new Random(5);
		for (int i = 0; i < 100_000; i++) {
			// sums around the edge of the exact-double range, counts around theirs
			long count = 1 + (long) (random.nextDouble() * ((i % 2 == 0) ? 20_000_000 : 1_000));
			BigInteger sum = BigInteger.valueOf(Math.abs(random.nextLong()) >> random.nextInt(12));
			BigDecimal exact = new BigDecimal(sum).divide(
					BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(FixedPercent.SCALE)), new MathContext(60));
			assertThat(FixedPercent.mean(sum, count)).as(sum + " / " + count).isEqualTo(exact.doubleValue());
		}
	}

	// overflow

	@Test
	void whenCountsOverflowThenMergeThrows() {
		MinuteStats one = MinuteStats.of(message("orders", M0, 1, 1, 1));
		MinuteStats huge = new MinuteStats("orders", M0, Long.MAX_VALUE, one.cpu(), one.ram(), one.disk());
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> huge.merge(one));
	}

	@Test
	void whenSumsOverflowThenMergeThrows() {
		MinuteStats one = MinuteStats.of(message("orders", M0, 100, 1, 0));
		ResourceStats full = new ResourceStats(Long.MAX_VALUE, one.cpu().max(), M0);
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> new MinuteStats("orders", M0, 1, full, one.ram(), one.disk()).merge(one));
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> new MinuteStats("orders", M0, 1, one.cpu(), one.ram(), full).merge(one));
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> one.ram().merge(full));
	}

	// helpers

	private static List<HealthMessage> randomMessages(Random random, int n) {
		long start = M0 + MINUTE * (random.nextInt(1000) - 500);
		int minutes = 1 + random.nextInt(3);
		List<HealthMessage> messages = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			// coarse times make equal timestamps happen too
			long t = start + ((random.nextBoolean()) ? random.nextInt(minutes * 60) * 1000L
					: random.nextInt(minutes * (int) MINUTE));
			double[] ram = RAM[random.nextInt(RAM.length)];
			double[] disk = RAM[random.nextInt(RAM.length)];
			double cpu = (random.nextInt(4) == 0) ? random.nextDouble() * 100 : CPU[random.nextInt(CPU.length)];
			messages.add(new HealthMessage(SERVICES[random.nextInt(SERVICES.length)], t, cpu, ram[0], ram[1],
					disk[0] * 32, disk[1] * 32, HealthMessage.NO_SEQ));
		}
		return messages;
	}

	/** Written without {@code merge}: one pass per key over all its messages. */
	private static Map<Key, MinuteStats> bruteForce(List<HealthMessage> messages) {
		Map<Key, List<HealthMessage>> groups = new HashMap<>();
		for (HealthMessage m : messages) {
			long t = m.eventTimeMs();
			Key key = new Key(m.service(), t - Math.floorMod(t, MINUTE));
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(m);
		}
		Map<Key, MinuteStats> rows = new HashMap<>();
		groups.forEach((key, group) -> rows.put(key, new MinuteStats(key.service(), key.minute(), group.size(),
				aggregate(group, Resource.CPU), aggregate(group, Resource.RAM), aggregate(group, Resource.DISK))));
		return rows;
	}

	private static ResourceStats aggregate(List<HealthMessage> group, Resource resource) {
		long sum = 0;
		long max = Long.MIN_VALUE;
		for (HealthMessage m : group) {
			long fixed = FixedPercent.of(resource.percent(m));
			sum += fixed;
			max = Math.max(max, fixed);
		}
		long maxAt = Long.MAX_VALUE;
		for (HealthMessage m : group) {
			if (FixedPercent.of(resource.percent(m)) == max) {
				maxAt = Math.min(maxAt, m.eventTimeMs());
			}
		}
		return new ResourceStats(sum, max, maxAt);
	}

	/**
	 * Random chunks, each folded in a random order, then the chunks merged in another.
	 */
	private static Map<Key, MinuteStats> splitAndMerge(List<HealthMessage> messages, Random random) {
		List<HealthMessage> shuffled = new ArrayList<>(messages);
		Collections.shuffle(shuffled, random);
		List<Map<Key, MinuteStats>> chunks = new ArrayList<>();
		int from = 0;
		while (from < shuffled.size()) {
			int to = from + 1 + random.nextInt(Math.max(1, shuffled.size() / 3));
			List<HealthMessage> chunk = new ArrayList<>(shuffled.subList(from, Math.min(to, shuffled.size())));
			Collections.shuffle(chunk, random);
			Map<Key, MinuteStats> rows = new HashMap<>();
			for (HealthMessage m : chunk) {
				MinuteStats one = MinuteStats.of(m);
				Key key = new Key(one.service(), one.minute());
				// both operand orders, so commutativity is exercised too
				rows.merge(key, one, (a, b) -> random.nextBoolean() ? a.merge(b) : b.merge(a));
			}
			chunks.add(rows);
			from = to;
		}
		Collections.shuffle(chunks, random);
		Map<Key, MinuteStats> total = new HashMap<>();
		for (Map<Key, MinuteStats> chunk : chunks) {
			chunk
				.forEach((key, row) -> total.merge(key, row, (a, b) -> random.nextBoolean() ? a.merge(b) : b.merge(a)));
		}
		return total;
	}

	private static HealthMessage message(String service, long t, double cpu, double ramTotal, double ramFree) {
		return new HealthMessage(service, t, cpu, ramTotal, ramFree, ramTotal, ramFree, HealthMessage.NO_SEQ);
	}

	private record Key(String service, long minute) {
	}

	private enum Resource {

		CPU, RAM, DISK;

		/**
		 * Independent of HealthMessage#ramPct: docs/architecture.md §3 says
		 * (total-free)/total*100.
		 */
		double percent(HealthMessage m) {
			return switch (this) {
				case CPU -> m.cpuPct();
				case RAM -> (m.ramTotalGb() - m.ramFreeGb()) / m.ramTotalGb() * 100;
				case DISK -> (m.diskTotalGb() - m.diskFreeGb()) / m.diskTotalGb() * 100;
			};
		}

	}

}
