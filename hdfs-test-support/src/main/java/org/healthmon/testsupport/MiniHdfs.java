package org.healthmon.testsupport;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * An in-process HDFS cluster with its own base directory and free ports, for one test
 * class.
 */
public final class MiniHdfs implements AutoCloseable {

	private final MiniDFSCluster cluster;

	private final FileSystem fs;

	private MiniHdfs(MiniDFSCluster cluster) throws IOException {
		this.cluster = cluster;
		this.fs = cluster.getFileSystem();
	}

	public static MiniHdfs start(Path baseDir, int datanodes) throws IOException {
		Configuration conf = new Configuration();
		conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
		// Lease recovery of a file orphaned by a namenode outage should not take minutes
		conf.setLong("dfs.heartbeat.interval", 1);
		conf.setInt("dfs.namenode.heartbeat.recheck-interval", 5000);
		MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile()).numDataNodes(datanodes).build();
		cluster.waitActive();
		return new MiniHdfs(cluster);
	}

	public String uri() {
		return this.cluster.getURI().toString();
	}

	public FileSystem fs() {
		return this.fs;
	}

	public MiniDFSCluster cluster() {
		return this.cluster;
	}

	@Override
	public void close() {
		this.cluster.shutdown(true);
	}

}
