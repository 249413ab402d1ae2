package org.healthmon.speed.spark;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.healthmon.speed.SpeedProperties;

import org.springframework.beans.factory.DisposableBean;

/**
 * Creates the app's Spark context once, counts it and stops it when the app closes.
 *
 * <p>
 * Spark allows one active context per JVM. The app owns its context for its whole life; a
 * restart of the app in the same JVM (tests do that) stops the old context on close and
 * creates a new one on start, so two are never active at once. The counter
 * {@code healthmon.speed.spark.contexts.started} shows it is created once per app, not
 * per run; {@link #createdInJvm()} counts across app restarts.
 */
public class SparkContexts implements DisposableBean {

	private static final Log log = LogFactory.getLog(SparkContexts.class);

	private static final AtomicInteger createdInJvm = new AtomicInteger();

	private final JavaSparkContext context;

	SparkContexts(SpeedProperties properties, MeterRegistry registry) {
		Counter created = Counter.builder("healthmon.speed.spark.contexts.started")
			.description("Spark contexts this app created (one per app life)")
			.register(registry);
		SparkConf conf = sparkConf(properties);
		long start = System.nanoTime();
		this.context = new JavaSparkContext(conf);
		created.increment();
		createdInJvm.incrementAndGet();
		log.info("Spark context " + this.context.sc().applicationId() + " started on " + this.context.master() + " in "
				+ (System.nanoTime() - start) / 1_000_000 + " ms");
	}

	static SparkConf sparkConf(SpeedProperties properties) {
		SparkConf conf = new SparkConf().setMaster(properties.spark().master())
			.setAppName(properties.spark().appName());
		// Parquet writes no _metadata summary files; readers glob *.parquet
		conf.set("spark.hadoop.parquet.summary.metadata.level", "NONE");
		// The store's client settings, the same as the app's own client
		properties.hdfs().hadoopSettings().forEach((key, value) -> conf.set("spark.hadoop." + key, value));
		// Any Spark setting, last, so it wins over the ones above
		properties.spark().properties().forEach(conf::set);
		return conf;
	}

	public JavaSparkContext context() {
		return this.context;
	}

	/** Spark contexts created in this JVM, over all app lives. */
	public static int createdInJvm() {
		return createdInJvm.get();
	}

	@Override
	public void destroy() {
		log.info("Stopping Spark context " + this.context.sc().applicationId());
		this.context.stop();
	}

}
