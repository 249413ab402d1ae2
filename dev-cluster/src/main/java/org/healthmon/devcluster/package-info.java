/**
 * The local development HDFS: an in-process cluster of one namenode and several datanodes
 * on fixed local ports, with its data kept across restarts, so that a developer's default
 * run of healthmon really writes to HDFS.
 */
@NullMarked
package org.healthmon.devcluster;

import org.jspecify.annotations.NullMarked;
