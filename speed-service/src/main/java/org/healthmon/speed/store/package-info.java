/**
 * The speed layer's view of HDFS: manifests (atomic replace), the raw listing, realtime
 * view versions as Parquet, and their garbage collection after the grace period.
 */
package org.healthmon.speed.store;
