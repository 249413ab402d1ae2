package org.healthmon.ingest.catalog;

import java.io.IOException;
import java.time.Clock;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.hadoop.fs.FileSystem;

import org.healthmon.ingest.IngestProperties;
import org.healthmon.model.StorageLayout;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service catalog: kept live in memory by the receive flow, persisted to the store by
 * {@link CatalogPersister}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	LiveCatalog liveCatalog(IngestProperties properties) {
		return new LiveCatalog(properties.catalog().sequenceWindow());
	}

	@Bean
	CatalogPersister catalogPersister(LiveCatalog catalog, FileSystem fileSystem, StorageLayout layout,
			IngestProperties properties) throws IOException {
		CatalogFile file = new CatalogFile(fileSystem, layout.catalogFile(properties.nodeId()), properties.nodeId());
		return new CatalogPersister(catalog, file, properties.nodeId(), properties.catalog().persistInterval(),
				Clock.systemUTC());
	}

	@Bean
	HealthIndicator catalogHealthIndicator(CatalogPersister persister) {
		return persister::health;
	}

	@Bean
	MeterBinder catalogMetrics(LiveCatalog catalog) {
		return (registry) -> {
			Gauge.builder("healthmon.ingest.services", catalog, LiveCatalog::size)
				.description("Services in the catalog")
				.register(registry);
			Gauge.builder("healthmon.ingest.lost", catalog, LiveCatalog::lost)
				.description("Datagrams missing from the senders' seq numbering (late arrivals are un-counted)")
				.register(registry);
			FunctionCounter.builder("healthmon.ingest.sender.restarts", catalog, LiveCatalog::senderRestarts)
				.description("Times a sender started its seq numbering again")
				.register(registry);
		};
	}

}
