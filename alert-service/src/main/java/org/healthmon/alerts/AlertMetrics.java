package org.healthmon.alerts;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.healthmon.alerts.eval.Board;

/**
 * {@code healthmon_alerts{service,resource,severity,state}}: 1 for each alert active
 * after the last evaluation (resource {@code none} for down), gone when it resolves.
 */
final class AlertMetrics implements Consumer<Board> {

	private final MultiGauge alerts;

	AlertMetrics(MeterRegistry registry) {
		this.alerts = MultiGauge.builder("healthmon.alerts")
			.description("alerts active now: 1 per alert, by service, resource, severity and state")
			.register(registry);
	}

	@Override
	public void accept(Board board) {
		List<MultiGauge.Row<?>> rows = board.alerts()
			.stream()
			.map((alert) -> MultiGauge.Row.of(
					Tags.of("service", alert.key().service(), "resource",
							(alert.key().resource() != null) ? alert.key().resource().label() : "none", "severity",
							alert.key().severity().label(), "state", alert.firing() ? "firing" : "pending"),
					1)).<MultiGauge.Row<?>>map((row) -> row)
			.toList();
		this.alerts.register(rows, true);
	}

}
