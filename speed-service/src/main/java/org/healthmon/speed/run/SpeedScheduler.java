package org.healthmon.speed.run;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Triggers a run right after the start and then {@code healthmon.speed.run-interval}
 * after the previous one ended (fixed delay: never two at once, and a slow run is not
 * followed by a burst). A failed run is logged with its cause; the next one starts over
 * from the manifests, which are never half-published.
 */
class SpeedScheduler implements SchedulingConfigurer {

	private static final Log log = LogFactory.getLog(SpeedScheduler.class);

	private final SpeedRun run;

	private final Duration interval;

	SpeedScheduler(SpeedRun run, Duration interval) {
		this.run = run;
		this.interval = interval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::runOnce, this.interval, Duration.ZERO));
	}

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
