package org.healthmon.ui.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.healthmon.query.support.AppProcess;
import org.healthmon.ui.UiProperties;
import org.healthmon.ui.support.AlertServiceProcess;
import org.healthmon.ui.support.Backends;
import org.healthmon.ui.support.Fleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The typed client against the real alert service (its jar, another process), which reads
 * the real query service over {@link Fleet}'s views: every field its OpenAPI document
 * names arrives in the UI's own records, its problem details come through whole, and a
 * service that is gone is told apart from one that refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertClientIT {

	@TempDir
	static Path dir;

	private Backends backends;

	private AppProcess alerts;

	private AlertClient client;

	@BeforeAll
	void start() throws Exception {
		this.backends = Backends.start(dir);
		this.alerts = this.backends.alerts();
		this.client = client(this.alerts.base());
	}

	@AfterAll
	void stop() {
		if (this.backends != null) {
			this.backends.close();
		}
	}

	@Test
	void whenTheAlertsAreAskedThenEveryDocumentedFieldOfTheDownAlertArrives() {
		JsonNode raw = AlertServiceProcess.awaitLegacyDown(this.alerts);
		AlertsApi.Alerts now = this.client.alerts("legacy", "down");
		assertThat(now.evaluatedAt()).isNotNull();
		assertThat(now.through()).isNotNull();
		AlertsApi.ActiveAlert legacy = now.alerts().get(0);
		assertThat(now.alerts()).hasSize(1);
		JsonNode json = find(raw.at("/alerts"), "legacy");
		assertThat(legacy.service()).isEqualTo("legacy");
		assertThat(legacy.resource()).isNull();
		assertThat(legacy.severity()).isEqualTo("down");
		assertThat(legacy.state()).isEqualTo("firing");
		assertThat(legacy.firing()).isTrue();
		assertThat(legacy.since()).isEqualTo(time(json.at("/since")));
		assertThat(legacy.firedAt()).isEqualTo(time(json.at("/firedAt")));
		assertThat(legacy.lastSeen()).isEqualTo(time(json.at("/lastSeen")));
		assertThat(legacy.value()).isNull();
		assertThat(legacy.reason()).isEqualTo(json.at("/reason").asString()).startsWith("no message for ");
		// the catalog's timeout after the last message: DOWN since then
		assertThat(Duration.between(legacy.lastSeen(), legacy.since())).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void whenTheHistoryOfAWindowIsAskedThenItsTransitionsArrive() throws Exception {
		AlertServiceProcess.awaitLegacyDown(this.alerts);
		String from = this.backends.fleet().start().toString();
		String to = Instant.now().plus(Duration.ofMinutes(1)).toString();
		AlertsApi.History history = this.client.history(from, to, "legacy", null);
		JsonNode raw = this.alerts.json("/api/v1/alerts/history?from=" + from + "&to=" + to + "&service=legacy");
		assertThat(history.from()).isEqualTo(time(raw.at("/from")));
		assertThat(history.to()).isEqualTo(time(raw.at("/to")));
		assertThat(history.changes()).hasSize(raw.at("/changes").size()).hasSize(1);
		AlertsApi.Change fired = history.changes().get(0);
		assertThat(fired.service()).isEqualTo("legacy");
		assertThat(fired.resource()).isNull();
		assertThat(fired.severity()).isEqualTo("down");
		assertThat(fired.change()).isEqualTo("firing");
		assertThat(fired.fired()).isTrue();
		assertThat(fired.at()).isEqualTo(time(raw.at("/changes/0/at")));
		assertThat(fired.since()).isEqualTo(time(raw.at("/changes/0/since")));
		assertThat(fired.reason()).isEqualTo(raw.at("/changes/0/reason").asString());
	}

	@Test
	void whenAParameterIsWrongThenTheServicesProblemDetailComesThroughWhole() {
		assertThatExceptionOfType(AlertsRejectedException.class).isThrownBy(() -> this.client.alerts(null, "purple"))
			.satisfies((ex) -> {
				assertThat(ex.rejectedRequest()).isTrue();
				assertThat(ex.problem().status()).isEqualTo(400);
				assertThat(ex.problem().title()).isEqualTo("Bad parameter 'severity'");
				assertThat(ex.problem().parameter()).isEqualTo("severity");
				assertThat(ex.problem().value()).isEqualTo("purple");
				assertThat(ex.problem().detail()).contains("red, amber or down");
			});
		String start = this.backends.fleet().start().toString();
		String later = this.backends.fleet().start().plus(Duration.ofDays(40)).toString();
		assertThatExceptionOfType(AlertsRejectedException.class)
			.isThrownBy(() -> this.client.history(start, later, null, null))
			.satisfies((ex) -> assertThat(ex.problem().detail()).contains("at most 31 days"));
	}

	@Test
	void whenNothingListensAtTheAddressThenTheCallFailsAsUnreachable() throws Exception {
		AlertClient nowhere = client("http://127.0.0.1:" + AppProcess.freePort());
		assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> nowhere.alerts(null, null));
	}

	private static AlertClient client(String url) {
		UiProperties properties = new UiProperties(URI.create("http://localhost:8083"), URI.create(url),
				Duration.ofSeconds(2), Duration.ofSeconds(30), 120, Duration.ofMinutes(2), 50, Duration.ofHours(24));
		return new AlertClientConfiguration().alertClient(RestClient.builder(), properties,
				JsonMapper.builder().build());
	}

	private static JsonNode find(JsonNode alerts, String service) {
		for (JsonNode alert : alerts) {
			if (alert.at("/service").asString().equals(service)) {
				return alert;
			}
		}
		throw new AssertionError("no alert of " + service + " in " + alerts);
	}

	private static OffsetDateTime time(JsonNode node) {
		return OffsetDateTime.parse(node.asString());
	}

}
