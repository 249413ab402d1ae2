package org.healthmon.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/rotate-log}, which the launcher puts between each app and its log: the log
 * never grows past its size (plus one line), at most {@code keep} older parts are kept,
 * no line is cut, and the newest lines are all there, in order.
 */
class LogRotationTests {

	private static final Path ROTATE = Path.of("..", "bin", "rotate-log").toAbsolutePath().normalize();

	@TempDir
	Path dir;

	@Test
	void whenAnAppWritesTenTimesItsLogSizeThenTheLogsStayBoundedAndTheNewestLinesAreWhole() throws Exception {
		Path log = this.dir.resolve("app.log");
		Files.writeString(log, "the previous run\n");
		// the launcher's start: the previous run's log moves to app.log.1
		run(List.of("env", "ROTATE_LOG_SHIFT_ONLY=1", ROTATE.toString(), log.toString(), "100000", "3"), List.of());
		assertThat(Files.readString(this.dir.resolve("app.log.1"))).isEqualTo("the previous run\n");

		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 40_000; i++) {
			lines.add(String.format("2026-12-07T00:00:00Z INFO line %07d of a log that grows", i));
		}
		run(List.of(ROTATE.toString(), log.toString(), "100000", "3"), lines);

		long longest = lines.stream().mapToLong((l) -> l.length() + 1).max().orElseThrow();
		List<String> kept = new ArrayList<>();
		for (String name : List.of("app.log.3", "app.log.2", "app.log.1", "app.log")) {
			Path part = this.dir.resolve(name);
			assertThat(part).exists();
			assertThat(Files.size(part)).as(name).isLessThan(100_000 + longest);
			kept.addAll(Files.readAllLines(part));
		}
		assertThat(this.dir.resolve("app.log.4")).doesNotExist();
		assertThat(kept).as("the newest lines, whole and in order")
			.isEqualTo(lines.subList(lines.size() - kept.size(), lines.size()));
		assertThat(kept.size()).isGreaterThan(3 * 100_000 / (int) longest);
	}

	@Test
	void whenAnAppWritesALineThenTheLogHoldsItAtOnceNotWhenABufferFills() throws Exception {
		Path log = this.dir.resolve("quiet.log");
		Process process = new ProcessBuilder(ROTATE.toString(), log.toString(), "100000", "3").redirectErrorStream(true)
			.start();
		try (OutputStream in = process.getOutputStream()) {
			in.write("Started QueryApplication in 4.2 seconds\n".getBytes(StandardCharsets.UTF_8));
			in.flush();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (!(Files.exists(log) && Files.size(log) > 0) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(log).as("the line, while the app still runs")
				.hasContent("Started QueryApplication in 4.2 seconds");
		}
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void whenItIsCalledWrongThenItSaysHow() throws Exception {
		Process process = new ProcessBuilder(ROTATE.toString(), "x.log", "ten", "3").redirectErrorStream(true).start();
		String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).isEqualTo(2);
		assertThat(said).startsWith("usage: bin/rotate-log <file> <max-bytes> <keep>");
	}

	private static void run(List<String> command, List<String> input) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (OutputStream in = process.getOutputStream()) {
			for (String line : input) {
				in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(said).isZero();
	}

}
