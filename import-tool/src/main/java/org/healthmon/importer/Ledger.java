package org.healthmon.importer;

import java.util.List;
import java.util.Map;

/**
 * The record of one import, {@code imports/<node>.json}: what it imports, how far it got,
 * and what it counted. Written before anything else of the import, and at each change of
 * state; a re-run reads it to skip, refuse, start over or finish (docs/architecture.md
 * §4.6).
 *
 * @param node the import node, {@code import.<12 hex>}
 * @param state how far it got
 * @param startedAtMs the import's start {@code T0}: the ingest time of every line, whose
 * hour is the partition of every file
 * @param partition the raw partition its files are published in
 * @param files its raw files, sequences 1 to this (known from {@link State#PUBLISHING}
 * on)
 * @param records records read
 * @param accepted records accepted (written)
 * @param rejected records rejected, by reason tag
 * @param inputs each input with its counts
 * @param updatedAtMs when this was written
 */
record Ledger(String node, State state, long startedAtMs, String partition, long files, long records, long accepted,
		Map<String, Long> rejected, List<Input> inputs, long updatedAtMs) {

	/** How far an import got. */
	enum State {

		/**
		 * Reading the inputs and staging files: nothing published. A re-run starts over.
		 */
		WRITING,
		/**
		 * Every file staged and counted: publishing them in sequence order. A re-run
		 * finishes it.
		 */
		PUBLISHING,
		/** Published and cataloged. A re-run is refused. */
		DONE

	}

	/**
	 * One input of the import.
	 *
	 * @param name the file as given
	 * @param bytes its size
	 * @param sha256 its SHA-256 (lower-case hex)
	 * @param format how it was read
	 * @param records records read
	 * @param accepted records accepted
	 * @param rejected records rejected, by reason tag
	 */
	record Input(String name, long bytes, String sha256, InputFormat format, long records, long accepted,
			Map<String, Long> rejected) {
	}

	Ledger with(State newState, long files, long updatedAtMs) {
		return new Ledger(this.node, newState, this.startedAtMs, this.partition, files, this.records, this.accepted,
				this.rejected, this.inputs, updatedAtMs);
	}

}
