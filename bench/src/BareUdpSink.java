/*
 * BareUdpSink: the baseline for bench/ingest-throughput.sh (issue 2).
 *
 * A bare receive-and-discard loop: one DatagramChannel bound to the given port, with the
 * same SO_RCVBUF that ingest asks for (4 MiB by default; Linux caps it at
 * net.core.rmem_max), one thread receiving into one reused direct buffer and counting
 * datagrams. Nothing else: no decoding, no allocation beyond the sender address the JDK
 * returns per receive.
 *
 * Run it as a single-file program (Java 17, no build):
 *
 *   java bench/src/BareUdpSink.java --port 13500 [--rcvbuf 4194304] [--bind 0.0.0.0]
 *        [--count-file /tmp/sink.count] [--interval-ms 100]
 *
 * Every interval it rewrites the count file (atomically, by rename) with one line:
 * "<datagrams> <bytes> <epoch-ms>", and it prints the count to stdout when a line is read
 * on stdin and on exit (SIGTERM/SIGINT).
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

public class BareUdpSink {

	public static void main(String[] args) throws Exception {
		int port = -1;
		int rcvbuf = 4 * 1024 * 1024;
		String bind = "0.0.0.0";
		Path countFile = null;
		long intervalMs = 100;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(args[++i]);
				case "--rcvbuf" -> rcvbuf = Integer.parseInt(args[++i]);
				case "--bind" -> bind = args[++i];
				case "--count-file" -> countFile = Path.of(args[++i]);
				case "--interval-ms" -> intervalMs = Long.parseLong(args[++i]);
				case "-h", "--help" -> {
					System.out.println("usage: java BareUdpSink.java --port N [--rcvbuf BYTES] [--bind ADDR]"
							+ " [--count-file FILE] [--interval-ms MS]");
					return;
				}
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (port < 0) {
			throw new IllegalArgumentException("--port is required");
		}
		DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
		channel.setOption(StandardSocketOptions.SO_RCVBUF, rcvbuf);
		channel.bind(new InetSocketAddress(bind, port));
		int granted = channel.getOption(StandardSocketOptions.SO_RCVBUF);
		System.out.println("BareUdpSink listening on " + channel.getLocalAddress() + ", SO_RCVBUF asked " + rcvbuf
				+ ", granted " + granted);
		System.out.flush();

		AtomicLong datagrams = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		Path file = countFile;
		long interval = intervalMs;

		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			write(file, datagrams.get(), bytes.get());
			System.out.println("BareUdpSink received " + datagrams.get() + " datagrams, " + bytes.get() + " bytes");
		}));
		Thread reporter = new Thread(() -> {
			while (true) {
				write(file, datagrams.get(), bytes.get());
				try {
					Thread.sleep(interval);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "count-writer");
		reporter.setDaemon(true);
		reporter.start();
		Thread console = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
				while (in.readLine() != null) {
					System.out.println("count " + datagrams.get() + " " + bytes.get());
					System.out.flush();
				}
			}
			catch (IOException ex) {
				// stdin closed: nothing to answer
			}
		}, "console");
		console.setDaemon(true);
		console.start();

		ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
		while (true) {
			buffer.clear();
			channel.receive(buffer);
			// lazySet: one writer; the reporter only needs an eventually fresh value
			datagrams.lazySet(datagrams.get() + 1);
			bytes.lazySet(bytes.get() + buffer.position());
		}
	}

	private static void write(Path file, long datagrams, long bytes) {
		if (file == null) {
			return;
		}
		try {
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(tmp, datagrams + " " + bytes + " " + System.currentTimeMillis() + "\n");
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			System.err.println("cannot write " + file + ": " + ex);
		}
	}

}
