package org.healthmon.batch.run;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The schedule: a run every interval (measured from the end of the previous one). A tick
 * while a manually triggered run is in progress is skipped and logged by the runner.
 */
class BatchScheduler {

	private final BatchRunner runner;

	BatchScheduler(BatchRunner runner) {
		this.runner = runner;
	}

	@Scheduled(initialDelayString = "${healthmon.batch.initial-delay:10s}",
			fixedDelayString = "${healthmon.batch.interval:5m}")
	void tick() {
		this.runner.run(RunMode.AUTO, "scheduled");
	}

}
