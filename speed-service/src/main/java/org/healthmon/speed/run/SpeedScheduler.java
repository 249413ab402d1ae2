package org.healthmon.speed.run;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The schedule: a run right after the start and then {@code healthmon.speed.run-interval}
 * after the previous one ended (fixed delay: never two at once, and a slow run is not
 * followed by a burst). This is the scheduled task's top-level boundary: a failed run,
 * whatever the failure, is logged with its cause, and the next one starts over from the
 * manifests, which are never half-published. It catches {@code Exception}, not less:
 * Spark's Scala code throws checked exceptions (a failed job's {@code SparkException})
 * that no Java signature declares.
 */
class SpeedScheduler {

	private static final Log log = LogFactory.getLog(SpeedScheduler.class);

	private final SpeedRun run;

	SpeedScheduler(SpeedRun run) {
		this.run = run;
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${healthmon.speed.run-interval:250ms}")
	void runOnce() {
		try {
			RunOutcome outcome = this.run.runOnce();
			if (outcome.files() > 0) {
				log.info("Absorbed " + outcome.files() + " raw files (" + outcome.lines() + " lines, "
						+ outcome.badLines() + " bad) into sets " + outcome.state().sets().keySet());
			}
		}
		catch (Exception ex) {
			log.error("Speed run failed; the next run starts over from the manifests", ex);
		}
	}

}
