package org.healthmon.ingest.catalog;

import java.io.IOException;
import java.time.Clock;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.hadoop.fs.FileSystem;

import org.healthmon.ingest.IngestProperties;
import org.healthmon.ingest.store.RawStore;
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

	/** The catalog, told of every raw file published, whose lines it counts. */
	@Bean
	LiveCatalog liveCatalog(IngestProperties properties, RawStore rawStore) {
		IngestProperties.Catalog settings = properties.catalog();
		LiveCatalog catalog = new LiveCatalog(settings.sequenceWindow(), settings.maxSeqJump(), settings.maxServices());
		rawStore.listen(catalog::published);
		return catalog;
	}

	@Bean
	CatalogPersister catalogPersister(LiveCatalog catalog, FileSystem fileSystem, StorageLayout layout,
			IngestProperties properties, RawStore rawStore) throws IOException {
		CatalogFile file = new CatalogFile(fileSystem, layout.catalogFile(properties.nodeId()), properties.nodeId());
		Clock clock = Clock.systemUTC();
		RawReconcile reconcile = new RawReconcile(fileSystem, layout, properties.nodeId(), clock.millis());
		return new CatalogPersister(catalog, file, properties.nodeId(), properties.catalog().persistInterval(), clock,
				reconcile, rawStore::settled);
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
