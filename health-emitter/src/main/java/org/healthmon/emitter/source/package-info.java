/**
 * Where messages come from: a simulated fleet, this host's metrics, or a replayed file.
 * Sources make messages without {@code seq}; the sender numbers them.
 */
@NullMarked
package org.healthmon.emitter.source;

import org.jspecify.annotations.NullMarked;
