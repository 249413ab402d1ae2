package org.healthmon.alerts.eval;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.healthmon.alerts.rules.Resource;
import org.healthmon.alerts.rules.RuleBook;
import org.healthmon.alerts.rules.Severity;
import org.healthmon.alerts.support.TestAlerts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EvaluatorTests {

	private static final long MINUTE = Minutes.MS;

	private static final long T0 = 1_700_000_000_000L / MINUTE * MINUTE;

	private final Evaluator evaluator = new Evaluator(
			new RuleBook(TestAlerts.properties(Path.of("unused"), URI.create("http://localhost:1"))));

	@Test
	void redFiresAfterForMinutesAboveTheThresholdAndResolvesAfterClearMinutes() {
		double[] cpu = { 50, 85, 86, 87, 78, 74, 70, 50 };
		List<Transition> red = red(oneService(cpu));
		assertThat(red).extracting(Transition::change, Transition::at, Transition::since)
			.containsExactly(tuple(Transition.Change.FIRING, T0 + 3 * MINUTE, T0 + MINUTE),
					tuple(Transition.Change.RESOLVED, T0 + 7 * MINUTE, T0 + MINUTE));
		assertThat(red.get(0).reason()).isEqualTo("CPU 86 % for 2 min");
	}

	@Test
	void aMinuteWithoutMessagesBreaksTheRunAndCountsAsClear() {
		double[] cpu = { 85, Double.NaN, 85, 85, Double.NaN, Double.NaN, 50 };
		assertThat(red(oneService(cpu))).extracting(Transition::change, Transition::at)
			.containsExactly(tuple(Transition.Change.FIRING, T0 + 4 * MINUTE),
					tuple(Transition.Change.RESOLVED, T0 + 6 * MINUTE));
	}

	@Test
	void aSteadyRiseIsAmberBeforeItIsRed() {
		double[] cpu = new double[40];
		for (int m = 0; m < cpu.length; m++) {
			cpu[m] = 40 + 1.5 * m;
		}
		Evaluator.Result result = oneService(cpu);
		List<Transition> cpuTransitions = result.settled()
			.stream()
			.filter((t) -> t.key().resource() == Resource.CPU)
			.toList();
		assertThat(cpuTransitions).extracting((t) -> t.key().severity() + " " + t.change())
			.containsExactly("AMBER FIRING", "RED FIRING", "AMBER RESOLVED");
		// the line reaches 80 within 15 min once 40 + 1.5 m + 22.5 >= 80: m = 12; RED
		// once
		// 40 + 1.5 m > 80 for two minutes: m = 27 and 28
		assertThat(cpuTransitions.get(0).at()).isEqualTo(T0 + 13 * MINUTE);
		assertThat(cpuTransitions.get(0).reason()).isEqualTo("CPU predicted to reach 80 % in ~15 min");
		assertThat(cpuTransitions.get(1).at()).isEqualTo(T0 + 29 * MINUTE);
	}

	@Test
	void evaluatingAgainFromCheckpointsWhileLateDataArrivesGivesWhatOnePassOverTheFinalDataGives() {
		Random random = new Random(7);
		for (int round = 0; round < 30; round++) {
			int minutes = 150;
			String[] services = { "a", "b", "c", "d" };
			double[][][] values = new double[services.length][minutes][3];
			long[][] arrival = new long[services.length][minutes];
			for (int s = 0; s < services.length; s++) {
				double level = 60 + random.nextInt(30);
				for (int m = 0; m < minutes; m++) {
					level = Math.max(0, Math.min(100, level + random.nextGaussian() * 4));
					for (int r = 0; r < 3; r++) {
						values[s][m][r] = (random.nextInt(12) == 0) ? Double.NaN : level + random.nextGaussian() * 3;
					}
					// most minutes arrive at once, some up to 8 minutes late
					arrival[s][m] = m + ((random.nextInt(6) == 0) ? random.nextInt(9) : 0);
				}
			}
			long late = 10;
			Checkpoint checkpoint = new Checkpoint(T0 - MINUTE, Map.of());
			List<Transition> settled = new ArrayList<>();
			List<Transition> open = List.of();
			long now = 1;
			long through;
			do {
				through = Math.min(now - 1, minutes + 10);
				Means seen = means(services, values, arrival, now, minutes);
				long keep = Math.max(checkpoint.minute(), T0 + (through - late) * MINUTE);
				Evaluator.Result result = this.evaluator.evaluate(checkpoint, seen, T0 + through * MINUTE, keep);
				settled.addAll(result.settled());
				open = result.open();
				checkpoint = result.checkpoint();
				now += 1 + random.nextInt(3);
			}
			while (through < minutes + 10);
			List<Transition> chunked = new ArrayList<>(settled);
			chunked.addAll(open);
			Evaluator.Result once = this.evaluator.evaluate(new Checkpoint(T0 - MINUTE, Map.of()),
					means(services, values, arrival, Long.MAX_VALUE, minutes), checkpoint.minute(),
					checkpoint.minute());
			List<Transition> expected = new ArrayList<>(once.settled());
			// the chunks went further than the checkpoint: their open part
			Evaluator.Result rest = this.evaluator.evaluate(once.checkpoint(),
					means(services, values, arrival, Long.MAX_VALUE, minutes), T0 + (minutes + 10) * MINUTE,
					once.checkpoint().minute());
			expected.addAll(rest.open());
			assertThat(chunked).as("round " + round).containsExactlyElementsOf(expected);
			assertThat(expected).as("round " + round + " has alerts to compare")
				.anyMatch((t) -> t.key().severity() == Severity.RED);
		}
	}

	private static Means means(String[] services, double[][][] values, long[][] arrival, long now, int minutes) {
		Means means = new Means(T0 - 40 * MINUTE, minutes + 60);
		for (int s = 0; s < services.length; s++) {
			for (int m = 0; m < minutes; m++) {
				if (arrival[s][m] < now) {
					double[] v = values[s][m];
					if (!Double.isNaN(v[0]) || !Double.isNaN(v[1]) || !Double.isNaN(v[2])) {
						means.put(services[s], T0 + m * MINUTE, v[0], v[1], v[2]);
					}
				}
			}
		}
		return means;
	}

	private static List<Transition> red(Evaluator.Result result) {
		return result.settled().stream().filter((t) -> t.key().severity() == Severity.RED).toList();
	}

	private Evaluator.Result oneService(double[] cpu) {
		Means means = new Means(T0 - 40 * MINUTE, cpu.length + 40);
		for (int m = 0; m < cpu.length; m++) {
			if (!Double.isNaN(cpu[m])) {
				means.put("checkout", T0 + m * MINUTE, cpu[m], 40, 40);
			}
		}
		long last = T0 + (cpu.length - 1) * MINUTE;
		return this.evaluator.evaluate(new Checkpoint(T0 - MINUTE, Map.of()), means, last, last);
	}

}
