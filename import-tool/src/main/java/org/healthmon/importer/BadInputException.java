package org.healthmon.importer;

/**
 * An input the import cannot read at all (unknown format, a CSV or Parquet file without a
 * required column, a missing file): the import refuses to start, exit code
 * {@link ImportRunner#EXIT_BAD_INPUT}.
 */
class BadInputException extends RuntimeException {

	BadInputException(String message) {
		super(message);
	}

}
