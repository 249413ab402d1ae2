/**
 * The service catalog: every service seen, its first and last arrival and message count,
 * and for senders that number their messages the datagrams lost and the duplicates
 * dropped; persisted to the store for other apps to read.
 */
package org.healthmon.ingest.catalog;
