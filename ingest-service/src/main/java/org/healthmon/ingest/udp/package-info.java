/**
 * The UDP receive path: one Spring Integration flow from the socket through decoding and
 * the catalog to the raw and rejected stores, on a bounded pool of receive threads, with
 * its counters and the {@code udp} health.
 */
package org.healthmon.ingest.udp;
