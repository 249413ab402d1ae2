package org.healthmon.ingest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's UDP counters (Linux {@code /proc/net/snmp}), to tell network loss from app
 * loss.
 */
public final class KernelUdpCounters {

	private KernelUdpCounters() {
	}

	/**
	 * Datagrams the kernel dropped because a socket's receive buffer was full; -1 if
	 * unknown.
	 */
	public static long receiveBufferErrors() {
		try {
			List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp"))
				.stream()
				.filter((line) -> line.startsWith("Udp:"))
				.toList();
			List<String> names = List.of(udp.get(0).split("\\s+"));
			return Long.parseLong(udp.get(1).split("\\s+")[names.indexOf("RcvbufErrors")]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
