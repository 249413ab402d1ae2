package org.healthmon.model;

/**
 * An accepted message as kept in the raw store: the message and when ingest received it.
 *
 * @param message the accepted message
 * @param ingestTimeMs arrival time at ingest, epoch ms (UTC); decides the partition
 */
public record RawRecord(HealthMessage message, long ingestTimeMs) {
}
