/**
 * The batch layer's store: raw listings of a window, manifests and segment indexes,
 * atomic replacement, and what a directory of Parquet files holds.
 */
package org.healthmon.batch.store;
