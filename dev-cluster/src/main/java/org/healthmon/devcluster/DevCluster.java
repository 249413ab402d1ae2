package org.healthmon.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-process HDFS cluster, started with the application context and stopped with it.
 * <p>
 * The namenode keeps its metadata in {@code <base>/namenode} and datanode {@code i} its
 * blocks in {@code <base>/datanode-i}. These directories are managed here rather than by
 * {@link MiniDFSCluster}, so that they are formatted only on the very first start and
 * survive every later stop and start, even a failed one.
 */
@Component
class DevCluster implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(DevCluster.class);

	private final DevClusterProperties properties;

	private final Path baseDir;

	private final ReadyMarker readyMarker;

	private volatile @Nullable MiniDFSCluster cluster;

	DevCluster(DevClusterProperties properties) {
		this.properties = properties;
		this.baseDir = properties.baseDir().toAbsolutePath().normalize();
		this.readyMarker = new ReadyMarker(this.baseDir.resolve(ReadyMarker.FILE_NAME));
	}

	@Override
	public void start() {
		this.readyMarker.clear();
		boolean firstStart = !Files.exists(nameDir().resolve("current").resolve("VERSION"));
		log.info("Starting HDFS: 1 namenode, " + this.properties.dataNodes() + " datanodes, data in " + this.baseDir
				+ " (" + (firstStart ? "new, formatting" : "existing, keeping its files") + ")");
		try {
			Files.createDirectories(this.baseDir);
			MiniDFSCluster started = new MiniDFSCluster.Builder(clusterConf(), scratchDir().toFile())
				.nameNodePort(this.properties.nameNodePort())
				.nameNodeHttpPort(this.properties.nameNodeHttpPort())
				.numDataNodes(this.properties.dataNodes())
				.format(firstStart)
				.manageNameDfsDirs(false)
				.manageDataDfsDirs(false)
				.checkDataNodeAddrConfig(true)
				.dataNodeConfOverlays(dataNodeConfs())
				.skipFsyncForTesting(false)
				.waitSafeMode(true)
				.build();
			this.cluster = started;
			started.waitActive();
			ClusterAddress address = ClusterAddress.of(started);
			this.readyMarker.write(address);
			log.info("HDFS ready: " + address.uri() + " (" + address.liveDataNodes() + " datanodes, web UI "
					+ address.webUi() + ")");
		}
		catch (IOException ex) {
			stop();
			throw new UncheckedIOException("HDFS did not start, data in " + this.baseDir, ex);
		}
	}

	@Override
	public void stop() {
		this.readyMarker.clear();
		MiniDFSCluster running = this.cluster;
		if (running == null) {
			return;
		}
		this.cluster = null;
		log.info("Stopping HDFS (data kept in " + this.baseDir + ")");
		// not MiniDFSCluster.shutdown(): that schedules the base dir for deletion at exit
		try {
			running.shutdownDataNodes();
		}
		catch (RuntimeException ex) {
			log.warn("A datanode did not stop cleanly; stopping the namenode anyway", ex);
		}
		finally {
			running.shutdownNameNodes();
		}
		log.info("HDFS stopped");
	}

	@Override
	public boolean isRunning() {
		return this.cluster != null;
	}

	/** The running cluster, for tests and diagnostics. */
	@Nullable MiniDFSCluster cluster() {
		return this.cluster;
	}

	private Configuration clusterConf() {
		Configuration conf = new HdfsConfiguration();
		conf.set(DFSConfigKeys.DFS_NAMENODE_NAME_DIR_KEY, nameDir().toUri().toString());
		conf.set(DFSConfigKeys.DFS_NAMENODE_EDITS_DIR_KEY, nameDir().toUri().toString());
		conf.setInt(DFSConfigKeys.DFS_REPLICATION_KEY, this.properties.replication());
		return conf;
	}

	private Configuration[] dataNodeConfs() {
		Configuration[] confs = new Configuration[this.properties.dataNodes()];
		for (int i = 0; i < confs.length; i++) {
			int[] ports = this.properties.dataNodePorts(i);
			Configuration conf = new Configuration(false);
			conf.set(DFSConfigKeys.DFS_DATANODE_DATA_DIR_KEY, dataDir(i).toUri().toString());
			conf.set(DFSConfigKeys.DFS_DATANODE_ADDRESS_KEY, "127.0.0.1:" + ports[0]);
			conf.set(DFSConfigKeys.DFS_DATANODE_HTTP_ADDRESS_KEY, "127.0.0.1:" + ports[1]);
			conf.set(DFSConfigKeys.DFS_DATANODE_IPC_ADDRESS_KEY, "127.0.0.1:" + ports[2]);
			conf.setInt(DFSConfigKeys.DFS_DATANODE_HTTP_INTERNAL_PROXY_PORT, ports[3]);
			confs[i] = conf;
		}
		return confs;
	}

	/**
	 * MiniDFSCluster's own base directory, kept apart from the data: when a start fails
	 * it shuts itself down, which schedules its base directory for deletion at exit.
	 */
	private Path scratchDir() {
		return this.baseDir.resolve("minicluster");
	}

	private Path nameDir() {
		return this.baseDir.resolve("namenode");
	}

	private Path dataDir(int index) {
		return this.baseDir.resolve("datanode-" + index);
	}

}
