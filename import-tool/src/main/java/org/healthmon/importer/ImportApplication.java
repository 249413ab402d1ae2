package org.healthmon.importer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * {@code healthmon import}: loads files of history (CSV, JSON lines, Parquet) into the
 * raw store under an import node of its own, validated like ingest, published in sequence
 * order, then catalogs their services (docs/architecture.md §4.6). A job: it runs once
 * and exits with {@link ImportRunner}'s exit code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImportApplication {

	public static void main(String[] args) {
		// exit explicitly: the exit code tells the caller whether the import was done,
		// refused or failed
		System.exit(SpringApplication.exit(SpringApplication.run(ImportApplication.class, args)));
	}

}
