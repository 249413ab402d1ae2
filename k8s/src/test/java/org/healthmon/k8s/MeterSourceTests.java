package org.healthmon.k8s;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeterSourceTests {

	@Test
	void metersAreNamedAsThePrometheusRegistryNamesThem() {
		String source = """
				Counter.builder("a.received").description("x").register(registry);
				FunctionCounter.builder("a.restarts", catalog, LiveCatalog::restarts).register(registry);
				registry.counter("a.store.spooled", "store", store);
				Timer.builder("a.run").tag("outcome", outcome).register(registry);
				TimeGauge
					.builder("a.last.success.age", this, TimeUnit.MILLISECONDS, A::age)
					.register(registry);
				Gauge.builder("a.receive.buffer", monitor, Monitor::granted)
					.baseUnit("bytes")
					.register(registry);
				Gauge.builder("a.queued", pool, Pool::queued).register(registry);
				""";
		assertThat(MeterSource.prometheusNames(source)).containsExactlyInAnyOrder("a_received_total",
				"a_restarts_total", "a_store_spooled_total", "a_run_seconds_count", "a_run_seconds_sum",
				"a_run_seconds_max", "a_last_success_age_seconds", "a_receive_buffer_bytes", "a_queued");
	}

	@Test
	void theAppsMetersIncludeTheOnesTheirTestsScrape() {
		assertThat(MeterSource.prometheusNames(Repository.module("ingest-service").resolve("src/main/java"))).contains(
				"healthmon_ingest_received_total", "healthmon_ingest_rejected_total", "healthmon_ingest_services");
		assertThat(MeterSource.prometheusNames(Repository.module("batch-service").resolve("src/main/java")))
			.contains("healthmon_batch_run_seconds_count");
		assertThat(MeterSource.prometheusNames(Repository.module("speed-service").resolve("src/main/java")))
			.contains("healthmon_speed_spark_contexts_started_total");
		assertThat(MeterSource.prometheusNames(Repository.module("query-service").resolve("src/main/java")))
			.contains("healthmon_query_views_batch_version");
	}

}
