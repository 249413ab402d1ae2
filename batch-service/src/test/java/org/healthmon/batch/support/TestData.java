package org.healthmon.batch.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A known raw dataset, made of files as ingest nodes would publish them: several services
 * and nodes, late and out-of-order messages (event times up to hours before arrival, in
 * no order within a file), equal peaks at different times, and bad lines mixed in.
 */
public final class TestData {

	/** 2026-11-22T05:00:00Z. */
	public static final long T0 = 1_795_323_600_000L;

	private static final String[] SERVICES = { "orders", "billing", "search.v2", "auth_1", "PRINTER" };

	private static final double[] CPU = { 0.0, 12.5, 33.3, 50.0, 77.7, 99.9, 100.0 };

	private static final double[] RAM_FREE = { 0.0, 4.0, 8.2, 15.99, 16.0 };

	private static final double[] DISK_FREE = { 0.5, 100.25, 200.0, 511.0 };

	private static final String[] BAD_LINES = { "garbage", "orders,notanumber,1,2,3,4,5,6",
			"orders,1795323600000,1795323600000,150.0,16.0,4.0,512.0,1.0",
			"billing,1795323600000,1795323600000,50.0,16.0,17.0,512.0,1.0", "a,b,c", "bad name,1,1,1,1,1,1,1", "" };

	private final Random random;

	private final Map<String, Long> nextSeq = new HashMap<>();

	private final List<String> goodLines = new ArrayList<>();

	private final List<String> badLines = new ArrayList<>();

	private long arrival = T0;

	public TestData(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * A file's worth: {@code lines} good lines of random services with event times up to
	 * {@code lateMinutes} before its arrival, plus a bad line with probability
	 * {@code badRate}, the lines in no particular order.
	 */
	public PublishedFile nextFile(String node, int lines, int lateMinutes, double badRate) {
		this.arrival += 1000 + this.random.nextInt(60_000);
		List<String> content = new ArrayList<>();
		for (int i = 0; i < lines; i++) {
			String service = SERVICES[this.random.nextInt(SERVICES.length)];
			long event = this.arrival - this.random.nextInt(lateMinutes * 60_000 + 1);
			String line = line(service, event, this.arrival, pick(CPU), 16.0, pick(RAM_FREE), 512.0, pick(DISK_FREE));
			content.add(line);
			this.goodLines.add(line);
			if (this.random.nextDouble() < badRate) {
				String bad = BAD_LINES[this.random.nextInt(BAD_LINES.length)];
				content.add(bad);
				this.badLines.add(bad);
			}
		}
		return file(node, content);
	}

	/**
	 * Equal peaks of one service in one minute at different times, the later one first
	 * and in a file of its own before the earlier one's.
	 */
	public List<PublishedFile> equalPeaks(String service, String nodeA, String nodeB) {
		long minute = Math.floorDiv(this.arrival, 60_000L) * 60_000L - 3 * 60_000L;
		String later = line(service, minute + 40_000, this.arrival + 1, 100.0, 16.0, 0.0, 512.0, 0.5);
		String earlier = line(service, minute + 10_000, this.arrival + 2, 100.0, 16.0, 0.0, 512.0, 0.5);
		String between = line(service, minute + 25_000, this.arrival + 3, 100.0, 16.0, 0.0, 512.0, 0.5);
		this.goodLines.addAll(List.of(later, earlier, between));
		this.arrival += 5000;
		return List.of(file(nodeA, List.of(later)), file(nodeB, List.of(between, earlier)));
	}

	private PublishedFile file(String node, List<String> content) {
		long seq = this.nextSeq.merge(node, 1L, Long::sum) - 1;
		return new PublishedFile(node, seq, this.arrival, content);
	}

	/** Lets time pass: the next file arrives at least this much later. */
	public TestData skip(long ms) {
		this.arrival += ms;
		return this;
	}

	public List<String> goodLines() {
		return this.goodLines;
	}

	public List<String> badLines() {
		return this.badLines;
	}

	private double pick(double[] values) {
		return values[this.random.nextInt(values.length)];
	}

	public static String line(String service, long event, long ingest, double cpu, double ramTotal, double ramFree,
			double diskTotal, double diskFree) {
		return service + "," + event + "," + ingest + "," + cpu + "," + ramTotal + "," + ramFree + "," + diskTotal + ","
				+ diskFree;
	}

	/**
	 * A raw file to publish.
	 *
	 * @param node the ingest node
	 * @param seq its sequence number on the node
	 * @param arrivalMs arrival time (picks the partition)
	 * @param lines its lines
	 */
	public record PublishedFile(String node, long seq, long arrivalMs, List<String> lines) {

		public String publish(RawPublisher publisher) throws java.io.IOException {
			return publisher.publish(this.node, this.seq, this.arrivalMs, this.lines);
		}

	}

}
