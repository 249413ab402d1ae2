package org.healthmon.ui.dashboard;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The window the page shows, resolved from the URL: {@code [from, to)} in whole minutes
 * ({@code from} rounded down, {@code to} up, as the query service rounds), the time zone
 * everything is shown in, and the preset it came from, if any (a preset is a live window:
 * "the last hour" moves with every load).
 *
 * @param from start of the window, in {@code zone}
 * @param to end of the window (exclusive), in {@code zone}
 * @param zone the zone times are shown in
 * @param preset the preset the window came from, or {@code null} for a fixed window
 * @param zoneGiven whether the URL named the zone (if not, the page asks the browser for
 * its own)
 * @param problems what was wrong with the URL's parameters, in words; when not empty, the
 * window is the default and must not be analyzed
 */
record PageWindow(ZonedDateTime from, ZonedDateTime to, ZoneId zone, @Nullable Preset preset, boolean zoneGiven,
		List<String> problems) {

	static final ZoneId UTC = ZoneId.of("UTC");

	/**
	 * The times the query service takes ({@code QueryWindow}); beyond them a time cannot
	 * be shown in every zone either (the year would pass 999,999,999).
	 */
	private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:00Z");

	/**
	 * How the pickers ({@code <input type="datetime-local">}) and the URL write times.
	 */
	static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

	PageWindow {
		problems = List.copyOf(problems);
	}

	/** Resolves the URL's window at {@code now}; never throws, says what is wrong. */
	static PageWindow resolve(PageRequest request, Instant now) {
		List<String> problems = new ArrayList<>();
		ZoneId zone = zone(request.zone(), "zone", problems);
		ZoneId writtenIn = (request.in() != null) ? zone(request.in(), "in", problems) : zone;
		boolean zoneGiven = !blank(request.zone()) && problems.isEmpty();
		Instant end = now.truncatedTo(ChronoUnit.MINUTES);
		if (end.isBefore(now)) {
			end = end.plus(Duration.ofMinutes(1));
		}
		if (!blank(request.last())) {
			Preset preset = Preset.of(request.last()).orElse(null);
			if (preset != null) {
				return live(preset, end, zone, zoneGiven, problems);
			}
			problems.add("'last' must be one of 15m, 1h, 6h, 24h or 7d, was '" + request.last() + "'");
		}
		if (blank(request.from()) && blank(request.to())) {
			return live(Preset.DEFAULT, end, zone, zoneGiven, problems);
		}
		Instant to = blank(request.to()) ? end : time(request.to(), "to", writtenIn, problems);
		Instant from = blank(request.from()) ? minus(to, Preset.DEFAULT.length())
				: time(request.from(), "from", writtenIn, problems);
		if (!problems.isEmpty()) {
			return live(Preset.DEFAULT, end, zone, zoneGiven, problems);
		}
		return new PageWindow(floorMinute(from).atZone(zone), ceilMinute(to).atZone(zone), zone, null, zoneGiven,
				problems);
	}

	/** {@code from} as the query service takes it: UTC, so no '+' travels in a URL. */
	public String apiFrom() {
		return this.from.toInstant().toString();
	}

	public String apiTo() {
		return this.to.toInstant().toString();
	}

	/** The window's length in whole minutes. */
	public long minutes() {
		return Duration.between(this.from, this.to).toMinutes();
	}

	public String fromPicker() {
		return PICKER.format(this.from);
	}

	public String toPicker() {
		return PICKER.format(this.to);
	}

	/**
	 * The URL parameters that show this window again: the preset, or both ends; and the
	 * zone.
	 */
	Map<String, String> query() {
		Map<String, String> query = new LinkedHashMap<>();
		if (this.preset != null) {
			query.put("last", this.preset.key());
		}
		else {
			query.put("from", fromPicker());
			query.put("to", toPicker());
		}
		query.put("zone", this.zone.getId());
		return query;
	}

	/** The parameters of exactly this window, fixed (for a download of what is shown). */
	Map<String, String> fixedQuery() {
		return new PageWindow(this.from, this.to, this.zone, null, this.zoneGiven, this.problems).query();
	}

	private static PageWindow live(Preset preset, Instant end, ZoneId zone, boolean zoneGiven, List<String> problems) {
		return new PageWindow(minus(end, preset.length()).atZone(zone), end.atZone(zone), zone, preset, zoneGiven,
				problems);
	}

	private static ZoneId zone(@Nullable String id, String name, List<String> problems) {
		if (blank(id)) {
			return UTC;
		}
		try {
			return ZoneId.of(id.strip());
		}
		catch (DateTimeException ex) {
			problems.add("'" + name + "' is not a time zone: '" + id
					+ "'; choose one from the list, e.g. UTC or Europe/Berlin");
			return UTC;
		}
	}

	/**
	 * A time as the pickers write it (local, in {@code zone}), with or without seconds; a
	 * date alone (midnight); or an ISO-8601 time with an offset, taken as it is.
	 */
	private static Instant time(String text, String name, ZoneId zone, List<String> problems) {
		Instant time = parse(text.strip(), zone);
		if (time == null) {
			problems.add("'" + name + "' is not a date and time: '" + text
					+ "'; write it as the pickers do, e.g. 2026-11-22T10:00");
			return Instant.EPOCH;
		}
		if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
			problems
				.add("'" + name + "' must lie between 1970-01-01T00:00 and 9999-12-31T23:59 UTC, was '" + text + "'");
			return Instant.EPOCH;
		}
		return time;
	}

	private static @Nullable Instant parse(String value, ZoneId zone) {
		try {
			return LocalDateTime.parse(value).atZone(zone).toInstant();
		}
		catch (DateTimeException notLocal) {
			try {
				return LocalDate.parse(value).atStartOfDay(zone).toInstant();
			}
			catch (DateTimeException notDate) {
				try {
					return OffsetDateTime.parse(value).toInstant();
				}
				catch (DateTimeException notOffset) {
					return null;
				}
			}
		}
	}

	private static Instant minus(Instant time, Duration length) {
		return time.atOffset(ZoneOffset.UTC).minus(length).toInstant();
	}

	private static Instant floorMinute(Instant time) {
		return time.truncatedTo(ChronoUnit.MINUTES);
	}

	private static Instant ceilMinute(Instant time) {
		Instant floor = floorMinute(time);
		return floor.equals(time) ? floor : floor.plus(Duration.ofMinutes(1));
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
