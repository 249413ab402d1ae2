package org.healthmon.query.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.healthmon.model.DecodeResult;
import org.healthmon.model.MessageRules;
import org.healthmon.model.MinuteStats;

/**
 * A window as the API interprets it (docs/architecture.md §10): {@code [from, to)} at
 * minute precision, {@code from} rounded down and {@code to} rounded up to whole minutes,
 * so the window covers at least what was asked. Times are ISO-8601; without an offset
 * they are UTC; answers use the offset {@code from} was given in.
 *
 * @param fromMs the first minute, epoch ms
 * @param toMs the end (exclusive), epoch ms, a whole minute after {@code fromMs} at least
 * @param offset the offset answers are written in
 */
public record QueryWindow(long fromMs, long toMs, ZoneOffset offset) {

	private static final Pattern STEP = Pattern.compile("(\\d{1,9})([mhd])");

	/** The earliest instant a window may name. */
	static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	/** The latest instant a window may name. */
	static final Instant LATEST = Instant.parse("9999-12-31T23:59:00Z");

	/**
	 * Parses and checks a window.
	 * @throws BadParameterException naming what is wrong
	 */
	public static QueryWindow of(String from, String to) {
		OffsetDateTime start = time("from", from);
		OffsetDateTime end = time("to", to);
		long fromMs = Math.floorDiv(start.toInstant().toEpochMilli(), MinuteStats.MINUTE_MS) * MinuteStats.MINUTE_MS;
		long toMs = Math.floorDiv(end.toInstant().toEpochMilli() + MinuteStats.MINUTE_MS - 1, MinuteStats.MINUTE_MS)
				* MinuteStats.MINUTE_MS;
		if (!start.toInstant().isBefore(end.toInstant())) {
			throw new BadParameterException("to", to, "'to' (" + end + ") must be later than 'from' (" + start
					+ "): the window [from, to) would be empty or reversed");
		}
		return new QueryWindow(fromMs, toMs, start.getOffset());
	}

	/** The window's length in whole minutes. */
	public long minutes() {
		return (this.toMs - this.fromMs) / MinuteStats.MINUTE_MS;
	}

	/** An epoch-ms time in this window's offset. */
	public OffsetDateTime at(long epochMs) {
		return Instant.ofEpochMilli(epochMs).atOffset(this.offset);
	}

	/**
	 * Parses a step ({@code 1m}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 like
	 * {@code PT15M}) and checks the answer stays within {@code maxPoints} steps.
	 * @return the step in ms
	 * @throws BadParameterException naming what is wrong
	 */
	public long step(String step, int maxPoints) {
		if (step == null || step.isBlank()) {
			throw new BadParameterException("step", step,
					"'step' is required: the length of one point, e.g. 1m, 5m, 1h, 1d or PT15M");
		}
		long stepMs;
		Matcher short_ = STEP.matcher(step.trim());
		try {
			Duration duration;
			if (short_.matches()) {
				long n = Long.parseLong(short_.group(1));
				duration = switch (short_.group(2)) {
					case "m" -> Duration.ofMinutes(n);
					case "h" -> Duration.ofHours(n);
					default -> Duration.ofDays(n);
				};
			}
			else {
				duration = Duration.parse(step.trim().toUpperCase(Locale.ROOT));
			}
			stepMs = duration.toMillis();
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw new BadParameterException("step", step,
					"'step' must be a number of minutes, hours or days (1m, 5m, 1h, 1d) or an ISO-8601 duration (PT15M), was '"
							+ step + "'");
		}
		if (stepMs < MinuteStats.MINUTE_MS || stepMs % MinuteStats.MINUTE_MS != 0) {
			throw new BadParameterException("step", step,
					"'step' must be a whole number of minutes, at least 1m (the views hold minutes), was '" + step
							+ "'");
		}
		long points = ceilDiv(this.toMs - this.fromMs, stepMs);
		if (points > maxPoints) {
			long least = ceilDiv(minutes(), maxPoints);
			throw new BadParameterException("step", step, String.format(
					"a window of %d minutes at step '%s' gives %d points per service, at most %d are allowed: use a step of at least %dm or a shorter window",
					minutes(), step, points, maxPoints, least));
		}
		return stepMs;
	}

	/**
	 * Checks an optional service name.
	 * @throws BadParameterException when it is not a name a service could have
	 */
	public static Optional<String> service(String service) {
		if (service == null) {
			return Optional.empty();
		}
		DecodeResult.Rejected broken = MessageRules.checkServiceName(service);
		if (broken != null) {
			throw new BadParameterException("service", service, "'service' is not a service name: " + broken.detail());
		}
		return Optional.of(service);
	}

	private static long ceilDiv(long x, long y) {
		return -Math.floorDiv(-x, y);
	}

	private static OffsetDateTime time(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new BadParameterException(name, value, "'" + name
					+ "' is required: an ISO-8601 time such as 2026-11-22T10:00:00Z or 2026-11-22T11:00+01:00 (UTC when no offset is given)");
		}
		String text = value.trim();
		// a '+' in a URL query is a space unless written %2B: take "10:00 01:00" as
		// "10:00+01:00"
		text = text.replaceFirst("^(.*T[0-9:.]+) ([0-9]{2}(:?[0-9]{2})?)$", "$1+$2");
		OffsetDateTime time;
		try {
			time = OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException withOffset) {
			try {
				time = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
			}
			catch (DateTimeParseException withoutOffset) {
				try {
					time = LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
				}
				catch (DateTimeParseException dateOnly) {
					throw new BadParameterException(name, value, "'" + name + "' is not an ISO-8601 time: '" + value
							+ "'; write e.g. 2026-11-22T10:00:00Z, 2026-11-22T11:00+01:00 (%2B for '+' in a URL) or 2026-11-22");
				}
			}
		}
		if (time.toInstant().isBefore(EARLIEST) || time.toInstant().isAfter(LATEST)) {
			throw new BadParameterException(name, value,
					"'" + name + "' must lie between " + EARLIEST + " and " + LATEST + ", was " + time);
		}
		return time;
	}

}
