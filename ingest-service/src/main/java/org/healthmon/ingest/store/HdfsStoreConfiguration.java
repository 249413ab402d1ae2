package org.healthmon.ingest.store;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hadoop.fs.FileSystem;
import org.healthmon.hdfs.HdfsClientConfiguration;
import org.healthmon.ingest.IngestProperties;
import org.healthmon.model.StorageLayout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The HDFS side of ingest: the file system client and the storage layout
 * ({@link HdfsClientConfiguration}; the client fails fast, by application.yaml's
 * {@code ipc.client.connect.*}, so that the writers notice an outage within seconds and
 * spool instead of blocking intake), and the raw and rejected stores with their rolling
 * writers; the rejected store yields to the raw one.
 */
@Configuration(proxyBeanMethods = false)
@Import(HdfsClientConfiguration.class)
class HdfsStoreConfiguration {

	@Bean
	RollingFileWriter rawFileWriter(FileSystem fs, IngestProperties properties, StorageLayout layout,
			MeterRegistry registry) {
		return new RollingFileWriter("raw", fs, properties, Partitioning.raw(layout), registry, Clock.systemUTC());
	}

	@Bean
	RollingFileWriter rejectedFileWriter(FileSystem fs, IngestProperties properties, StorageLayout layout,
			MeterRegistry registry) {
		return new RollingFileWriter("rejected", fs, properties, Partitioning.rejected(layout), registry,
				Clock.systemUTC());
	}

	@Bean
	RawStore rawStore(RollingFileWriter rawFileWriter) {
		return new RawStore(rawFileWriter);
	}

	@Bean
	RejectedStore rejectedStore(RollingFileWriter rejectedFileWriter, RollingFileWriter rawFileWriter,
			IngestProperties properties, MeterRegistry registry) {
		return new RejectedStore(rejectedFileWriter, rawFileWriter::behind,
				properties.rejected().bytesPerSecond().toBytes(), registry, Clock.systemUTC());
	}

	@Bean
	StoreHealthIndicators.Hdfs hdfsHealthIndicator(IngestProperties properties, RollingFileWriter rawFileWriter,
			RollingFileWriter rejectedFileWriter) {
		return new StoreHealthIndicators.Hdfs(properties.hdfs().uri(), rawFileWriter, rejectedFileWriter);
	}

	@Bean
	StoreHealthIndicators.Spool spoolHealthIndicator(RollingFileWriter rawFileWriter,
			RollingFileWriter rejectedFileWriter) {
		return new StoreHealthIndicators.Spool(rawFileWriter, rejectedFileWriter);
	}

}
