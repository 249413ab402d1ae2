package org.healthmon.ingest.store;

import org.healthmon.model.RejectReason;

/**
 * A datagram ingest did not accept, kept with its reason and its raw bytes.
 *
 * @param arrivalTimeMs when it arrived, epoch ms
 * @param sender the sender's address and port, as text
 * @param reason why it was rejected
 * @param detail what exactly is wrong
 * @param payload the bytes as received (at most the receive limit)
 */
public record RejectedDatagram(long arrivalTimeMs, String sender, RejectReason reason, String detail, byte[] payload) {
}
