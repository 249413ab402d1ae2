package org.healthmon.importer;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;

import org.healthmon.hdfs.HdfsClientConfiguration;
import org.healthmon.model.StorageLayout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The import and its runner, over the store client of {@code healthmon.import.hdfs}. */
@Configuration(proxyBeanMethods = false)
@Import(HdfsClientConfiguration.class)
class ImportConfiguration {

	@Bean
	Importer importer(FileSystem fs, StorageLayout layout, ImportProperties properties) throws IOException {
		return new Importer(fs, layout, properties);
	}

	@Bean
	ImportRunner importRunner(Importer importer) {
		return new ImportRunner(importer);
	}

}
