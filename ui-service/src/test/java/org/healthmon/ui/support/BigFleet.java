package org.healthmon.ui.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.query.support.Brute;
import org.healthmon.query.support.FixtureStore;

/**
 * A fleet of {@value #SERVICES} services, as a real one looks after months: most report
 * every minute, some stopped a while ago (DOWN), some long ago (seen three days ago
 * only), and a few run hot (CPU 95 %, so the alert service fires RED for them; the others
 * stay below 75 %, so that nothing else fires). The last two hours, written as the batch
 * and speed layers would (the last 30 minutes in the realtime set), with the ingest
 * catalog.
 */
public final class BigFleet {

	public static final int SERVICES = 1000;

	/** Stopped 90 minutes before the end: DOWN (the service timeout is 1 h). */
	public static final Set<String> DOWN = names(20, 50, 3);

	/** Seen three days ago only: hidden as long gone. */
	public static final Set<String> STALE = names(25, 40, 11);

	/**
	 * CPU at 95 % for the whole two hours; start the alert service with
	 * {@link #ALERT_RULES} so that it fires at its first evaluation.
	 */
	public static final Set<String> HOT = names(5, 200, 5);

	/**
	 * The alert service's rules for this fleet: RED after one hot minute, so that a cold
	 * alert service fires at once, not minutes later; and cleared only after 30 minutes
	 * below, because the fleet's data ends when it is written and the minutes after it,
	 * without messages, would clear RED in the middle of a slow test run.
	 */
	public static final String[] ALERT_RULES = { "--healthmon.alerts.cpu.for=1m",
			"--healthmon.alerts.cpu.clear-for=30m" };

	private final Instant start;

	private final Instant end;

	private final List<HealthMessage> messages = new ArrayList<>();

	private final String root;

	private BigFleet(Instant now, String root) {
		this.root = root;
		this.end = now.minusSeconds(60).truncatedTo(ChronoUnit.MINUTES);
		this.start = this.end.minus(Duration.ofHours(2));
		Random random = new Random(20261207);
		for (String service : all()) {
			if (STALE.contains(service)) {
				Instant gone = this.start.minus(Duration.ofDays(3));
				add(service, gone, gone.plus(Duration.ofHours(1)), 30, random);
			}
			else if (DOWN.contains(service)) {
				add(service, this.start, this.end.minus(Duration.ofMinutes(90)), 30, random);
			}
			else {
				add(service, this.start, this.end, HOT.contains(service) ? 95 : 10 + random.nextInt(40), random);
			}
		}
	}

	/**
	 * Generates the fleet up to about {@code now} and writes it to a store under
	 * {@code dir}.
	 */
	public static BigFleet write(Path dir, Instant now) throws IOException, SQLException {
		FixtureStore store = new FixtureStore(dir);
		BigFleet fleet = new BigFleet(now, store.root());
		long split = fleet.end.minus(Duration.ofMinutes(30)).toEpochMilli();
		Cutoff cutoff = new Cutoff(Map.of("ingest-1", 40L));
		store.publishBatch(3, cutoff,
				Brute.rows(fleet.messages.stream().filter((m) -> m.eventTimeMs() < split).toList()));
		store.publishRealtime("b", cutoff, cutoff.with("ingest-1", 52), 17,
				Brute.rows(fleet.messages.stream().filter((m) -> m.eventTimeMs() >= split).toList()));
		store.writeCatalog(fleet.catalog(now));
		return fleet;
	}

	/** Every service's name, {@code svc-0000} to {@code svc-0999}. */
	public static List<String> all() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < SERVICES; i++) {
			names.add(name(i));
		}
		return names;
	}

	public String root() {
		return this.root;
	}

	/** About the last message's time. */
	public Instant end() {
		return this.end;
	}

	public List<HealthMessage> messages() {
		return List.copyOf(this.messages);
	}

	private ServiceCatalog catalog(Instant now) {
		List<ServiceCatalog.Entry> entries = new ArrayList<>();
		for (String service : all()) {
			List<HealthMessage> own = this.messages.stream().filter((m) -> m.service().equals(service)).toList();
			long first = own.get(0).eventTimeMs();
			long last = own.get(own.size() - 1).eventTimeMs();
			boolean live = !DOWN.contains(service) && !STALE.contains(service);
			entries.add(new ServiceCatalog.Entry(service, first + 300, live ? now.toEpochMilli() - 2_000 : last + 300,
					own.size(), 0, 0));
		}
		return new ServiceCatalog("ingest-1", now.toEpochMilli(), entries);
	}

	private void add(String service, Instant from, Instant to, int cpu, Random random) {
		long seq = 0;
		for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
			double load = Math.min(100, Math.max(0, cpu + random.nextGaussian() * ((cpu >= 90) ? 1 : 5)));
			this.messages.add(new HealthMessage(service, t.toEpochMilli() + random.nextInt(50_000),
					Math.round(load * 10) / 10.0, 16, Math.round(16 * (0.3 + random.nextDouble() * 0.4) * 100) / 100.0,
					500, Math.round(500 * (0.3 + random.nextDouble() * 0.4) * 10) / 10.0, seq++));
		}
	}

	private static Set<String> names(int count, int every, int offset) {
		Set<String> names = new TreeSet<>();
		for (int i = 0; i < count; i++) {
			names.add(name(i * every + offset));
		}
		return Set.copyOf(names);
	}

	private static String name(int i) {
		return String.format("svc-%04d", i);
	}

}
