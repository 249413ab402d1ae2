package org.healthmon.devcluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class DevClusterIT {

	private static final org.apache.hadoop.fs.Path FILE = new org.apache.hadoop.fs.Path(
			"/healthmon/raw/date=2026-11-22/hour=05/it-000001.csv");

	private static final String CONTENT = "orders,1763789462123,1763789462200,37.5,16.0,5.2,512.0,200.1\n";

	@TempDir
	Path baseDir;

	@Test
	void whenStartedThenFourDataNodesAreLiveAndTheReadyMarkerNamesTheCluster() throws Exception {
		try (ConfigurableApplicationContext context = DevClusterRunner.start(this.baseDir)) {
			MiniDFSCluster cluster = context.getBean(DevCluster.class).cluster();
			assertThat(cluster).isNotNull();
			assertThat(cluster.getNamesystem().getNumLiveDataNodes()).isEqualTo(4);
			Properties ready = DevClusterRunner.readyMarker(this.baseDir);
			assertThat(ready.getProperty("uri")).isEqualTo("hdfs://localhost:" + cluster.getNameNodePort());
			assertThat(ready.getProperty("datanodes")).isEqualTo("4");
			assertThat(ready.getProperty("pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
			// MiniDFSCluster deletes its own base directory at exit after a failed start
			assertThat(Path.of(cluster.getDataDirectory())).startsWithRaw(this.baseDir.resolve("minicluster"));
			assertThat(cluster.getNameDirs(0)).extracting(Path::of).containsExactly(this.baseDir.resolve("namenode"));
		}
		assertThat(this.baseDir.resolve(ReadyMarker.FILE_NAME)).doesNotExist();
	}

	@Test
	void whenRestartedOnTheSameDirThenFilesWrittenBeforeAreReadBack() throws Exception {
		try (ConfigurableApplicationContext context = DevClusterRunner.start(this.baseDir); FileSystem fs = client()) {
			try (FSDataOutputStream out = fs.create(FILE, true, 4096, (short) 3, 1024 * 1024)) {
				out.write(CONTENT.getBytes(StandardCharsets.UTF_8));
			}
			FileStatus status = fs.getFileStatus(FILE);
			assertThat(status.getReplication()).isEqualTo((short) 3);
			BlockLocation[] blocks = fs.getFileBlockLocations(status, 0, status.getLen());
			assertThat(blocks).hasSize(1);
			assertThat(blocks[0].getNames()).hasSize(3);
		}
		assertThat(this.baseDir.resolve("namenode")).isDirectory();
		assertThat(this.baseDir.resolve("datanode-3")).isDirectory();

		try (ConfigurableApplicationContext context = DevClusterRunner.start(this.baseDir); FileSystem fs = client()) {
			assertThat(context.getBean(DevCluster.class).cluster().getNamesystem().getNumLiveDataNodes()).isEqualTo(4);
			try (var in = fs.open(FILE)) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CONTENT);
			}
			assertThat(fs.getFileStatus(FILE).getReplication()).isEqualTo((short) 3);
		}
	}

	/** A client of its own, as another process would have: only the URI is shared. */
	private FileSystem client() throws Exception {
		URI uri = URI.create(DevClusterRunner.readyMarker(this.baseDir).getProperty("uri"));
		return FileSystem.newInstance(uri, new Configuration());
	}

}
