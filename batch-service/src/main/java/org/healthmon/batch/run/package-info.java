/**
 * Batch runs: the exact cutoff, the pending marker, the view job, publishing through the
 * manifests, old versions, the run history, the schedule, health and the
 * {@code batchruns} endpoint.
 */
package org.healthmon.batch.run;
