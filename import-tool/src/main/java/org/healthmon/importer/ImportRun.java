package org.healthmon.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.healthmon.model.ArrivalWindow;
import org.healthmon.model.DecodeResult;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.RawCsv;
import org.healthmon.model.RawRecord;
import org.healthmon.model.ServiceCatalog;

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

	private final Progress progress;

	private final ImportedServices services;

	private final Ledger.Input[] results;

	private final RejectedExamples examples;

	private final AtomicLong records = new AtomicLong();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicLong doneBytes = new AtomicLong();

	private final Set<MessageReader> reading = ConcurrentHashMap.newKeySet();

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
		this.services = new ImportedServices(properties.maxServices());
		this.progress = new Progress(inputs.stream().mapToLong(InputFile::bytes).sum(), properties.progressInterval(),
				clock);
		this.results = new Ledger.Input[inputs.size()];
		this.examples = new RejectedExamples(properties.rejectedExamples());
	}

	/** Reads every input, on up to {@code reader-threads} threads, the longest first. */
	void readAll() throws IOException {
		List<Long> weights = this.inputs.stream().map(InputFile::weight).toList();
		ReaderPool.readAll(this.properties.readerThreads(), weights, this::read, () -> this.stopped = true);
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

	byte[] rejectedReport() {
		return this.examples.report();
	}

	/** The import's catalog: arrival times are the import's start. */
	ServiceCatalog catalog(String node, long files) {
		return this.services.catalog(node, files, this.t0, this.clock.millis());
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
				if (!ImportRun.this.services.admit(message.service())) {
					reject(ImportRun.this.services.tooMany(), lineNumber, message::toString);
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
			ImportRun.this.examples.add(this.input.name(), lineNumber, why, shown);
			counted();
		}

		private void counted() {
			this.records++;
			if ((ImportRun.this.records.incrementAndGet() % PROGRESS_EVERY) == 0) {
				if (ImportRun.this.stopped) {
					throw new ReaderPool.Stopped();
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
			ImportRun.this.services.add(this.perService);
		}

	}

}
