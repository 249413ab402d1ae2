package org.healthmon.importer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads an import's inputs on a few threads, the longest first (so the last input read
 * alone is a short one), and reports the failure that stopped the import, not a reader
 * that stopped because of it.
 */
final class ReaderPool {

	private ReaderPool() {
	}

	/** The reading of one input, by its index. */
	interface Read {

		void read(int index) throws IOException;

	}

	/**
	 * Reads every input; on one thread when there is one thread or one input.
	 * @param threads the most threads
	 * @param weights each input's size, the order of reading
	 * @param read reads one input
	 * @param stop tells the other readers to stop, when one failed
	 */
	static void readAll(int threads, List<Long> weights, Read read, Runnable stop) throws IOException {
		int used = Math.min(threads, weights.size());
		if (used <= 1) {
			for (int i = 0; i < weights.size(); i++) {
				read.read(i);
			}
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(used, (task) -> {
			Thread thread = new Thread(task, "import-reader");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < weights.size(); i++) {
				order.add(i);
			}
			order.sort(Comparator.comparingLong((Integer i) -> weights.get(i)).reversed());
			List<Future<?>> reads = new ArrayList<>();
			for (int index : order) {
				reads.add(pool.submit(() -> {
					read.read(index);
					return null;
				}));
			}
			rethrow(await(reads, stop));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Throwable await(List<Future<?>> reads, Runnable stop) throws IOException {
		Throwable failure = null;
		for (Future<?> read : reads) {
			try {
				read.get();
			}
			catch (ExecutionException ex) {
				stop.run();
				if (failure == null || failure instanceof Stopped) {
					failure = ex.getCause();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				stop.run();
				throw new IOException("interrupted", ex);
			}
		}
		return failure;
	}

	private static void rethrow(Throwable failure) throws IOException {
		if (failure instanceof IOException io) {
			throw io;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure != null) {
			throw new IOException(failure);
		}
	}

	/** A reader stopped because another one failed. */
	static final class Stopped extends RuntimeException {

		Stopped() {
			super("stopped: another input failed", null, false, false);
		}

	}

}
