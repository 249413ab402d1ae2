package org.healthmon.ui.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.healthmon.query.support.AppProcess;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The real alert service, from its built jar ({@code healthmon.it.alert-jar}, set by
 * failsafe from the pom), as a separate process ({@link AppProcess}) that reads a real
 * query service, evaluates every second and keeps its state under a temporary directory.
 */
public final class AlertServiceProcess {

	private AlertServiceProcess() {
	}

	/**
	 * Starts it against the query service at {@code queryBase}, and waits until ready.
	 * @param extra more arguments, e.g. rules
	 */
	public static AppProcess start(String queryBase, Path work, String... extra) throws IOException {
		List<String> args = new ArrayList<>(List.of("--healthmon.alerts.query-url=" + queryBase,
				"--healthmon.alerts.state-dir=" + work.resolve("state"), "--healthmon.alerts.interval=1s"));
		args.addAll(List.of(extra));
		return AppProcess.start("alert-service", "healthmon.it.alert-jar", work, args);
	}

	/**
	 * Waits until an evaluation has found {@link Fleet}'s {@code legacy} DOWN, and
	 * returns that answer of {@code GET /api/v1/alerts}.
	 */
	public static JsonNode awaitLegacyDown(AppProcess alerts) {
		JsonNode[] answer = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			answer[0] = alerts.json("/api/v1/alerts");
			for (JsonNode alert : answer[0].at("/alerts")) {
				if ("legacy".equals(alert.at("/service").asString()) && "down".equals(alert.at("/severity").asString())
						&& "firing".equals(alert.at("/state").asString())) {
					return true;
				}
			}
			return false;
		});
		return answer[0];
	}

}
