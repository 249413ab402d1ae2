package org.healthmon.ui.dashboard;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the page reads its window from the URL. */
class PageWindowTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:17:42Z");

	@Test
	void whenTheUrlNamesNothingThenTheWindowIsTheLastHourUpToTheNextMinuteInUtc() {
		PageWindow window = PageWindow.resolve(PageRequest.empty(), NOW);
		assertThat(window.apiFrom()).isEqualTo("2026-11-22T09:18:00Z");
		assertThat(window.apiTo()).isEqualTo("2026-11-22T10:18:00Z");
		assertThat(window.zone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(window.zoneGiven()).isFalse();
		assertThat(window.preset()).isEqualTo(Preset.HOUR_1);
		assertThat(window.problems()).isEmpty();
	}

	@Test
	void whenAPresetIsNamedThenItWinsOverThePickersAndStaysLiveInTheUrl() {
		PageWindow window = PageWindow
			.resolve(request("2026-01-01T00:00", "2026-01-02T00:00", "7d", "Europe/Berlin", null), NOW);
		assertThat(window.apiFrom()).isEqualTo("2026-11-15T10:18:00Z");
		assertThat(window.apiTo()).isEqualTo("2026-11-22T10:18:00Z");
		assertThat(window.fromPicker()).isEqualTo("2026-11-15T11:18");
		assertThat(window.query()).containsExactly(java.util.Map.entry("last", "7d"),
				java.util.Map.entry("zone", "Europe/Berlin"));
		assertThat(window.fixedQuery()).containsEntry("from", "2026-11-15T11:18")
			.containsEntry("to", "2026-11-22T11:18");
	}

	@Test
	void whenThePickersAreGivenThenTheyAreLocalTimesOfTheZoneRoundedOutwardToWholeMinutes() {
		PageWindow window = PageWindow
			.resolve(request("2026-11-22T15:30:20", "2026-11-22T17:00:01", null, "Asia/Kolkata", null), NOW);
		assertThat(window.apiFrom()).isEqualTo("2026-11-22T10:00:00Z");
		assertThat(window.apiTo()).isEqualTo("2026-11-22T11:31:00Z");
		assertThat(window.preset()).isNull();
		assertThat(window.minutes()).isEqualTo(91);
		assertThat(window.query()).containsEntry("from", "2026-11-22T15:30")
			.containsEntry("to", "2026-11-22T17:01")
			.containsEntry("zone", "Asia/Kolkata");
	}

	@Test
	void whenTheFormWroteThePickersInAnotherZoneThenTheSameInstantsAreShownInTheNewOne() {
		PageWindow window = PageWindow
			.resolve(request("2026-11-22T11:00", "2026-11-22T12:00", null, "UTC", "Europe/Berlin"), NOW);
		assertThat(window.fromPicker()).isEqualTo("2026-11-22T10:00");
		assertThat(window.toPicker()).isEqualTo("2026-11-22T11:00");
		assertThat(window.zoneGiven()).isTrue();
	}

	@Test
	void whenAReversedWindowIsGivenThenItIsKeptForTheQueryServiceToJudge() {
		PageWindow window = PageWindow.resolve(request("2026-11-22T12:00", "2026-11-22T11:00", null, "UTC", null), NOW);
		assertThat(window.problems()).isEmpty();
		assertThat(window.apiFrom()).isEqualTo("2026-11-22T12:00:00Z");
		assertThat(window.apiTo()).isEqualTo("2026-11-22T11:00:00Z");
	}

	@Test
	void whenOneEndIsMissingThenItIsNowOrAnHourBeforeTheOther() {
		PageWindow onlyFrom = PageWindow.resolve(request("2026-11-22T08:00", null, null, "UTC", null), NOW);
		assertThat(onlyFrom.apiTo()).isEqualTo("2026-11-22T10:18:00Z");
		PageWindow onlyTo = PageWindow.resolve(request(null, "2026-11-22T08:00", null, "UTC", null), NOW);
		assertThat(onlyTo.apiFrom()).isEqualTo("2026-11-22T07:00:00Z");
	}

	@Test
	void whenTimesCarryAnOffsetOrAreDatesThenTheyAreReadAsSuch() {
		PageWindow window = PageWindow.resolve(request("2026-11-22", "2026-11-22T10:00+01:00", null, "UTC", null), NOW);
		assertThat(window.apiFrom()).isEqualTo("2026-11-22T00:00:00Z");
		assertThat(window.apiTo()).isEqualTo("2026-11-22T09:00:00Z");
	}

	@Test
	void whenAPickerTimeFallsIntoASummerTimeGapThenItMovesForward() {
		// 02:30 does not exist in Berlin on 2026-03-29: clocks jump from 02:00 to 03:00
		PageWindow window = PageWindow
			.resolve(request("2026-03-29T02:30", "2026-03-29T04:00", null, "Europe/Berlin", null), NOW);
		assertThat(window.apiFrom()).isEqualTo("2026-03-29T01:30:00Z");
		assertThat(window.minutes()).isEqualTo(30);
	}

	@Test
	void whenTheUrlHasMistakesThenEachIsSaidInWordsAndTheDefaultWindowIsShown() {
		PageWindow window = PageWindow.resolve(request("yesterday", "2026-11-22T10:00", "2w", "Mars/Olympus", null),
				NOW);
		assertThat(window.problems()).containsExactly(
				"'zone' is not a time zone: 'Mars/Olympus'; choose one from the list, e.g. UTC or Europe/Berlin",
				"'last' must be one of 15m, 1h, 6h, 24h or 7d, was '2w'",
				"'from' is not a date and time: 'yesterday'; write it as the pickers do, e.g. 2026-11-22T10:00");
		assertThat(window.zone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(window.preset()).isEqualTo(Preset.HOUR_1);
	}

	@Test
	void whenATimeLiesBeyondWhatTheQueryServiceTakesThenItIsAProblemNotAnException() {
		PageWindow far = PageWindow.resolve(request(null, "+999999999-12-31T23:59-18:00", null, null, null), NOW);
		assertThat(far.problems()).containsExactly(
				"'to' must lie between 1970-01-01T00:00 and 9999-12-31T23:59 UTC, was '+999999999-12-31T23:59-18:00'");
		assertThat(far.preset()).isEqualTo(Preset.HOUR_1);
		PageWindow early = PageWindow
			.resolve(request("-999999999-01-01T00:00", "2026-11-22T10:00", null, "Asia/Tokyo", null), NOW);
		assertThat(early.problems()).containsExactly(
				"'from' must lie between 1970-01-01T00:00 and 9999-12-31T23:59 UTC, was '-999999999-01-01T00:00'");
	}

	private static PageRequest request(String from, String to, String last, String zone, String in) {
		return new PageRequest(from, to, last, zone, in, null, null, null, null, null, null);
	}

}
