package org.healthmon.batch.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.batch.store.BatchStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last runs, newest last, kept on HDFS as JSON lines
 * ({@code {root}/batch/history.jsonl}) and replaced atomically after every run, so the
 * history survives restarts and any instance can show it.
 */
public class RunHistory {

	private static final Log log = LogFactory.getLog(RunHistory.class);

	private final BatchStore store;

	private final JsonMapper json;

	private final int size;

	private final Deque<BatchRun> runs = new ArrayDeque<>();

	private boolean loaded;

	public RunHistory(BatchStore store, JsonMapper json, int size) {
		this.store = store;
		this.json = json;
		this.size = size;
	}

	public String path() {
		return this.store.layout().root() + "/batch/history.jsonl";
	}

	/** The runs, newest first. */
	public synchronized List<BatchRun> runs() {
		loadOnce();
		List<BatchRun> newestFirst = new ArrayList<>(this.runs);
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	public synchronized Optional<BatchRun> lastSuccess() {
		return runs().stream().filter((run) -> run.outcome().isSuccess()).findFirst();
	}

	/** Adds a run and writes the history; a failure to write is logged, not thrown. */
	public synchronized void add(BatchRun run) {
		loadOnce();
		this.runs.addLast(run);
		while (this.runs.size() > this.size) {
			this.runs.removeFirst();
		}
		StringBuilder lines = new StringBuilder();
		for (BatchRun r : this.runs) {
			lines.append(this.json.writeValueAsString(r)).append('\n');
		}
		try {
			this.store.writeAtomically(path(), lines.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			log.warn("Could not write the run history " + path() + " (kept in memory): " + ex);
		}
	}

	private void loadOnce() {
		if (this.loaded) {
			return;
		}
		try {
			Optional<byte[]> bytes = this.store.read(path());
			List<BatchRun> stored = new ArrayList<>();
			if (bytes.isPresent()) {
				for (String line : new String(bytes.get(), StandardCharsets.UTF_8).split("\n")) {
					if (!line.isBlank()) {
						stored.add(this.json.readValue(line, BatchRun.class));
					}
				}
			}
			// Runs added while the store was unreadable come after the stored ones
			for (int i = stored.size() - 1; i >= 0 && this.runs.size() < this.size; i--) {
				this.runs.addFirst(stored.get(i));
			}
			this.loaded = true;
		}
		catch (IOException | JacksonException ex) {
			// Retried on the next access; runs added meanwhile are kept
			log.warn("Could not read the run history " + path() + ": " + ex);
		}
	}

}
