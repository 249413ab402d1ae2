package org.healthmon.query;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.hdfs.HdfsClientConfiguration;
import org.healthmon.model.BatchManifest;
import org.healthmon.model.RealtimeManifest;
import org.healthmon.model.StorageLayout;
import org.healthmon.query.api.Answers;
import org.healthmon.query.api.WholeAnswerFilter;
import org.healthmon.query.sql.DuckDb;
import org.healthmon.query.views.ViewQueries;
import org.healthmon.query.views.ViewCache;
import org.healthmon.query.views.ViewFollower;
import org.healthmon.query.views.ViewFollowing;
import org.healthmon.query.views.ViewStore;
import org.healthmon.query.views.ViewsHealthIndicator;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The store client ({@link HdfsClientConfiguration}), the DuckDB engine, the view cache
 * and follower, and the answers.
 */
@Configuration(proxyBeanMethods = false)
@Import(HdfsClientConfiguration.class)
class QueryConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ViewStore viewStore(FileSystem fileSystem, StorageLayout layout) {
		return new ViewStore(fileSystem, layout);
	}

	@Bean(destroyMethod = "close")
	DuckDb duckDb(QueryProperties properties) throws SQLException {
		QueryProperties.Duckdb settings = properties.duckdb();
		return new DuckDb(settings.connections(), settings.threads(), settings.memoryLimit(),
				properties.cacheDir().resolve("spill"), settings.acquireTimeout(), settings.statementTimeout());
	}

	@Bean
	ViewCache viewCache(ViewStore store, DuckDb duckDb, QueryProperties properties) throws IOException {
		return new ViewCache(store, duckDb, properties.cacheDir().resolve("views"));
	}

	@Bean(destroyMethod = "close")
	ViewFollower viewFollower(ViewStore store, ViewCache cache, Clock clock, MeterRegistry registry) {
		ViewFollower follower = new ViewFollower(store, cache, clock, registry);
		Gauge
			.builder("healthmon.query.views.batch.version",
					() -> follower.snapshot().views().batch().map(BatchManifest::version).orElse(0L))
			.description("version of the batch view answering")
			.register(registry);
		Gauge
			.builder("healthmon.query.views.realtime.version",
					() -> follower.snapshot().views().realtime().map(RealtimeManifest::version).orElse(0L))
			.description("version of the realtime set answering")
			.register(registry);
		Gauge.builder("healthmon.query.views.rows", () -> follower.snapshot().rows())
			.description("view rows answering")
			.register(registry);
		Gauge.builder("healthmon.query.views.switches", () -> follower.status().switches())
			.description("times the views answering changed")
			.register(registry);
		return follower;
	}

	@Bean
	ViewFollowing viewFollowing(ViewFollower follower) {
		return new ViewFollowing(follower);
	}

	@Bean
	ViewsHealthIndicator viewsHealthIndicator(ViewFollower follower, ViewCache cache, QueryProperties properties,
			Clock clock) {
		return new ViewsHealthIndicator(follower, cache, properties.staleAfter(), clock);
	}

	@Bean
	FilterRegistrationBean<WholeAnswerFilter> wholeAnswerFilter() {
		FilterRegistrationBean<WholeAnswerFilter> registration = new FilterRegistrationBean<>(new WholeAnswerFilter());
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	ViewQueries viewQueries(DuckDb duckDb, QueryProperties properties) {
		return new ViewQueries(duckDb, properties.maxAnswerPoints());
	}

	@Bean
	Answers answers(ViewFollower follower, ViewQueries queries, ViewStore store, QueryProperties properties,
			Clock clock) {
		return new Answers(follower, queries, store, properties.serviceTimeout(), clock);
	}

}
