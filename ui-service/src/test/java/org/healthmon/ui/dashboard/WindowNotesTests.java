package org.healthmon.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.healthmon.ui.query.QueryApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the page says about empty and partial windows, for a few services and for
 * hundreds.
 */
class WindowNotesTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:30Z");

	private static final QueryApi.Services CATALOG = new QueryApi.Services(
			List.of(status("a", "08:00", "12:00:28"), status("b", "09:30", "10:00")), 60, at("12:00:29"));

	@Test
	void whenNoServiceHasReportedYetThenThePageSaysSo() {
		List<String> notes = notes("10:00", "11:00", List.of(), new QueryApi.Services(List.of(), 60, null));
		assertThat(notes).containsExactly(
				"No messages: no service has reported yet (the service catalog is empty). Start the emitter, or point services at ingest.");
	}

	@Test
	void whenTheWindowEndsBeforeTheFirstMessageThenThePageSaysWhenThatArrived() {
		assertThat(notes("06:00", "07:00", List.of(), CATALOG)).containsExactly(
				"No messages between 2026-11-22 06:00:00 and 2026-11-22 07:00:00: the first message of any service arrived at 2026-11-22 08:00:00, after this window ends.");
	}

	@Test
	void whenTheWindowLiesInTheFutureThenThePageSaysNothingCanBeThereYet() {
		assertThat(notes("13:00", "14:00", List.of(), CATALOG))
			.containsExactly("No messages: this window lies in the future, nothing can have been reported in it yet.");
	}

	@Test
	void whenKnownServicesWereSilentThenThePageSaysSoAndHowManyAreKnown() {
		assertThat(notes("10:30", "11:00", List.of(), CATALOG)).containsExactly(
				"No messages between 2026-11-22 10:30:00 and 2026-11-22 11:00:00. None of the 2 known services reported in it. The data may not have reached the views yet, or the services were silent.");
	}

	@Test
	void whenTheWindowStartsBeforeTheDataAndEndsInTheFutureThenBothAreSaidAndTheSilentServiceNamed() {
		List<String> notes = notes("07:30", "12:30", List.of(analytics("a")), CATALOG);
		assertThat(notes).containsExactly(
				"The data starts at 2026-11-22 08:00:00, when the first message arrived: the first 30 min of the window have no messages.",
				"The window ends in the future (2026-11-22 12:30:00): its last 30 min cannot have data yet.",
				"The newest view was published at 2026-11-22 12:00:29: messages that arrived after it are not counted yet.",
				"No messages in this window from b (known to the catalog, so not in the table).");
	}

	@Test
	void whenOneServiceCoversLessOfTheWindowThanTheOthersThenThePageSaysWhichPart() {
		List<String> notes = notes("09:00", "11:00", List.of(analytics("a"), analytics("b")), CATALOG);
		assertThat(notes).containsExactly(
				"b reported in part of the window only: from about 2026-11-22 09:30:00 to about 2026-11-22 10:00:00.");
	}

	@Test
	void whenHundredsOfServicesArePartialOrSilentThenEachNoteCountsThemAndNamesAtMostAHundred() {
		List<QueryApi.ServiceStatus> statuses = new ArrayList<>(List.of(status("a", "08:00", "12:00:28")));
		List<QueryApi.ServiceAnalytics> reported = new ArrayList<>(List.of(analytics("a")));
		for (int i = 0; i < 150; i++) {
			String name = String.format("late-%03d", i);
			statuses.add(status(name, "10:30", "12:00:28"));
			reported.add(analytics(name));
		}
		for (int i = 0; i < 120; i++) {
			statuses.add(status(String.format("gone-%03d", i), "08:00", "08:30"));
		}
		List<DashboardView.Note> notes = notesOf("09:00", "11:00", reported,
				new QueryApi.Services(statuses, 60, at("12:00:29")));

		assertThat(notes).hasSize(2);
		assertThat(notes.get(0).text())
			.isEqualTo("150 services reported in part of the window only: they started or stopped inside it.");
		assertThat(notes.get(0).details()).hasSize(WindowNotes.MAX_DETAILS + 1)
			.startsWith("late-000: from about 2026-11-22 10:30:00 to about 2026-11-22 11:00:00")
			.endsWith("and 50 more");
		assertThat(notes.get(1).text()).isEqualTo(
				"120 services known to the catalog sent no messages in this window, so they are not in the table.");
		assertThat(notes.get(1).details()).hasSize(WindowNotes.MAX_DETAILS + 1)
			.startsWith("gone-000", "gone-001")
			.endsWith("and 20 more");
	}

	private static List<String> notes(String from, String to, List<QueryApi.ServiceAnalytics> services,
			QueryApi.Services catalog) {
		return notesOf(from, to, services, catalog).stream().map(DashboardView.Note::text).toList();
	}

	private static List<DashboardView.Note> notesOf(String from, String to, List<QueryApi.ServiceAnalytics> services,
			QueryApi.Services catalog) {
		PageWindow window = PageWindow.resolve(new PageRequest("2026-11-22T" + from, "2026-11-22T" + to, null, "UTC",
				null, null, null, null, null, null, null), NOW);
		QueryApi.Analytics analytics = new QueryApi.Analytics(null, services,
				new QueryApi.Sources(null, null, null, at("12:00:29"), 1.0));
		return WindowNotes.of(window, analytics, catalog, Texts.of(window, NOW), Duration.ofMinutes(10));
	}

	private static QueryApi.ServiceAnalytics analytics(String service) {
		QueryApi.Resource resource = new QueryApi.Resource(50, 60, at("10:00"));
		return new QueryApi.ServiceAnalytics(service, 10, resource, resource, resource);
	}

	private static QueryApi.ServiceStatus status(String service, String first, String last) {
		return new QueryApi.ServiceStatus(service, "UP", at(first), at(last), 10, 0, 0);
	}

	private static OffsetDateTime at(String time) {
		return OffsetDateTime.parse("2026-11-22T" + (time.length() == 5 ? time + ":00" : time) + "Z")
			.withOffsetSameInstant(ZoneOffset.UTC);
	}

}
