/**
 * The health emitter: mock microservices that send health messages over UDP, in one of
 * three modes (simulated fleet, this host's real metrics, replay of a file).
 */
@NullMarked
package org.healthmon.emitter;

import org.jspecify.annotations.NullMarked;
