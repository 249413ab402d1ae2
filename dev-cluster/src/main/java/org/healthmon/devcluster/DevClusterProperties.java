package org.healthmon.devcluster;

import java.nio.file.Path;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the development HDFS cluster.
 *
 * @param baseDir where the namenode and datanodes keep their data; kept across restarts
 * (relative paths resolve against the working directory; the launcher passes an absolute
 * one)
 * @param nameNodePort namenode RPC port, the one in {@code hdfs://localhost:<port>}; 0
 * picks a free port
 * @param nameNodeHttpPort namenode web UI port; 0 picks a free port
 * @param dataNodeBasePort datanode {@code i} (0-based) listens on {@code base + 10 * i}
 * (data transfer), {@code + 1} (web), {@code + 2} (IPC) and {@code + 3} (the web server's
 * internal proxy); 0 picks free ports for all of them
 * @param dataNodes number of datanodes
 * @param replication default replication factor of new files
 */
@ConfigurationProperties("healthmon.devcluster")
@Validated
public record DevClusterProperties(@NotNull @DefaultValue("var/hdfs") Path baseDir,
		@Min(0) @Max(65535) @DefaultValue("8020") int nameNodePort,
		@Min(0) @Max(65535) @DefaultValue("9870") int nameNodeHttpPort,
		@Min(0) @Max(65400) @DefaultValue("9900") int dataNodeBasePort,
		@Min(1) @Max(9) @DefaultValue("4") int dataNodes, @Min(1) @DefaultValue("3") int replication) {

	@AssertTrue(message = "replication must not exceed the number of datanodes")
	public boolean isReplicationPossible() {
		return this.replication <= this.dataNodes;
	}

	/**
	 * The data transfer, web, IPC and internal web proxy ports of a datanode; all 0 when
	 * ports are free.
	 */
	int[] dataNodePorts(int index) {
		if (this.dataNodeBasePort == 0) {
			return new int[] { 0, 0, 0, 0 };
		}
		int first = this.dataNodeBasePort + 10 * index;
		return new int[] { first, first + 1, first + 2, first + 3 };
	}

}
