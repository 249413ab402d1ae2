package org.healthmon.alerts.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.healthmon.alerts.AlertCycle;
import org.healthmon.alerts.eval.Alert;
import org.healthmon.alerts.eval.AlertKey;
import org.healthmon.alerts.eval.Board;
import org.healthmon.alerts.rules.Severity;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alerts now and their history, from the last evaluation. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "alerts")
public class AlertController {

	/** The longest history window one request may ask for. */
	static final Duration MAX_WINDOW = Duration.ofDays(31);

	private final AlertCycle cycle;

	public AlertController(AlertCycle cycle) {
		this.cycle = cycle;
	}

	@GetMapping
	@Operation(operationId = "alerts", summary = "The alerts firing and pending now",
			description = "Firing first, then pending, each by service. Errors are RFC 9457 problem details.")
	public AlertsApi.Alerts alerts(
			@Parameter(description = "only this service",
					example = "checkout") @RequestParam(required = false) @Nullable String service,
			@Parameter(description = "only this severity: red, amber or down",
					example = "red") @RequestParam(required = false) @Nullable String severity) {
		Predicate<AlertKey> wanted = filter(service, severity);
		Board board = this.cycle.board();
		List<AlertsApi.ActiveAlert> alerts = board.alerts()
			.stream()
			.filter((alert) -> wanted.test(alert.key()))
			.sorted(Comparator.comparing((Alert alert) -> !alert.firing()))
			.map(AlertsApi.ActiveAlert::of)
			.toList();
		return new AlertsApi.Alerts((board.evaluatedAt() != 0) ? AlertsApi.utc(board.evaluatedAt()) : null,
				(board.through() != 0) ? AlertsApi.utc(board.through()) : null, alerts);
	}

	@GetMapping("/history")
	@Operation(operationId = "history", summary = "Alerts fired and resolved in a window",
			description = "Transitions whose time lies in [from, to), oldest first; at most 31 days, kept for "
					+ "healthmon.alerts.history-retention.")
	public AlertsApi.History history(
			@Parameter(description = "start, ISO-8601 (UTC when no offset is given); default 'to' minus 24 h",
					example = "2026-11-22T10:00:00Z") @RequestParam(required = false) @Nullable String from,
			@Parameter(description = "end, exclusive; default now",
					example = "2026-11-22T11:00:00Z") @RequestParam(required = false) @Nullable String to,
			@Parameter(description = "only this service",
					example = "checkout") @RequestParam(required = false) @Nullable String service,
			@Parameter(description = "only this severity: red, amber or down",
					example = "red") @RequestParam(required = false) @Nullable String severity) {
		Instant end = (to != null) ? time("to", to) : Instant.now();
		Instant start = (from != null) ? time("from", from) : end.minus(Duration.ofHours(24));
		if (!start.isBefore(end)) {
			throw new BadParameterException("from", from, "'from' must be before 'to', was " + start + " >= " + end);
		}
		if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
			throw new BadParameterException("from", from,
					"the window may be at most 31 days, was " + Duration.between(start, end).toDays() + " days");
		}
		Predicate<AlertKey> wanted = filter(service, severity);
		long fromMs = start.toEpochMilli();
		long toMs = end.toEpochMilli();
		List<AlertsApi.Change> changes = this.cycle.board()
			.history()
			.stream()
			.filter((t) -> t.at() >= fromMs && t.at() < toMs && wanted.test(t.key()))
			.map(AlertsApi.Change::of)
			.toList();
		return new AlertsApi.History(start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC), changes);
	}

	private static Predicate<AlertKey> filter(@Nullable String service, @Nullable String severity) {
		Severity only;
		try {
			only = (severity == null || severity.isBlank()) ? null : Severity.of(severity.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException("severity", severity, ex.getMessage());
		}
		if (service != null && service.length() > 200) {
			throw new BadParameterException("service", service.substring(0, 50) + "…",
					"'service' may be at most 200 characters");
		}
		return (key) -> (service == null || service.isBlank() || key.service().equals(service))
				&& (only == null || key.severity() == only);
	}

	private static Instant time(String name, String text) {
		try {
			return OffsetDateTime.parse(text.trim()).toInstant();
		}
		catch (DateTimeException ex) {
			try {
				return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException again) {
				throw new BadParameterException(name, text, "'" + name
						+ "' must be an ISO-8601 time such as 2026-11-22T10:00:00Z (UTC when no offset is given), was '"
						+ text + "'");
			}
		}
	}

}
