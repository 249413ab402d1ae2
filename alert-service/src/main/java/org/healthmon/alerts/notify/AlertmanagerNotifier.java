package org.healthmon.alerts.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.alerts.eval.Alert;
import org.healthmon.alerts.eval.AlertKey;
import org.healthmon.alerts.eval.Board;
import org.healthmon.alerts.eval.Transition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the alerts to Alertmanager's v2 API ({@code POST /api/v2/alerts}) the way
 * Prometheus does: every firing alert, again each {@code resend}, with an {@code endsAt}
 * a few resends ahead (so an alert the evaluator stops sending ends by itself); every
 * resolved one with its {@code endsAt}, again each {@code resend} for
 * {@code keep-resolved}; an alert that stopped firing without resolving (late data undid
 * it) once with {@code endsAt} now. Grouping, silencing, routing and de-duplication are
 * Alertmanager's.
 * <p>
 * Delivery runs on a thread of its own and never blocks evaluation: what is not yet sent
 * is merged with the next cycle's alerts (newest wins per alert), a failed delivery is
 * retried {@code attempts} times with a growing pause, then counted as failed and left to
 * the next resend.
 */
public final class AlertmanagerNotifier implements Consumer<Board>, AutoCloseable {

	private static final Log log = LogFactory.getLog(AlertmanagerNotifier.class);

	private final URI endpoint;

	private final Duration resend;

	private final Duration keepResolved;

	private final Duration endsAfter;

	private final Duration timeout;

	private final int attempts;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ExecutorService sender = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "alertmanager-notifier");
		thread.setDaemon(true);
		return thread;
	});

	/** Per alert: when it was last handed over, and whether as firing. */
	private final Map<AlertKey, Sent> sent = new HashMap<>();

	/** What waits for the sender, by alert. */
	private final Map<AlertKey, Map<String, Object>> pending = new LinkedHashMap<>();

	private final Counter delivered;

	private final Counter failed;

	private final Counter retried;

	/**
	 * @param url Alertmanager's base URL
	 * @param interval the evaluation interval: a firing alert's {@code endsAt} lies four
	 * times the longer of it and {@code resend} ahead
	 */
	public AlertmanagerNotifier(URI url, Duration interval, Duration resend, Duration keepResolved, Duration timeout,
			int attempts, MeterRegistry registry) {
		String base = url.toString().replaceAll("/+$", "");
		this.endpoint = URI.create(base + "/api/v2/alerts");
		this.resend = resend;
		this.keepResolved = keepResolved;
		this.endsAfter = ((interval.compareTo(resend) > 0) ? interval : resend).multipliedBy(4);
		this.timeout = timeout;
		this.attempts = attempts;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
		this.delivered = Counter.builder("healthmon.alerts.notifications")
			.tag("outcome", "delivered")
			.description("alerts delivered to Alertmanager")
			.register(registry);
		this.failed = Counter.builder("healthmon.alerts.notifications")
			.tag("outcome", "failed")
			.description("alerts given up after every attempt (sent again at the next resend)")
			.register(registry);
		this.retried = Counter.builder("healthmon.alerts.notification.retries")
			.description("deliveries to Alertmanager tried again after a failure")
			.register(registry);
	}

	/** Hands the alerts of an evaluation to the sender; returns at once. */
	@Override
	public void accept(Board board) {
		long now = board.evaluatedAt();
		Map<AlertKey, Map<String, Object>> batch = new LinkedHashMap<>();
		Map<AlertKey, Alert> firing = new HashMap<>();
		for (Alert alert : board.alerts()) {
			if (alert.firing()) {
				firing.put(alert.key(), alert);
				Sent last = this.sent.get(alert.key());
				if (last == null || !last.firing || last.since != alert.since() || due(last, now)) {
					batch.put(alert.key(), alert(alert.key(), alert.since(), now + this.endsAfter.toMillis(),
							alert.reason(), alert.value(), alert.prediction()));
					this.sent.put(alert.key(), new Sent(true, alert.since(), now));
				}
			}
		}
		for (Transition transition : board.history()) {
			if (transition.change() != Transition.Change.RESOLVED || firing.containsKey(transition.key())
					|| transition.at() < now - this.keepResolved.toMillis()) {
				continue;
			}
			Sent last = this.sent.get(transition.key());
			if (last == null || last.firing || due(last, now)) {
				batch.put(transition.key(), alert(transition.key(), transition.since(), transition.at(),
						transition.reason(), transition.value(), transition.prediction()));
				this.sent.put(transition.key(), new Sent(false, transition.since(), now));
			}
		}
		List<AlertKey> gone = new ArrayList<>();
		this.sent.forEach((key, last) -> {
			if (last.firing && !firing.containsKey(key) && !batch.containsKey(key)) {
				// fired on data that late messages changed: it ends now
				batch.put(key, alert(key, last.since, now, "no longer firing", Double.NaN, Double.NaN));
				gone.add(key);
			}
			else if (!last.firing && now - last.at > this.keepResolved.toMillis()) {
				gone.add(key);
			}
		});
		gone.forEach(this.sent::remove);
		if (batch.isEmpty()) {
			return;
		}
		synchronized (this.pending) {
			boolean idle = this.pending.isEmpty();
			this.pending.putAll(batch);
			if (idle) {
				this.sender.execute(this::deliver);
			}
		}
	}

	private boolean due(Sent last, long now) {
		return now - last.at >= this.resend.toMillis();
	}

	private void deliver() {
		List<Map<String, Object>> alerts;
		synchronized (this.pending) {
			alerts = new ArrayList<>(this.pending.values());
			this.pending.clear();
		}
		byte[] body = this.json.writeValueAsBytes(alerts);
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			try {
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.endpoint)
					.timeout(this.timeout)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 == 2) {
					this.delivered.increment(alerts.size());
					return;
				}
				log.warn("Alertmanager " + this.endpoint + " refused " + alerts.size() + " alerts: "
						+ response.statusCode() + " " + abbreviate(response.body()));
			}
			catch (IOException ex) {
				log.warn("Alertmanager " + this.endpoint + " could not be reached (attempt " + attempt + " of "
						+ this.attempts + "): " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (attempt < this.attempts) {
				this.retried.increment();
				if (!pause(attempt)) {
					return;
				}
			}
		}
		this.failed.increment(alerts.size());
	}

	private static boolean pause(int attempt) {
		try {
			Thread.sleep(500L << Math.min(attempt - 1, 4));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** One alert in Alertmanager's v2 shape. */
	private static Map<String, Object> alert(AlertKey key, long since, long endsAt, String reason, double value,
			double prediction) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname", switch (key.severity()) {
			case RED -> "HealthmonResourceHigh";
			case AMBER -> "HealthmonResourceRising";
			case DOWN -> "HealthmonServiceDown";
		});
		labels.put("service", key.service());
		if (key.resource() != null) {
			labels.put("resource", key.resource().label());
		}
		labels.put("severity", key.severity().label());
		Map<String, String> annotations = new LinkedHashMap<>();
		annotations.put("summary", key.service() + ": " + reason);
		if (key.resource() != null && !Double.isNaN(value)) {
			annotations.put("value", String.format(Locale.ROOT, "%.1f", value));
		}
		if (!Double.isNaN(prediction)) {
			annotations.put("prediction", String.format(Locale.ROOT, "%.1f", prediction));
		}
		Map<String, Object> alert = new LinkedHashMap<>();
		alert.put("labels", labels);
		alert.put("annotations", annotations);
		alert.put("startsAt", Instant.ofEpochMilli(since).toString());
		alert.put("endsAt", Instant.ofEpochMilli(endsAt).toString());
		return alert;
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	@Override
	public void close() throws InterruptedException {
		this.sender.shutdown();
		this.sender.awaitTermination(this.timeout.toMillis() * this.attempts + 5000, TimeUnit.MILLISECONDS);
	}

	private record Sent(boolean firing, long since, long at) {
	}

}
