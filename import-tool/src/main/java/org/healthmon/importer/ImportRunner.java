package org.healthmon.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * Runs the import of the files named on the command line once the application has
 * started, logs its summary, and gives the process its exit code: {@value #EXIT_DONE}
 * done, {@value #EXIT_FAILED} failed (the store; re-run it), {@value #EXIT_BAD_INPUT} an
 * input cannot be read (nothing done), {@value #EXIT_REFUSED} refused (done before, or an
 * input is another import's; nothing done).
 */
final class ImportRunner implements ApplicationRunner, ExitCodeGenerator {

	static final int EXIT_DONE = 0;

	static final int EXIT_FAILED = 1;

	static final int EXIT_BAD_INPUT = 2;

	static final int EXIT_REFUSED = 3;

	private static final Log log = LogFactory.getLog(ImportRunner.class);

	private final Importer importer;

	private int exitCode = EXIT_FAILED;

	ImportRunner(Importer importer) {
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Path> files = args.getNonOptionArgs().stream().map(Path::of).toList();
		if (files.isEmpty()) {
			log.error("No files to import. Usage: java -jar import-tool.jar"
					+ " [--healthmon.import.hdfs.uri=hdfs://namenode:8020] FILE...");
			this.exitCode = EXIT_BAD_INPUT;
			return;
		}
		long start = System.nanoTime();
		try {
			Ledger done = this.importer.run(files);
			log.info(summary(done, (System.nanoTime() - start) / 1_000_000));
			this.exitCode = EXIT_DONE;
		}
		catch (BadInputException ex) {
			log.error("Import not started: " + ex.getMessage());
			this.exitCode = EXIT_BAD_INPUT;
		}
		catch (ImportRefusedException ex) {
			log.error("Import refused: " + ex.getMessage());
			this.exitCode = EXIT_REFUSED;
		}
		catch (IOException | RuntimeException ex) {
			log.error("Import failed; run it again with the same files to finish it", ex);
			this.exitCode = EXIT_FAILED;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/** The summary of an import: totals, then per input and per reason. */
	static String summary(Ledger ledger, long elapsedMs) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Import %s done: %,d records, %,d accepted, %,d rejected, %,d file(s) in %s, in %s (%,d records/s)%n",
				ledger.node(), ledger.records(), ledger.accepted(), ledger.records() - ledger.accepted(),
				ledger.files(), ledger.partition(), Progress.duration(elapsedMs),
				(elapsedMs > 0) ? ledger.records() * 1000 / elapsedMs : 0));
		for (Ledger.Input input : ledger.inputs()) {
			out.append(String.format(Locale.ROOT, "  %s (%s, %,d bytes): %,d records, %,d accepted, %,d rejected%s%n",
					input.name(), input.format().name().toLowerCase(Locale.ROOT).replace('_', '-'), input.bytes(),
					input.records(), input.accepted(), input.records() - input.accepted(), reasons(input.rejected())));
		}
		out.append("  rejected by reason:").append(ledger.rejected().isEmpty() ? " none" : "");
		ledger.rejected().forEach((reason, n) -> out.append(String.format(Locale.ROOT, " %s %,d", reason, n)));
		return out.toString();
	}

	private static String reasons(Map<String, Long> rejected) {
		return rejected.isEmpty() ? "" : " " + rejected;
	}

}
