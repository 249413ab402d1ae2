/**
 * {@code healthmon import}: reads files of history (CSV in the raw layout or with a
 * header, JSON lines of either message shape, Parquet), validates every record as ingest
 * does, writes the accepted ones as raw files of an import node of its own, published in
 * sequence order, and catalogs their services; a ledger makes a re-run finish, or refuse,
 * never count twice (docs/architecture.md §4.6).
 */
package org.healthmon.importer;
