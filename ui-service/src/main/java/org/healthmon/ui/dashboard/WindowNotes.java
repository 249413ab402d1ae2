package org.healthmon.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.healthmon.ui.query.QueryApi;
import org.jspecify.annotations.Nullable;

/**
 * Says in words what is empty or partial about a window, so that a short table is never
 * mistaken for a quiet fleet: no messages at all (and why, as far as can be told), a
 * window reaching into the future or past the newest data, one starting before the first
 * message, and services that reported in only part of it or not at all. Notes about many
 * services count them and name them in their details, so that a fleet of a thousand gets
 * one line, not a thousand.
 */
final class WindowNotes {

	/** At most this many services are named in a note's details. */
	static final int MAX_DETAILS = 100;

	private WindowNotes() {
	}

	/**
	 * @param window the window shown
	 * @param analytics its analytics
	 * @param catalog the service catalog, or {@code null} when it did not come back
	 * @param tolerance how much later than the fleet a service may start (or earlier
	 * stop) and still count as reporting in all of the window
	 */
	static List<DashboardView.Note> of(PageWindow window, QueryApi.Analytics analytics,
			QueryApi.@Nullable Services catalog, Texts texts, Duration tolerance) {
		List<DashboardView.Note> notes = new ArrayList<>();
		Instant from = window.from().toInstant();
		Instant to = window.to().toInstant();
		Instant now = texts.now();
		@Nullable Instant firstSeen = (catalog != null) ? catalog.services()
			.stream()
			.map(QueryApi.ServiceStatus::firstSeen)
			.filter(Objects::nonNull)
			.map(OffsetDateTime::toInstant)
			.min(Instant::compareTo)
			.orElse(null) : null;
		if (analytics.services().isEmpty()) {
			notes.add(DashboardView.Note.of(empty(from, to, firstSeen, catalog, texts)));
		}
		else if (firstSeen != null && firstSeen.isAfter(from) && firstSeen.isBefore(to)) {
			notes.add(DashboardView.Note
				.of("The data starts at " + texts.time(firstSeen) + ", when the first message arrived: the first "
						+ Texts.length(Duration.between(from, firstSeen).truncatedTo(ChronoUnit.MINUTES))
						+ " of the window have no messages."));
		}
		if (to.isAfter(now) && from.isBefore(now)) {
			notes.add(DashboardView.Note.of("The window ends in the future (" + texts.time(to) + "): its last "
					+ Texts.length(Duration.between(now, to).plusSeconds(59).truncatedTo(ChronoUnit.MINUTES))
					+ " cannot have data yet."));
		}
		OffsetDateTime dataAsOf = (analytics.sources() != null) ? analytics.sources().dataAsOf() : null;
		if (dataAsOf != null && to.isAfter(dataAsOf.toInstant()) && !analytics.services().isEmpty()) {
			notes.add(DashboardView.Note.of("The newest view was published at " + texts.time(dataAsOf)
					+ ": messages that arrived after it are not counted yet."));
		}
		if (!analytics.services().isEmpty() && catalog != null) {
			partial(window, analytics, catalog, texts, tolerance).ifPresent(notes::add);
			silent(analytics, catalog).ifPresent(notes::add);
		}
		return notes;
	}

	private static String empty(Instant from, Instant to, @Nullable Instant firstSeen,
			QueryApi.@Nullable Services catalog, Texts texts) {
		String window = "between " + texts.time(from) + " and " + texts.time(to);
		if (!from.isBefore(texts.now())) {
			return "No messages: this window lies in the future, nothing can have been reported in it yet.";
		}
		if (catalog != null && catalog.services().isEmpty()) {
			return "No messages: no service has reported yet (the service catalog is empty). Start the emitter, or point services at ingest.";
		}
		if (firstSeen != null && !firstSeen.isBefore(to)) {
			return "No messages " + window + ": the first message of any service arrived at " + texts.time(firstSeen)
					+ ", after this window ends.";
		}
		String known = (catalog != null)
				? " None of the " + catalog.services().size() + " known services reported in it." : "";
		return "No messages " + window + "." + known
				+ " The data may not have reached the views yet, or the services were silent.";
	}

	/**
	 * The services in the table that began or stopped reporting inside the window, by
	 * their first and last arrival in the catalog: against what the whole fleet covers,
	 * so that a window before the first message or past the newest one is said once,
	 * above, not once per service.
	 */
	private static Optional<DashboardView.Note> partial(PageWindow window, QueryApi.Analytics analytics,
			QueryApi.Services catalog, Texts texts, Duration tolerance) {
		Instant from = window.from().toInstant();
		Instant to = window.to().toInstant();
		Map<String, QueryApi.ServiceStatus> entries = new HashMap<>();
		catalog.services().forEach((s) -> entries.put(s.service(), s));
		List<QueryApi.ServiceStatus> reported = analytics.services()
			.stream()
			.map((s) -> entries.get(s.service()))
			.filter(Objects::nonNull)
			.toList();
		if (reported.isEmpty()) {
			return Optional.empty();
		}
		Instant covered = reported.stream()
			.map((s) -> max(from, s.firstSeen().toInstant()))
			.min(Instant::compareTo)
			.orElseThrow();
		Instant coveredEnd = reported.stream()
			.map((s) -> min(to, s.lastSeen().toInstant()))
			.max(Instant::compareTo)
			.orElseThrow();
		List<String> partial = new ArrayList<>();
		for (QueryApi.ServiceStatus service : reported) {
			Instant first = max(from, service.firstSeen().toInstant());
			Instant last = min(to, service.lastSeen().toInstant());
			if (first.isAfter(covered.plus(tolerance)) || last.plus(tolerance).isBefore(coveredEnd)) {
				partial.add(service.service() + ": from about " + texts.time(first) + " to about " + texts.time(last));
			}
		}
		if (partial.isEmpty()) {
			return Optional.empty();
		}
		if (partial.size() == 1) {
			String only = partial.get(0);
			int colon = only.indexOf(": ");
			return Optional.of(DashboardView.Note.of(only.substring(0, colon) + " reported in part of the window only: "
					+ only.substring(colon + 2) + "."));
		}
		return Optional.of(new DashboardView.Note(
				partial.size() + " services reported in part of the window only: they started or stopped inside it.",
				details(partial)));
	}

	/** The services the catalog knows that sent nothing in the window. */
	private static Optional<DashboardView.Note> silent(QueryApi.Analytics analytics, QueryApi.Services catalog) {
		Set<String> silent = new TreeSet<>();
		catalog.services().forEach((s) -> silent.add(s.service()));
		analytics.services().forEach((s) -> silent.remove(s.service()));
		if (silent.isEmpty()) {
			return Optional.empty();
		}
		if (silent.size() == 1) {
			return Optional.of(DashboardView.Note.of("No messages in this window from " + silent.iterator().next()
					+ " (known to the catalog, so not in the table)."));
		}
		return Optional.of(new DashboardView.Note(silent.size()
				+ " services known to the catalog sent no messages in this window, so they are not in the table.",
				details(List.copyOf(silent))));
	}

	/** The first {@link #MAX_DETAILS} of many, and how many more there are. */
	private static List<String> details(List<String> all) {
		if (all.size() <= MAX_DETAILS) {
			return all;
		}
		List<String> shown = new ArrayList<>(all.subList(0, MAX_DETAILS));
		shown.add("and " + (all.size() - MAX_DETAILS) + " more");
		return shown;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
