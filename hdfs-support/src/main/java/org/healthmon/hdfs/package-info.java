/**
 * The HDFS client the apps that use the store share: the settings record each of them
 * binds under {@code healthmon.<app>.hdfs} ({@code HdfsSettings}), the factory of their
 * Hadoop client ({@code HdfsClient}) and their one {@code FileSystem} bean
 * ({@code HdfsClientConfiguration}). Imports no app.
 */
package org.healthmon.hdfs;
