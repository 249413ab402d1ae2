package org.healthmon.batch.run;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.healthmon.batch.store.BatchStore;
import org.healthmon.model.BatchManifest;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/batchruns}: the run history (newest first), whether a run is in
 * progress, and the published manifest.
 */
@Endpoint(id = "batchruns")
public class BatchRunsEndpoint {

	private final RunHistory history;

	private final BatchRunner runner;

	private final BatchStore store;

	BatchRunsEndpoint(RunHistory history, BatchRunner runner, BatchStore store) {
		this.history = history;
		this.runner = runner;
		this.store = store;
	}

	@ReadOperation
	public Map<String, Object> runs() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("running", this.runner.isRunning());
		try {
			body.put("published", this.store.batchManifest().map(BatchRunsEndpoint::describe).orElse(null));
		}
		catch (IOException | RuntimeException ex) {
			body.put("published", "unreadable: " + ex);
		}
		List<BatchRun> runs = this.history.runs();
		body.put("runs", runs);
		return body;
	}

	private static Map<String, Object> describe(BatchManifest manifest) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("version", manifest.version());
		described.put("cutoff", manifest.cutoff().seqByNode());
		described.put("path", manifest.path());
		described.put("rows", manifest.rows());
		described.put("minMinute", manifest.minMinute());
		described.put("maxMinute", manifest.maxMinute());
		described.put("createdAtMs", manifest.createdAtMs());
		return described;
	}

}
