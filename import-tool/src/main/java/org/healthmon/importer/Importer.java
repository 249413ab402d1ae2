package org.healthmon.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;

import org.healthmon.model.StorageLayout;

/**
 * One run of {@code healthmon import} (docs/architecture.md §4.6):
 * <ol>
 * <li>inspect the inputs and digest them: the import node is
 * {@code import.<12 hex of the SHA-256 over their sorted SHA-256s>};</li>
 * <li>read the ledgers: the same import DONE, or an input another import holds, is
 * refused; the same import in WRITING starts over, in PUBLISHING is finished;</li>
 * <li>ledger WRITING; read, validate and stage every record as a raw line with ingest
 * time {@code T0}, the import's start;</li>
 * <li>ledger PUBLISHING; rename the staged files, in sequence order and never over a
 * file, into {@code T0}'s raw partition;</li>
 * <li>publish the import's catalog; ledger DONE.</li>
 * </ol>
 */
final class Importer {

	private static final Log log = LogFactory.getLog(Importer.class);

	/** The prefix of every import node id. */
	static final String NODE_PREFIX = "import.";

	private final ImportStore store;

	private final StorageLayout layout;

	private final ImportProperties properties;

	private final Clock clock;

	private final Hooks hooks;

	Importer(FileSystem fs, StorageLayout layout, ImportProperties properties) throws IOException {
		this(fs, layout, properties, Clock.systemUTC(), Hooks.NONE);
	}

	Importer(FileSystem fs, StorageLayout layout, ImportProperties properties, Clock clock, Hooks hooks)
			throws IOException {
		this.store = new ImportStore(fs, layout);
		this.layout = layout;
		this.properties = properties;
		this.clock = clock;
		this.hooks = hooks;
	}

	/**
	 * Points where tests stop an import as a crash would (by throwing): nothing is
	 * cleaned up after them.
	 */
	interface Hooks {

		Hooks NONE = new Hooks() {
		};

		/** After each accepted record has been staged, with how many were. */
		default void staged(long accepted) {
		}

		/** After each file has been published. */
		default void published(long seq) {
		}

	}

	/**
	 * Imports the files.
	 * @return the import's ledger, DONE
	 * @throws BadInputException when an input cannot be read
	 * @throws ImportRefusedException when the import was done before, or an input is
	 * another import's
	 */
	Ledger run(List<Path> paths) throws IOException {
		long start = System.nanoTime();
		List<InputFile> inputs = inspect(paths);
		log.info(String.format(java.util.Locale.ROOT, "Inspected and digested %d file(s), %,d bytes, in %,d ms",
				inputs.size(), inputs.stream().mapToLong(InputFile::bytes).sum(),
				(System.nanoTime() - start) / 1_000_000));
		String node = nodeId(inputs);
		refuseOverlaps(node, inputs);
		Optional<Ledger> existing = this.store.read(node);
		Ledger ledger;
		if (existing.isPresent() && existing.get().state() == Ledger.State.DONE) {
			Ledger done = existing.get();
			throw new ImportRefusedException("these inputs were imported already, as " + node + " at "
					+ java.time.Instant.ofEpochMilli(done.startedAtMs()) + " (" + done.accepted() + " records; ledger "
					+ this.store.ledger(node) + "): nothing done");
		}
		if (existing.isPresent() && existing.get().state() == Ledger.State.PUBLISHING) {
			ledger = existing.get();
			log.info("Import " + node + " was stopped while publishing: finishing it (" + ledger.files()
					+ " files into " + ledger.partition() + ")");
		}
		else {
			if (existing.isPresent()) {
				log.info("Import " + node + " was stopped while writing, nothing of it published: starting over");
			}
			this.store.fs().delete(this.store.dir(node), true);
			ledger = write(node, inputs);
		}
		publish(ledger);
		publishCatalog(ledger);
		Ledger done = ledger.with(Ledger.State.DONE, ledger.files(), this.clock.millis());
		this.store.write(done);
		this.store.fs().delete(this.store.staging(node), true);
		return done;
	}

	/** Inspects and digests the inputs, on up to {@code reader-threads} threads. */
	private List<InputFile> inspect(List<Path> paths) throws IOException {
		ExecutorService pool = Executors
			.newFixedThreadPool(Math.max(1, Math.min(this.properties.readerThreads(), paths.size())));
		try {
			List<Future<InputFile>> inspected = new ArrayList<>();
			for (Path path : paths) {
				inspected.add(pool.submit(() -> InputFile.inspect(path, this.properties.format())));
			}
			List<InputFile> inputs = new ArrayList<>();
			for (Future<InputFile> input : inspected) {
				try {
					inputs.add(input.get());
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof IOException io) {
						throw io;
					}
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new IOException(ex.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted", ex);
				}
			}
			return inputs;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** {@code import.} and 12 hex of the SHA-256 over the inputs' sorted SHA-256s. */
	static String nodeId(List<InputFile> inputs) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		inputs.stream()
			.map(InputFile::sha256)
			.sorted()
			.forEach((sha) -> digest.update((sha + "\n").getBytes(StandardCharsets.US_ASCII)));
		return NODE_PREFIX + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
	}

	/**
	 * Refuses inputs of the same content twice, and inputs another import holds, in any
	 * state (one in WRITING may still publish them).
	 */
	private void refuseOverlaps(String node, List<InputFile> inputs) throws IOException {
		Map<String, String> bySha = new HashMap<>();
		for (InputFile input : inputs) {
			String other = bySha.putIfAbsent(input.sha256(), input.name());
			if (other != null) {
				throw new ImportRefusedException(
						input.name() + " and " + other + " have the same content: their records would count twice");
			}
		}
		for (Ledger ledger : this.store.all()) {
			if (ledger.node().equals(node)) {
				continue;
			}
			for (Ledger.Input held : ledger.inputs()) {
				String mine = bySha.get(held.sha256());
				if (mine != null) {
					String advice = (ledger.state() == Ledger.State.DONE) ? "its records are in the store already"
							: "it is unfinished (" + ledger.state() + "): re-run it with its own inputs, or delete "
									+ this.store.ledger(ledger.node()) + " if it is abandoned";
					throw new ImportRefusedException(mine + " is the same file as " + held.name() + " of import "
							+ ledger.node() + ": " + advice + "; nothing done");
				}
			}
		}
	}

	/** Reads, validates and stages every record; returns the ledger PUBLISHING. */
	private Ledger write(String node, List<InputFile> inputs) throws IOException {
		long t0 = this.clock.millis();
		String partition = this.layout.rawPartition(t0);
		List<Ledger.Input> pending = inputs.stream()
			.map((in) -> new Ledger.Input(in.name(), in.bytes(), in.sha256(), in.format(), 0, 0, Map.of()))
			.toList();
		this.store.write(new Ledger(node, Ledger.State.WRITING, t0, partition, 0, 0, 0, Map.of(), pending, t0));
		log.info("Importing " + inputs.size() + " file(s) as " + node + " into " + partition);
		this.store.fs().mkdirs(this.store.staging(node));
		ImportRun run;
		long files;
		try (StagedRawFiles staged = new StagedRawFiles(this.store.fs(), this.store.staging(node), node,
				this.properties.fileSize().toBytes())) {
			run = new ImportRun(this.properties, this.clock, this.hooks, staged, inputs, t0);
			run.readAll();
			staged.close();
			files = staged.files();
		}
		this.store.replace(this.store.rejectedReport(node), run.rejectedReport());
		this.store.replace(this.store.stagedCatalog(node), run.catalog(node, files).toJson());
		Ledger publishing = new Ledger(node, Ledger.State.PUBLISHING, t0, partition, files, run.records(),
				run.accepted(), run.rejected(), run.inputs(), this.clock.millis());
		this.store.write(publishing);
		run.logProgress();
		return publishing;
	}

	/**
	 * Renames the staged files into the partition in sequence order, never over a file.
	 * After a crash, the published ones are a prefix and the staged ones the rest.
	 */
	private void publish(Ledger ledger) throws IOException {
		FileSystem fs = this.store.fs();
		org.apache.hadoop.fs.Path partition = new org.apache.hadoop.fs.Path(ledger.partition());
		fs.mkdirs(partition);
		org.apache.hadoop.fs.Path staging = this.store.staging(ledger.node());
		for (long seq = 1; seq <= ledger.files(); seq++) {
			String name = StagedRawFiles.name(ledger.node(), seq);
			org.apache.hadoop.fs.Path staged = new org.apache.hadoop.fs.Path(staging, name);
			org.apache.hadoop.fs.Path published = new org.apache.hadoop.fs.Path(partition, name);
			if (fs.exists(staged)) {
				// no OVERWRITE: a file published before is never replaced
				this.store.files().rename(staged, published, Options.Rename.NONE);
				this.hooks.published(seq);
			}
			else if (!fs.exists(published)) {
				throw new IOException("file " + seq + " of " + ledger.node() + " is neither staged in " + staging
						+ " nor published in " + partition + "; the import cannot be finished");
			}
		}
		log.info("Published " + ledger.files() + " file(s) of " + ledger.node() + " into " + ledger.partition());
	}

	private void publishCatalog(Ledger ledger) throws IOException {
		org.apache.hadoop.fs.Path staged = this.store.stagedCatalog(ledger.node());
		org.apache.hadoop.fs.Path catalog = new org.apache.hadoop.fs.Path(this.layout.catalogFile(ledger.node()));
		if (this.store.fs().exists(staged)) {
			this.store.fs().mkdirs(catalog.getParent());
			this.store.files().rename(staged, catalog, Options.Rename.OVERWRITE);
		}
		else if (!this.store.fs().exists(catalog)) {
			throw new IOException("the catalog of " + ledger.node() + " is neither staged (" + staged
					+ ") nor published (" + catalog + ")");
		}
	}

}
