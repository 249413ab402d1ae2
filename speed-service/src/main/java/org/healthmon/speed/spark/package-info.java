/**
 * The app's one Spark context and the Spark job of a run (spark-core RDD API).
 */
package org.healthmon.speed.spark;
