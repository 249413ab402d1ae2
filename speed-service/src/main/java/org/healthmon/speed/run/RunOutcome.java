package org.healthmon.speed.run;

import org.healthmon.speed.handoff.HandoffState;

/**
 * What one run did.
 *
 * @param state the handoff state the run left
 * @param files raw files read
 * @param lines raw lines read
 * @param badLines lines that could not be read
 */
public record RunOutcome(HandoffState state, int files, long lines, long badLines) {
}
