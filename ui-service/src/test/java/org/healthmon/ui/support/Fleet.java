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

import org.healthmon.model.Cutoff;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.query.support.Brute;
import org.healthmon.query.support.FixtureStore;

/**
 * A small fleet's last three hours, written as the batch and speed layers would: the
 * older part in a batch view, the last 30 minutes in the realtime set that starts at its
 * cutoff, and the ingest catalog. Four services:
 * <ul>
 * <li>{@code checkout}, {@code payments}: the whole three hours, one message every 10 s,
 * with a clear CPU peak each;</li>
 * <li>{@code search}: only the last 45 minutes (a partial window);</li>
 * <li>{@code legacy}: stopped 2 hours ago (DOWN, with the service timeout at 1 h).</li>
 * </ul>
 */
public final class Fleet {

	/** The service timeout to start the query service with, so that UP stays UP. */
	public static final String SERVICE_TIMEOUT = "--healthmon.query.service-timeout=1h";

	private final Instant start;

	private final Instant end;

	private final List<HealthMessage> messages = new ArrayList<>();

	private final String root;

	private Fleet(Instant now, String root) {
		this.root = root;
		this.end = now.minusSeconds(60).truncatedTo(ChronoUnit.MINUTES);
		this.start = this.end.minus(Duration.ofHours(3));
		Random random = new Random(20261122);
		add("checkout", this.start, this.end, 35, 20, random, this.start.plus(Duration.ofMinutes(97)).plusSeconds(20));
		add("payments", this.start, this.end, 55, 15, random, this.start.plus(Duration.ofMinutes(150)).plusSeconds(40));
		add("search", this.end.minus(Duration.ofMinutes(45)), this.end, 20, 10, random,
				this.end.minus(Duration.ofMinutes(10)));
		add("legacy", this.start, this.start.plus(Duration.ofHours(1)), 10, 5, random,
				this.start.plus(Duration.ofMinutes(30)));
	}

	/**
	 * Generates the fleet up to about {@code now} and writes it to a store under
	 * {@code dir}.
	 */
	public static Fleet write(Path dir, Instant now) throws IOException, SQLException {
		FixtureStore store = new FixtureStore(dir);
		Fleet fleet = new Fleet(now, store.root());
		long split = fleet.end.minus(Duration.ofMinutes(30)).toEpochMilli();
		List<HealthMessage> batch = fleet.messages.stream().filter((m) -> m.eventTimeMs() < split).toList();
		List<HealthMessage> realtime = fleet.messages.stream().filter((m) -> m.eventTimeMs() >= split).toList();
		Cutoff cutoff = new Cutoff(Map.of("ingest-1", 40L));
		store.publishBatch(3, cutoff, Brute.rows(batch));
		store.publishRealtime("b", cutoff, cutoff.with("ingest-1", 52), 17, Brute.rows(realtime));
		store.writeCatalog(fleet.catalog(now));
		return fleet;
	}

	/** The store's root, for {@code healthmon.query.hdfs.root}. */
	public String root() {
		return this.root;
	}

	/** The first message's time. */
	public Instant start() {
		return this.start;
	}

	/** About the last message's time. */
	public Instant end() {
		return this.end;
	}

	private ServiceCatalog catalog(Instant now) {
		List<ServiceCatalog.Entry> entries = new ArrayList<>();
		for (String service : List.of("checkout", "legacy", "payments", "search")) {
			List<HealthMessage> own = this.messages.stream().filter((m) -> m.service().equals(service)).toList();
			long first = own.get(0).eventTimeMs();
			long last = own.get(own.size() - 1).eventTimeMs();
			// arrival a little after the event; the live services were seen just now
			long lastSeen = service.equals("legacy") ? last + 300 : now.toEpochMilli() - 2_000;
			entries.add(new ServiceCatalog.Entry(service, first + 300, lastSeen, own.size(), 0, 0));
		}
		return new ServiceCatalog("ingest-1", now.toEpochMilli(), entries);
	}

	private void add(String service, Instant from, Instant to, double cpu, double spread, Random random,
			Instant peakAt) {
		long seq = 0;
		for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
			double load = t.equals(peakAt) ? 97.5 : Math.max(0, Math.min(90, cpu + random.nextGaussian() * spread));
			double ramFree = 16 * (0.3 + random.nextDouble() * 0.4);
			double diskFree = 500 * (0.5 - (t.toEpochMilli() - from.toEpochMilli()) / 1e9);
			this.messages
				.add(new HealthMessage(service, t.toEpochMilli() + random.nextInt(900), Math.round(load * 10) / 10.0,
						16, Math.round(ramFree * 100) / 100.0, 500, Math.round(diskFree * 10) / 10.0, seq++));
		}
	}

}
