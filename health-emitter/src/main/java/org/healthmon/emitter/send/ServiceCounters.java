package org.healthmon.emitter.send;

/**
 * The counters of one service in one run: its next {@code seq}, and how its datagrams
 * fared. A datagram that failed to send still used its {@code seq}, so ingest sees the
 * gap.
 */
final class ServiceCounters {

	long nextSeq;

	long sent;

	long failed;

}
