/**
 * The handoff rules between the batch layer and the two realtime view sets
 * (docs/architecture.md §8): the state the manifests describe, the role of each set, and
 * which sets expire and open. Pure logic, no I/O.
 */
package org.healthmon.speed.handoff;
