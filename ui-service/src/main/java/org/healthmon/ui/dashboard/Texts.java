package org.healthmon.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.healthmon.ui.query.QueryApi;
import org.jspecify.annotations.Nullable;

/**
 * How the page writes times, durations and numbers: times in the chosen zone, to the
 * second; percentages to two decimals; counts with thousands separators. One place, so
 * the table, the notes and the CSV agree.
 */
final class Texts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

	private final ZoneId zone;

	private final Instant now;

	private final boolean oneDay;

	/**
	 * @param oneDay whether the window lies within one date (in {@code zone}): then the
	 * table's peak times leave the date out, which the window line shows
	 */
	Texts(ZoneId zone, Instant now, boolean oneDay) {
		this.zone = zone;
		this.now = now;
		this.oneDay = oneDay;
	}

	/**
	 * How to write the times of a window: without the date when it is all on one date.
	 */
	static Texts of(PageWindow window, Instant now) {
		boolean oneDay = window.to().isAfter(window.from())
				&& window.from().toLocalDate().equals(window.to().minusNanos(1).toLocalDate());
		return new Texts(window.zone(), now, oneDay);
	}

	ZoneId zone() {
		return this.zone;
	}

	Instant now() {
		return this.now;
	}

	/** A time in the chosen zone, e.g. {@code 2026-11-22 10:13:05}. */
	String time(Instant time) {
		return TIME.format(time.atZone(this.zone));
	}

	String time(OffsetDateTime time) {
		return time(time.toInstant());
	}

	/**
	 * A window in words, e.g.
	 * {@code 2026-11-22 10:00:00 to 2026-11-22 11:00:00 (60 min)}.
	 */
	String window(PageWindow window) {
		return time(window.from().toInstant()) + " to " + time(window.to().toInstant())
				+ (window.to().isAfter(window.from())
						? " (" + length(Duration.between(window.from(), window.to())) + ")"
						: " (reversed: 'to' is not after 'from')");
	}

	/** A service's row of the results table. */
	DashboardView.Row row(QueryApi.ServiceAnalytics service) {
		return new DashboardView.Row(service.service(), service.messages(), count(service.messages()),
				measure(service.cpu()), measure(service.ram()), measure(service.disk()));
	}

	private DashboardView.Measure measure(QueryApi.Resource resource) {
		Instant peakAt = resource.peakAt().toInstant();
		String shown = this.oneDay ? TIME_OF_DAY.format(peakAt.atZone(this.zone)) : time(peakAt);
		return new DashboardView.Measure(resource.mean(), resource.peak(), peakAt, percent(resource.mean()),
				percent(resource.peak()), shown, iso(peakAt));
	}

	/** A time in the chosen zone, ISO-8601 to the millisecond, with its offset. */
	String iso(Instant time) {
		return ISO.format(time.atZone(this.zone));
	}

	/** The chosen zone with its offset now, e.g. {@code Europe/Berlin (UTC+01:00)}. */
	String zoneName() {
		return zoneName(this.zone, this.now);
	}

	static String zoneName(ZoneId zone, Instant at) {
		String offset = zone.getRules().getOffset(at).getId();
		String utc = "Z".equals(offset) ? "UTC" : "UTC" + offset;
		String id = zone.getId();
		if (id.equals(utc)) {
			return id;
		}
		return id + " (" + utc + ")";
	}

	/** A percentage as the table shows it: two decimals. */
	static String percent(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** How long ago a time was, roughly: {@code 4 s ago}, {@code 12 min ago} … */
	String ago(Instant time) {
		Duration age = Duration.between(time, this.now);
		if (age.isNegative()) {
			return "just now";
		}
		return length(age) + " ago";
	}

	/**
	 * A length in the largest unit that fits: {@code 45 s}, {@code 90 min}, {@code 6 h}.
	 */
	static String length(Duration length) {
		long seconds = length.toSeconds();
		if (seconds < 60 || (seconds < 120 && seconds % 60 != 0)) {
			return seconds + " s";
		}
		long minutes = length.toMinutes();
		if (minutes < 120) {
			return minutes + " min";
		}
		long hours = length.toHours();
		if (hours < 48) {
			return (minutes % 60 == 0) ? hours + " h" : hours + " h " + (minutes % 60) + " min";
		}
		long days = length.toDays();
		return (hours % 24 == 0) ? days + " days" : days + " days " + (hours % 24) + " h";
	}

	/** A duration in seconds, as the API gives ages. */
	static String seconds(@Nullable Double seconds) {
		if (seconds == null) {
			return "unknown";
		}
		if (seconds < 10) {
			return String.format(Locale.ROOT, "%.1f s", seconds);
		}
		return length(Duration.ofMillis(Math.round(seconds * 1000)));
	}

}
