/**
 * Batch runs: the plan (window listing, exact cutoff, kind of run), the version built as
 * day segments, publishing through the manifests, the run history, the schedule, health
 * and the {@code batchruns} endpoint.
 */
package org.healthmon.batch.run;
