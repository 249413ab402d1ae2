/**
 * Sending: numbers each message per service, encodes it through the shared codec, paces
 * the datagrams and sends them over one connected UDP channel, with progress and a
 * summary in the log.
 */
@NullMarked
package org.healthmon.emitter.send;

import org.jspecify.annotations.NullMarked;
