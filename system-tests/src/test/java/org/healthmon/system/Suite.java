package org.healthmon.system;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The suite started exactly as the README starts it, {@code bin/healthmon up}, each app
 * its own process, on free ports and with its own var directory; {@code close()} runs
 * {@code bin/healthmon down}.
 */
final class Suite implements AutoCloseable {

	private final Path repo;

	private final Path var;

	private final Map<String, String> env = new LinkedHashMap<>();

	final int hdfsPort;

	final int udpPort;

	final int queryPort;

	final int batchPort;

	final int uiPort;

	final int alertPort;

	Suite(Path repo, Path var, Map<String, String> settings) throws IOException, InterruptedException {
		this.repo = repo;
		this.var = var;
		this.hdfsPort = freeTcpPort();
		this.udpPort = freeUdpPort();
		this.queryPort = freeTcpPort();
		this.env.put("HEALTHMON_VAR_DIR", var.toString());
		this.env.put("HEALTHMON_HDFS_PORT", String.valueOf(this.hdfsPort));
		this.env.put("HEALTHMON_HDFS_HTTP_PORT", String.valueOf(freeTcpPort()));
		this.env.put("HEALTHMON_HDFS_DATANODE_BASE_PORT", String.valueOf(freeDatanodeBase()));
		this.env.put("HEALTHMON_INGEST_UDP_PORT", String.valueOf(this.udpPort));
		this.env.put("HEALTHMON_INGEST_HTTP_PORT", String.valueOf(freeTcpPort()));
		this.batchPort = freeTcpPort();
		this.env.put("HEALTHMON_BATCH_HTTP_PORT", String.valueOf(this.batchPort));
		this.env.put("HEALTHMON_SPEED_HTTP_PORT", String.valueOf(freeTcpPort()));
		this.env.put("HEALTHMON_QUERY_HTTP_PORT", String.valueOf(this.queryPort));
		this.uiPort = freeTcpPort();
		this.env.put("HEALTHMON_UI_HTTP_PORT", String.valueOf(this.uiPort));
		this.alertPort = freeTcpPort();
		this.env.put("HEALTHMON_ALERT_HTTP_PORT", String.valueOf(this.alertPort));
		this.env.putAll(settings);
		int exit = run(List.of("up"), 900);
		if (exit != 0) {
			close();
			throw new IllegalStateException("bin/healthmon up failed with exit " + exit + "\n" + logTails());
		}
	}

	/**
	 * Kills an app the way a crash would ({@code kill -9}: no shutdown hook, no graceful
	 * save) and waits until it is gone.
	 */
	void kill9(String app) throws IOException, InterruptedException {
		long pid = Long.parseLong(Files.readString(this.var.resolve("run").resolve(app + ".pid")).strip());
		ProcessHandle process = ProcessHandle.of(pid)
			.orElseThrow(() -> new IllegalStateException(app + " (pid " + pid + ") is not running"));
		process.destroyForcibly();
		process.onExit().join();
	}

	/** {@code bin/healthmon up} again: starts what is not running, as after a crash. */
	void up() throws IOException, InterruptedException {
		int exit = run(List.of("up"), 900);
		if (exit != 0) {
			throw new IllegalStateException("bin/healthmon up failed with exit " + exit + "\n" + logTails());
		}
	}

	String batchBase() {
		return "http://localhost:" + this.batchPort;
	}

	String uiBase() {
		return "http://localhost:" + this.uiPort;
	}

	String queryBase() {
		return "http://localhost:" + this.queryPort;
	}

	String hdfsUri() {
		return "hdfs://localhost:" + this.hdfsPort;
	}

	/** The last lines of every app's log, for a failure message. */
	String logTails() {
		StringBuilder tails = new StringBuilder();
		try (Stream<Path> logs = Files.list(this.var.resolve("log"))) {
			for (Path log : logs.filter((p) -> p.toString().endsWith(".log")).sorted().toList()) {
				List<String> lines = Files.readAllLines(log);
				tails.append("---- ").append(log.getFileName()).append('\n');
				lines.subList(Math.max(0, lines.size() - 30), lines.size())
					.forEach((line) -> tails.append(line).append('\n'));
			}
		}
		catch (IOException ex) {
			tails.append("(no logs: ").append(ex.getMessage()).append(")");
		}
		return tails.toString();
	}

	@Override
	public void close() throws IOException, InterruptedException {
		run(List.of("down"), 300);
	}

	private int run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
		List<String> line = new java.util.ArrayList<>(List.of(this.repo.resolve("bin/healthmon").toString()));
		line.addAll(command);
		// the launcher's output to a file and then to this test's output (a child writing
		// straight into the forked test JVM's stdout corrupts surefire's channel)
		Path output = Files.createTempFile(this.var.getParent(), "healthmon-" + command.get(0), ".out");
		ProcessBuilder builder = new ProcessBuilder(line).directory(this.repo.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().putAll(this.env);
		Process process = builder.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("bin/healthmon " + command + " took longer than " + timeoutSeconds + " s");
		}
		System.out.print(Files.readString(output));
		return process.exitValue();
	}

	static int freeTcpPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static int freeUdpPort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A base port with the 40 ports of four datanodes above it free (base + 10 i + 0..3).
	 */
	private static int freeDatanodeBase() throws IOException {
		for (int attempt = 0; attempt < 100; attempt++) {
			int base = 20_000 + ThreadLocalRandom.current().nextInt(2_000) * 10;
			boolean free = true;
			for (int port = base; port < base + 40 && free; port++) {
				try (ServerSocket socket = new ServerSocket(port)) {
					socket.setReuseAddress(true);
				}
				catch (IOException taken) {
					free = false;
				}
			}
			if (free) {
				return base;
			}
		}
		throw new IOException("no 40 free ports in a row for the datanodes");
	}

}
