package org.healthmon.devcluster;

import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * Where a running cluster listens, as clients in other processes reach it.
 *
 * @param uri the file system URI, {@code hdfs://localhost:<rpc port>}
 * @param webUi the namenode web UI
 * @param liveDataNodes datanodes the namenode counts as live
 */
record ClusterAddress(String uri, String webUi, int liveDataNodes) {

	static ClusterAddress of(MiniDFSCluster cluster) {
		int httpPort = cluster.getNameNode().getHttpAddress().getPort();
		return new ClusterAddress("hdfs://localhost:" + cluster.getNameNodePort(), "http://localhost:" + httpPort,
				cluster.getNamesystem().getNumLiveDataNodes());
	}

}
