package org.healthmon.ingest.store;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one store ({@code healthmon.ingest.store.*}, tagged with the store's
 * name): lines appended, spooled and published, files published, the hflush latency, and
 * gauges of its writer's buffer and spool.
 */
final class StoreMetrics {

	private final MeterRegistry registry;

	private final String store;

	private final Counter appended;

	private final Counter spooled;

	private final Counter published;

	private final Counter publishedLines;

	private final Timer flush;

	StoreMetrics(MeterRegistry registry, String store) {
		this.registry = registry;
		this.store = store;
		this.appended = registry.counter("healthmon.ingest.store.appended", "store", store);
		this.spooled = registry.counter("healthmon.ingest.store.spooled", "store", store);
		this.published = registry.counter("healthmon.ingest.store.files.published", "store", store);
		this.publishedLines = registry.counter("healthmon.ingest.store.lines.published", "store", store);
		this.flush = Timer.builder("healthmon.ingest.store.flush")
			.description("hflush latency")
			.tag("store", store)
			.register(registry);
	}

	/** Registers the gauges that read the writer's buffer and spool. */
	void watch(RollingFileWriter writer) {
		Gauge.builder("healthmon.ingest.store.buffer.lines", writer, RollingFileWriter::bufferedLines)
			.description("lines waiting for the writer")
			.tag("store", this.store)
			.register(this.registry);
		Gauge.builder("healthmon.ingest.store.spooling", writer.target(), (t) -> t.isSpooling() ? 1 : 0)
			.tag("store", this.store)
			.register(this.registry);
		Gauge.builder("healthmon.ingest.store.spool.segments", writer.target(), WriteTarget::spoolSegments)
			.tag("store", this.store)
			.register(this.registry);
	}

	void appended() {
		this.appended.increment();
	}

	void spooled() {
		this.spooled.increment();
	}

	void published(long lines) {
		this.published.increment();
		this.publishedLines.increment(lines);
	}

	void flushed(long nanos) {
		this.flush.record(nanos, TimeUnit.NANOSECONDS);
	}

}
