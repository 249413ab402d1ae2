/**
 * Where accepted and rejected datagrams go: the raw store (one CSV line per accepted
 * message, in files rolled every second and published by rename in sequence order per
 * node, docs/architecture.md §4) and the rejected store, both written by a
 * {@code RollingFileWriter} into HDFS segments, or into local spool segments while HDFS
 * is unreachable ({@code WriteTarget}), replayed from there ({@code StoreRecovery}); the
 * node's state file and the store's health and metrics.
 */
package org.healthmon.ingest.store;
