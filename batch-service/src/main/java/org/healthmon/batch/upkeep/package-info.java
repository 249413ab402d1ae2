/**
 * What the batch layer tidies after each run: view files no published version names
 * ({@code VersionJanitor}), compaction of closed raw hours ({@code RawCompactor}, one
 * {@code RawHour} at a time) and retention ({@code Retention}). Each step costs what
 * changed since the last run.
 */
package org.healthmon.batch.upkeep;
