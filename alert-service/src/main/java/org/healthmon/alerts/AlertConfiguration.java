package org.healthmon.alerts;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.healthmon.alerts.eval.Board;
import org.healthmon.alerts.notify.AlertmanagerNotifier;
import org.healthmon.alerts.query.QueryClient;
import org.healthmon.alerts.rules.RuleBook;
import org.healthmon.alerts.state.StateFile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestClient;

/**
 * The alert service's parts: the rules (checked here, at start-up), the query client, the
 * state file, the evaluation cycle with its listeners (metrics, and Alertmanager when
 * {@code healthmon.alerts.alertmanager.url} is set), and its schedule.
 */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

	private static final Log log = LogFactory.getLog(AlertConfiguration.class);

	@Bean
	RuleBook ruleBook(AlertProperties properties) {
		return new RuleBook(properties);
	}

	@Bean
	QueryClient queryClient(RestClient.Builder builder, AlertProperties properties) {
		return QueryClient.create(builder, properties.queryUrl(), properties.connectTimeout(),
				properties.readTimeout());
	}

	@Bean
	AlertMetrics alertMetrics(MeterRegistry registry) {
		return new AlertMetrics(registry);
	}

	@Bean(destroyMethod = "close")
	AlertmanagerNotifier alertmanagerNotifier(AlertProperties properties, MeterRegistry registry) {
		AlertProperties.Alertmanager settings = properties.alertmanager();
		if (settings.url() == null) {
			log.info("No Alertmanager (healthmon.alerts.alertmanager.url): alerts are served and exported only");
			return null;
		}
		return new AlertmanagerNotifier(settings.url(), properties.interval(), settings.resend(),
				settings.keepResolved(), settings.timeout(), settings.attempts(), registry);
	}

	@Bean
	AlertCycle alertCycle(QueryClient query, RuleBook rules, AlertProperties properties, AlertMetrics metrics,
			ObjectProvider<AlertmanagerNotifier> notifier) throws IOException {
		List<Consumer<Board>> listeners = new ArrayList<>(List.of(metrics));
		notifier.ifAvailable(listeners::add);
		return new AlertCycle(query, rules, new StateFile(properties.stateDir()), properties, Clock.systemUTC(),
				listeners);
	}

	@Bean
	EvaluationHealthIndicator alertEvaluationHealthIndicator(AlertProperties properties) {
		return new EvaluationHealthIndicator(properties.interval());
	}

	@Bean
	Schedule schedule(AlertCycle cycle, EvaluationHealthIndicator health, MeterRegistry registry) {
		return new Schedule(cycle, health,
				Timer.builder("healthmon.alerts.evaluation")
					.description("one evaluation of every alert: read the series and catalog, evaluate, save")
					.publishPercentiles(0.5, 0.95)
					.register(registry));
	}

	/**
	 * Runs the cycle every {@code healthmon.alerts.interval}, and records how it went.
	 */
	static final class Schedule {

		private final AlertCycle cycle;

		private final EvaluationHealthIndicator health;

		private final Timer timer;

		Schedule(AlertCycle cycle, EvaluationHealthIndicator health, Timer timer) {
			this.cycle = cycle;
			this.health = health;
			this.timer = timer;
		}

		@Scheduled(fixedDelayString = "${healthmon.alerts.interval:15s}", initialDelayString = "1s")
		void evaluate() {
			long start = System.nanoTime();
			try {
				Board board = this.cycle.run();
				this.timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				this.health.succeeded(board);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("An evaluation of the alerts failed; the alerts keep their state: " + ex);
				this.health.failed(ex);
			}
		}

	}

}
