package org.healthmon.importer;

/**
 * An import that must not run because its records are, or may be, in the store already:
 * the same inputs imported before, or an input another import holds. Exit code
 * {@link ImportRunner#EXIT_REFUSED}.
 */
class ImportRefusedException extends RuntimeException {

	ImportRefusedException(String message) {
		super(message);
	}

}
