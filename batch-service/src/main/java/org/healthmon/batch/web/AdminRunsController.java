package org.healthmon.batch.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.Executor;

import org.healthmon.batch.BatchProperties;
import org.healthmon.batch.run.BatchRunner;
import org.healthmon.batch.run.RunMode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/runs[?full=true]}: starts a run (or a full recompute) now, in the
 * background; the run shows up in {@code /actuator/batchruns}. Requires the configured
 * admin token in {@code X-Healthmon-Admin-Token}; without a configured token the endpoint
 * is disabled.
 */
@RestController
@RequestMapping("/admin/runs")
class AdminRunsController {

	static final String TOKEN_HEADER = "X-Healthmon-Admin-Token";

	private final BatchRunner runner;

	private final byte[] token;

	private final Executor executor;

	AdminRunsController(BatchRunner runner, BatchProperties properties, Executor applicationTaskExecutor) {
		this.runner = runner;
		this.token = properties.adminToken().getBytes(StandardCharsets.UTF_8);
		this.executor = applicationTaskExecutor;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> trigger(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestParam(defaultValue = "false") boolean full) {
		if (this.token.length == 0) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("error", "disabled: no healthmon.batch.admin-token configured"));
		}
		if (token == null || !MessageDigest.isEqual(this.token, token.getBytes(StandardCharsets.UTF_8))) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(Map.of("error", "missing or wrong " + TOKEN_HEADER));
		}
		if (this.runner.isRunning()) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "a run is in progress"));
		}
		RunMode mode = full ? RunMode.FULL : RunMode.AUTO;
		this.executor.execute(() -> this.runner.run(mode, "manual"));
		return ResponseEntity.accepted().body(Map.of("accepted", true, "mode", mode.name().toLowerCase()));
	}

}
