package org.healthmon.emitter.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.healthmon.model.HealthMessage;
import org.healthmon.model.HealthMessageJson;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReplayFileSourceTests {

	private static final HealthMessageJson JSON = new HealthMessageJson();

	@TempDir
	Path dir;

	@Test
	void whenReplayingCsvThenEveryLineIsReadWithItsEventTime() throws IOException {
		List<HealthMessage> expected = ReplayFiles.messages(25);
		Path file = ReplayFiles.csv(this.dir.resolve("raw.csv"), expected);
		try (ReplayFileSource source = new ReplayFileSource(file, JSON)) {
			assertThat(readAll(source)).containsExactlyElementsOf(expected);
			assertThat(source.skipped()).isZero();
		}
	}

	@Test
	void whenReplayingJsonLinesThenEveryMessageIsReadWithoutItsOldSeq() throws IOException {
		List<HealthMessage> expected = ReplayFiles.messages(25);
		Path file = ReplayFiles.jsonLines(this.dir.resolve("messages.jsonl"), expected);
		try (ReplayFileSource source = new ReplayFileSource(file, JSON)) {
			assertThat(readAll(source)).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void whenLinesAreBadOrBlankThenTheyAreSkippedAndBadOnesCounted() throws IOException {
		HealthMessage good = ReplayFiles.messages(1).get(0);
		String csv = RawCsv.format(new RawRecord(good, good.eventTimeMs() + 5));
		Path file = Files.write(this.dir.resolve("mixed.txt"), List.of("", csv, "not,a,line", "{\"service\":\"x\"}",
				"  ", new String(JSON.encode(good), StandardCharsets.UTF_8), "x,1,2,500,1,1,1,1"));
		try (ReplayFileSource source = new ReplayFileSource(file, JSON)) {
			assertThat(readAll(source)).containsExactly(good, good);
			assertThat(source.skipped()).isEqualTo(3);
		}
	}

	@Test
	void whenFileIsMissingThenTheErrorNamesIt() {
		Path missing = this.dir.resolve("missing.csv");
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> new ReplayFileSource(missing, JSON))
			.withMessageContaining(missing.toString());
	}

	private static List<HealthMessage> readAll(MessageSource source) {
		List<HealthMessage> messages = new ArrayList<>();
		HealthMessage next;
		while ((next = source.next(0)) != null) {
			messages.add(next);
		}
		return messages;
	}

}
