package org.healthmon.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.healthmon.ui.query.QueryApi;
import org.jspecify.annotations.Nullable;

/**
 * Says in words what is empty or partial about a window, so that a short table is never
 * mistaken for a quiet fleet: no messages at all (and why, as far as can be told), a
 * window reaching into the future or past the newest data, one starting before the first
 * message, and services that reported in only part of it or not at all.
 */
final class WindowNotes {

	private WindowNotes() {
	}

	/**
	 * @param window the window shown
	 * @param analytics its analytics
	 * @param series its series (for which part of the window each service covers), or
	 * {@code null}
	 * @param catalog the service catalog, or {@code null} when it did not come back
	 */
	static List<String> of(PageWindow window, QueryApi.Analytics analytics, QueryApi.@Nullable Series series,
			QueryApi.@Nullable Services catalog, Texts texts) {
		List<String> notes = new ArrayList<>();
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
			notes.add(empty(from, to, firstSeen, catalog, texts));
		}
		else if (firstSeen != null && firstSeen.isAfter(from) && firstSeen.isBefore(to)) {
			notes.add("The data starts at " + texts.time(firstSeen) + ", when the first message arrived: the first "
					+ Texts.length(Duration.between(from, firstSeen).truncatedTo(ChronoUnit.MINUTES))
					+ " of the window have no messages.");
		}
		if (to.isAfter(now) && from.isBefore(now)) {
			notes.add("The window ends in the future (" + texts.time(to) + "): its last "
					+ Texts.length(Duration.between(now, to).plusSeconds(59).truncatedTo(ChronoUnit.MINUTES))
					+ " cannot have data yet.");
		}
		OffsetDateTime dataAsOf = (analytics.sources() != null) ? analytics.sources().dataAsOf() : null;
		if (dataAsOf != null && to.isAfter(dataAsOf.toInstant()) && !analytics.services().isEmpty()) {
			notes.add("The newest view was published at " + texts.time(dataAsOf)
					+ ": messages that arrived after it are not counted yet.");
		}
		if (!analytics.services().isEmpty()) {
			notes.addAll(partial(window, analytics, series, catalog, texts));
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

	/** Services with messages in only part of the window, and known ones with none. */
	private static List<String> partial(PageWindow window, QueryApi.Analytics analytics,
			QueryApi.@Nullable Series series, QueryApi.@Nullable Services catalog, Texts texts) {
		List<String> notes = new ArrayList<>();
		if (series != null && series.stepSeconds() > 0 && !series.services().isEmpty()) {
			// against what the whole fleet covers: a window before the first message or
			// past the newest one is said once, above, not once per service
			Duration step = Duration.ofSeconds(series.stepSeconds());
			Instant covered = series.services()
				.stream()
				.filter((s) -> !s.points().isEmpty())
				.map((s) -> first(s))
				.min(Instant::compareTo)
				.orElse(window.from().toInstant());
			Instant coveredEnd = series.services()
				.stream()
				.filter((s) -> !s.points().isEmpty())
				.map((s) -> last(s, step))
				.max(Instant::compareTo)
				.orElse(window.to().toInstant());
			for (QueryApi.ServiceSeries service : series.services()) {
				if (service.points().isEmpty()) {
					continue;
				}
				Instant first = first(service);
				Instant last = last(service, step);
				boolean lateStart = first.isAfter(covered.plus(step));
				boolean earlyEnd = last.plus(step).isBefore(coveredEnd);
				if (lateStart || earlyEnd) {
					notes.add(service.service() + " reported in part of the window only: from about "
							+ texts.time(first) + " to about " + texts.time(min(last, window.to().toInstant())) + ".");
				}
			}
		}
		if (catalog != null) {
			Set<String> silent = new TreeSet<>();
			catalog.services().forEach((s) -> silent.add(s.service()));
			analytics.services().forEach((s) -> silent.remove(s.service()));
			if (!silent.isEmpty()) {
				notes.add("No messages in this window from " + String.join(", ", silent)
						+ " (known to the catalog, so not in the table).");
			}
		}
		return notes;
	}

	private static Instant first(QueryApi.ServiceSeries service) {
		return service.points().get(0).start().toInstant();
	}

	/** The end of the service's last step with messages. */
	private static Instant last(QueryApi.ServiceSeries service, Duration step) {
		return service.points().get(service.points().size() - 1).start().toInstant().plus(step);
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
