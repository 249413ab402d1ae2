package org.healthmon.ingest.store;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The bounded hand-over of lines from the threads that receive them to a store's writer
 * thread, each line with the arrival bucket ({@link Partitioning}) its file must be of.
 * Bounded in lines, so memory is; a producer either waits for room ({@link #put}) or is
 * told there is none ({@link #offer}).
 */
final class LineQueue {

	private final BlockingQueue<Line> queue;

	private final Partitioning partitioning;

	private final StoreMetrics metrics;

	LineQueue(int capacity, Partitioning partitioning, StoreMetrics metrics) {
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.partitioning = partitioning;
		this.metrics = metrics;
	}

	/** Hands over a line, waiting while the queue is full. */
	void put(long arrivalTimeMs, byte[] bytes, String service) throws InterruptedException {
		this.queue.put(new Line(this.partitioning.bucketOf(arrivalTimeMs), bytes, service, arrivalTimeMs));
		this.metrics.appended();
	}

	/** Hands over a line if there is room; never waits. */
	boolean offer(long arrivalTimeMs, byte[] bytes) {
		boolean taken = this.queue
			.offer(new Line(this.partitioning.bucketOf(arrivalTimeMs), bytes, null, arrivalTimeMs));
		if (taken) {
			this.metrics.appended();
		}
		return taken;
	}

	int drainTo(List<Line> batch, int max) {
		return this.queue.drainTo(batch, max);
	}

	boolean isEmpty() {
		return this.queue.isEmpty();
	}

	int size() {
		return this.queue.size();
	}

	boolean halfFull() {
		return this.queue.remainingCapacity() < this.queue.size();
	}

	/** A line, with its service when the store tallies them (raw lines). */
	record Line(long bucket, byte[] bytes, String service, long arrivalTimeMs) {
	}

}
