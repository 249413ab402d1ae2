/**
 * The MapReduce job that computes batch views: plain Hadoop and health-model, no Spring,
 * so that these classes can be shipped to YARN in the plain job jar (classifier
 * {@code job}).
 */
package org.healthmon.batch.job;
