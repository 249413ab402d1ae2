package org.healthmon.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.healthmon.model.ArrivalWindow;
import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;
import org.healthmon.model.RejectReason;
import org.healthmon.model.ServiceCatalog;
import org.healthmon.model.StorageLayout;

/**
 * The reading and staging of one import: every input read by one of
 * {@code reader-threads} threads, each record checked against the import's
 * {@link ArrivalWindow} and service bound, formatted as a raw line with ingest time
 * {@code T0} into the thread's chunk, and the chunks handed to the
 * {@link StagedRawFiles}. Lines need no order inside or across files (only the files'
 * publishing does). Keeps the counts: per input, per reason, per service, and examples of
 * the rejected records.
 */
final class ImportRun {

	private static final int PROGRESS_EVERY = 4096;

	private final ImportProperties properties;

	private final Clock clock;

	private final Importer.Hooks hooks;

	private final StagedRawFiles staged;

	private final List<InputFile> inputs;

	private final long t0;

	private final ArrivalWindow window;

	private final DecodeResult.Rejected tooManyServices;

	private final Progress progress;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final Map<String, long[]> services = new TreeMap<>();

	private final Ledger.Input[] results;

	private final StringBuilder examples = new StringBuilder("file\tline\treason\tdetail\trecord\n");

	private final AtomicLong records = new AtomicLong();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicLong doneBytes = new AtomicLong();

	private final Set<MessageReader> reading = ConcurrentHashMap.newKeySet();

	private long examplesKept;

	private volatile boolean stopped;

	ImportRun(ImportProperties properties, Clock clock, Importer.Hooks hooks, StagedRawFiles staged,
			List<InputFile> inputs, long t0) {
		this.properties = properties;
		this.clock = clock;
		this.hooks = hooks;
		this.staged = staged;
		this.inputs = inputs;
		this.t0 = t0;
		this.window = properties.arrivalWindow();
		this.tooManyServices = new DecodeResult.Rejected(RejectReason.TOO_MANY_SERVICES,
				"the import holds its maximum of " + properties.maxServices() + " services (max-services)");
		this.progress = new Progress(inputs.stream().mapToLong(InputFile::bytes).sum(), properties.progressInterval(),
				clock);
		this.results = new Ledger.Input[inputs.size()];
	}

	/** Reads every input, on up to {@code reader-threads} threads. */
	void readAll() throws IOException {
		int threads = Math.min(this.properties.readerThreads(), this.inputs.size());
		if (threads <= 1) {
			for (int i = 0; i < this.inputs.size(); i++) {
				read(i);
			}
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "import-reader");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> reads = new ArrayList<>();
			// the longest first: the last input read alone is a short one
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < this.inputs.size(); i++) {
				order.add(i);
			}
			order.sort(java.util.Comparator.comparingLong((Integer i) -> this.inputs.get(i).weight()).reversed());
			for (int index : order) {
				reads.add(pool.submit(() -> {
					read(index);
					return null;
				}));
			}
			Throwable failure = null;
			for (Future<?> read : reads) {
				try {
					read.get();
				}
				catch (ExecutionException ex) {
					this.stopped = true;
					// the cause, not a reader that stopped because of it
					if (failure == null || failure instanceof Stopped) {
						failure = ex.getCause();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.stopped = true;
					throw new IOException("interrupted", ex);
				}
			}
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
		finally {
			pool.shutdownNow();
		}
	}

	private void read(int index) throws IOException {
		InputFile input = this.inputs.get(index);
		InputRead read = new InputRead(input);
		try (MessageReader reader = input.open(this.properties.legacyCpuUnit())) {
			read.reader = reader;
			this.reading.add(reader);
			reader.read(read);
			read.flush();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		finally {
			if (read.reader != null) {
				this.reading.remove(read.reader);
			}
		}
		this.doneBytes.addAndGet(input.bytes());
		read.merge();
		this.results[index] = new Ledger.Input(input.name(), input.bytes(), input.sha256(), input.format(),
				read.records, read.accepted, read.rejected);
	}

	/**
	 * Admits a service new to a reader: {@code false} when the import holds its maximum
	 * of services already.
	 */
	private boolean admit(String service) {
		if (this.admitted.contains(service)) {
			return true;
		}
		synchronized (this.admitted) {
			if (this.admitted.size() >= this.properties.maxServices() && !this.admitted.contains(service)) {
				return false;
			}
			this.admitted.add(service);
			return true;
		}
	}

	private synchronized void example(String file, long line, DecodeResult.Rejected why, Supplier<String> shown) {
		if (this.examplesKept < this.properties.rejectedExamples()) {
			this.examplesKept++;
			this.examples.append(tsv(file))
				.append('\t')
				.append(line)
				.append('\t')
				.append(why.reason().tag())
				.append('\t')
				.append(tsv(why.detail()))
				.append('\t')
				.append(tsv(shown.get()))
				.append('\n');
		}
	}

	private void progress() {
		long bytes = this.doneBytes.get();
		for (MessageReader reader : this.reading) {
			bytes += reader.bytesRead();
		}
		this.progress.maybeLog(this.records.get(), this.rejected.get(), bytes);
	}

	/** Logs the last progress line. */
	void logProgress() {
		this.progress.log(this.records.get(), this.rejected.get(), this.doneBytes.get());
	}

	long records() {
		return this.records.get();
	}

	long accepted() {
		return this.accepted.get();
	}

	/** Rejected records by reason tag, over all inputs. */
	Map<String, Long> rejected() {
		Map<String, Long> all = new TreeMap<>();
		for (Ledger.Input input : this.results) {
			input.rejected().forEach((reason, n) -> all.merge(reason, n, Long::sum));
		}
		return all;
	}

	/** Each input with its counts, in the order given. */
	List<Ledger.Input> inputs() {
		return Arrays.asList(this.results);
	}

	synchronized byte[] rejectedReport() {
		return this.examples.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The import's catalog: arrival times are the import's start. */
	synchronized ServiceCatalog catalog(String node, long files) {
		List<ServiceCatalog.Entry> entries = new ArrayList<>();
		this.services.forEach(
				(service, count) -> entries.add(new ServiceCatalog.Entry(service, this.t0, this.t0, count[0], 0, 0)));
		long cutoff = (files > 0) ? files : ServiceCatalog.RawProgress.NONE;
		return new ServiceCatalog(node, this.clock.millis(), entries,
				new ServiceCatalog.RawProgress(cutoff, StorageLayout.hourOf(this.t0)));
	}

	/** A value as one TSV field: tabs, line breaks and backslashes escaped. */
	static String tsv(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** A reader stopped because another one failed. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super("stopped: another input failed", null, false, false);
		}

	}

	/** The reading of one input, by one thread: its counts and its chunk of lines. */
	private final class InputRead implements RecordSink {

		private final InputFile input;

		private final Map<String, long[]> perService = new HashMap<>();

		private final Map<String, Long> rejected = new TreeMap<>();

		private final StringBuilder line = new StringBuilder(128);

		private final byte[] chunk = new byte[ImportRun.this.staged.chunkSize()];

		private int used;

		private MessageReader reader;

		private long records;

		private long accepted;

		InputRead(InputFile input) {
			this.input = input;
		}

		@Override
		public void accept(HealthMessage message, long lineNumber) {
			DecodeResult.Rejected outside = ImportRun.this.window.check(message.eventTimeMs(), ImportRun.this.t0);
			if (outside != null) {
				reject(outside, lineNumber, message::toString);
				return;
			}
			long[] count = this.perService.get(message.service());
			if (count == null) {
				if (!admit(message.service())) {
					reject(ImportRun.this.tooManyServices, lineNumber, message::toString);
					return;
				}
				count = new long[1];
				this.perService.put(message.service(), count);
			}
			this.line.setLength(0);
			RawCsv.append(this.line, new RawRecord(message, ImportRun.this.t0));
			int length = this.line.length();
			if (this.used + length > this.chunk.length) {
				flush();
			}
			// service names and numbers are ASCII: one byte a char (as ingest's RawStore)
			for (int i = 0; i < length; i++) {
				this.chunk[this.used++] = (byte) this.line.charAt(i);
			}
			count[0]++;
			this.accepted++;
			counted();
			ImportRun.this.hooks.staged(ImportRun.this.accepted.incrementAndGet());
		}

		@Override
		public void reject(DecodeResult.Rejected why, long lineNumber, Supplier<String> shown) {
			this.rejected.merge(why.reason().tag(), 1L, Long::sum);
			ImportRun.this.rejected.incrementAndGet();
			example(this.input.name(), lineNumber, why, shown);
			counted();
		}

		private void counted() {
			this.records++;
			if ((ImportRun.this.records.incrementAndGet() % PROGRESS_EVERY) == 0) {
				if (ImportRun.this.stopped) {
					throw new Stopped();
				}
				progress();
			}
		}

		void flush() {
			try {
				ImportRun.this.staged.write(this.chunk, this.used);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.used = 0;
		}

		void merge() {
			synchronized (ImportRun.this) {
				this.perService.forEach((service,
						count) -> ImportRun.this.services.computeIfAbsent(service, (s) -> new long[1])[0] += count[0]);
			}
		}

	}

}
