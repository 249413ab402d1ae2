package org.healthmon.alerts;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.alerts.eval.Alert;
import org.healthmon.alerts.eval.AlertKey;
import org.healthmon.alerts.eval.Board;
import org.healthmon.alerts.eval.Checkpoint;
import org.healthmon.alerts.eval.Evaluator;
import org.healthmon.alerts.eval.Means;
import org.healthmon.alerts.eval.Minutes;
import org.healthmon.alerts.eval.Reasons;
import org.healthmon.alerts.eval.Track;
import org.healthmon.alerts.eval.Transition;
import org.healthmon.alerts.query.QueryApi;
import org.healthmon.alerts.query.QueryClient;
import org.healthmon.alerts.rules.Limits;
import org.healthmon.alerts.rules.RuleBook;
import org.healthmon.alerts.state.SavedState;
import org.healthmon.alerts.state.StateFile;

/**
 * One evaluation of every alert, every {@code healthmon.alerts.interval}:
 * <ol>
 * <li>the per-minute series of every service since the checkpoint (and the lookback
 * before it) from the query service, whose views count every message exactly once;</li>
 * <li>RED and AMBER minute by minute from the checkpoint through the last minute that
 * ended {@code settle} ago ({@link Evaluator}); the checkpoint moves to
 * {@code late-window} before that, so the last minutes are evaluated again next time and
 * late messages change them exactly;</li>
 * <li>DOWN from the catalog: no message for longer than its timeout;</li>
 * <li>the state saved ({@link StateFile}), so that a restart neither fires again nor
 * loses an alert; the new {@link Board} handed to its listeners (metrics,
 * notifications).</li>
 * </ol>
 */
public final class AlertCycle {

	private static final Log log = LogFactory.getLog(AlertCycle.class);

	private final QueryClient query;

	private final RuleBook rules;

	private final Evaluator evaluator;

	private final StateFile file;

	private final Clock clock;

	private final long settleMs;

	private final long lateMs;

	private final long maxCatchUpMs;

	private final long retentionMs;

	private final List<Consumer<Board>> listeners;

	private final AtomicReference<Board> board = new AtomicReference<>(Board.NONE);

	private SavedState state;

	public AlertCycle(QueryClient query, RuleBook rules, StateFile file, AlertProperties properties, Clock clock,
			List<Consumer<Board>> listeners) throws IOException {
		this.query = query;
		this.rules = rules;
		this.evaluator = new Evaluator(rules);
		this.file = file;
		this.clock = clock;
		this.settleMs = properties.settle().toMillis();
		this.lateMs = Minutes.floor(properties.lateWindow().toMillis());
		this.maxCatchUpMs = Math.max(this.lateMs, Minutes.floor(properties.maxCatchUp().toMillis()));
		this.retentionMs = properties.historyRetention().toMillis();
		this.listeners = List.copyOf(listeners);
		this.state = file.load();
	}

	/** What the last evaluation found. */
	public Board board() {
		return this.board.get();
	}

	/** Evaluates every alert now, saves the state and tells the listeners. */
	public synchronized Board run() throws IOException {
		long now = this.clock.millis();
		long through = Minutes.floor(now - this.settleMs) - Minutes.MS;
		Checkpoint from = checkpoint(through);
		long keep = Math.max(from.minute(), through - this.lateMs);
		Evaluator.Result result = (through > from.minute())
				? this.evaluator.evaluate(from, means(from.minute() + Minutes.MS, through), through, keep)
				: new Evaluator.Result(from, List.of(), List.of(), from.tracks());
		List<Transition> downs = new ArrayList<>();
		Map<String, Track> down = down(now, downs);
		List<Transition> history = new ArrayList<>();
		this.state.history().stream().filter((t) -> t.at() >= now - this.retentionMs).forEach(history::add);
		history.addAll(result.settled());
		history.addAll(downs);
		history.sort(Comparator.comparingLong(Transition::at));
		Map<AlertKey, Track> downByKey = new HashMap<>();
		down.forEach((service, track) -> downByKey.put(AlertKey.down(service), track));
		SavedState next = new SavedState(result.checkpoint().minute(), tracked(result.checkpoint().tracks()),
				tracked(downByKey), history);
		if (!next.equals(this.state)) {
			this.file.save(next);
			this.state = next;
		}
		List<Transition> shown = new ArrayList<>(history);
		shown.addAll(result.open());
		shown.sort(Comparator.comparingLong(Transition::at));
		Board board = new Board(now, through + Minutes.MS, alerts(result.tracks(), down, now, through), shown);
		this.board.set(board);
		this.listeners.forEach((listener) -> listener.accept(board));
		return board;
	}

	private Checkpoint checkpoint(long through) {
		if (this.state.minute() == 0) {
			return new Checkpoint(through - this.lateMs, Map.of());
		}
		Map<AlertKey, Track> tracks = new HashMap<>();
		this.state.tracks().forEach((tracked) -> tracks.put(tracked.key(), tracked.track()));
		if (through - this.state.minute() > this.maxCatchUpMs) {
			long skipped = (through - this.maxCatchUpMs - this.state.minute()) / Minutes.MS;
			log.warn("The alerts were last evaluated through " + Instant.ofEpochMilli(this.state.minute())
					+ "; skipping " + skipped + " minutes (healthmon.alerts.max-catch-up), alerts keep their state");
			return new Checkpoint(through - this.maxCatchUpMs, tracks);
		}
		return new Checkpoint(this.state.minute(), tracks);
	}

	/** The means of {@code [first, through]} and of the lookback before {@code first}. */
	private Means means(long first, long through) {
		long start = first - (this.rules.lookbackMinutes() - 1) * Minutes.MS;
		long end = through + Minutes.MS;
		Means means = new Means(start, (int) ((end - start) / Minutes.MS));
		QueryApi.Series series = this.query.series(Instant.ofEpochMilli(start).toString(),
				Instant.ofEpochMilli(end).toString(), "1m");
		for (QueryApi.ServiceSeries service : series.services()) {
			for (QueryApi.Point point : service.points()) {
				means.put(service.service(), point.start().toInstant().toEpochMilli(), point.cpu().mean(),
						point.ram().mean(), point.disk().mean());
			}
		}
		return means;
	}

	/** DOWN: no message for longer than the catalog's timeout. */
	private Map<String, Track> down(long now, List<Transition> changes) {
		Map<String, Track> down = new HashMap<>();
		this.state.down().forEach((tracked) -> down.put(tracked.key().service(), tracked.track()));
		QueryApi.Services catalog = this.query.services();
		long downAfterMs = catalog.downAfterSeconds() * 1000;
		for (QueryApi.ServiceStatus service : catalog.services()) {
			long lastSeen = service.lastSeen().toInstant().toEpochMilli();
			AlertKey key = AlertKey.down(service.service());
			Track track = down.get(service.service());
			if (now - lastSeen > downAfterMs) {
				long since = lastSeen + downAfterMs;
				if (track == null) {
					changes.add(new Transition(key, Transition.Change.FIRING, since, since, lastSeen, Double.NaN,
							Reasons.down(since - lastSeen, downAfterMs)));
				}
				down.put(service.service(), new Track(true, 0, 0, (track != null) ? track.since() : since, since,
						lastSeen, Double.NaN, Double.NaN));
			}
			else if (track != null) {
				changes.add(new Transition(key, Transition.Change.RESOLVED, now, track.since(), lastSeen, Double.NaN,
						Reasons.back()));
				down.remove(service.service());
			}
		}
		return down;
	}

	private List<Alert> alerts(Map<AlertKey, Track> tracks, Map<String, Track> down, long now, long through) {
		List<Alert> alerts = new ArrayList<>();
		long end = through + Minutes.MS;
		tracks.forEach((key, track) -> {
			Limits limits = this.rules.limits(key.service(), key.resource());
			String reason = switch (key.severity()) {
				case RED -> track.firing() ? Reasons.red(key.resource(), track.value(), end - track.since())
						: Reasons.pending(key.resource(), track.value(), end - track.since(), limits.forMinutes());
				default -> Reasons.amber(key.resource(), limits.threshold(), track.reachMinutes());
			};
			alerts.add(new Alert(key, track.firing(), track.since(), track.firedAt(), track.value(), track.prediction(),
					reason));
		});
		down.forEach((service, track) -> {
			long lastSeen = (long) track.value();
			alerts.add(new Alert(AlertKey.down(service), true, track.since(), track.firedAt(), track.value(),
					Double.NaN, Reasons.down(now - lastSeen, track.since() - lastSeen)));
		});
		alerts.sort(Comparator.comparing(Alert::key, AlertKey.ORDER));
		return alerts;
	}

	private static List<SavedState.Tracked> tracked(Map<AlertKey, Track> tracks) {
		List<SavedState.Tracked> list = new ArrayList<>();
		tracks.forEach((key, track) -> list.add(new SavedState.Tracked(key, track)));
		list.sort(Comparator.comparing(SavedState.Tracked::key, AlertKey.ORDER));
		return list;
	}

}
