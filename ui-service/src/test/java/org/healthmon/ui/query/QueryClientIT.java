package org.healthmon.ui.query;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.healthmon.query.support.QueryServiceProcess;
import org.healthmon.ui.UiProperties;
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
 * The typed client against the real query service (its jar, another process): every field
 * the OpenAPI document names arrives in the UI's own records, the service's problem
 * details come through whole, and a service that is gone is told apart from one that
 * refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryClientIT {

	@TempDir
	static Path dir;

	private QueryServiceProcess query;

	private Fleet fleet;

	private QueryClient client;

	@BeforeAll
	void start() throws Exception {
		this.fleet = Fleet.write(dir.resolve("store"), Instant.now());
		this.query = QueryServiceProcess.start(this.fleet.root(), dir.resolve("query"), Fleet.SERVICE_TIMEOUT);
		this.client = client(this.query.base());
	}

	@AfterAll
	void stop() {
		if (this.query != null) {
			this.query.close();
		}
	}

	@Test
	void whenAnalyticsAreAskedThenEveryDocumentedFieldArrives() throws Exception {
		String from = this.fleet.start().plus(Duration.ofMinutes(20)).toString();
		String to = this.fleet.end().toString();
		QueryApi.Analytics analytics = this.client.analytics(from, to, null);
		JsonNode raw = this.query.json("/api/v1/analytics?from=" + from + "&to=" + to);

		assertThat(analytics.window().from()).isEqualTo(time(raw.at("/window/from")));
		assertThat(analytics.window().minutes()).isEqualTo(raw.at("/window/minutes").asLong());
		assertThat(analytics.services()).hasSize(raw.at("/services").size()).hasSize(4);
		for (int i = 0; i < analytics.services().size(); i++) {
			QueryApi.ServiceAnalytics service = analytics.services().get(i);
			JsonNode json = raw.at("/services/" + i);
			assertThat(service.service()).isEqualTo(json.at("/service").asString());
			assertThat(service.messages()).isEqualTo(json.at("/messages").asLong());
			assertResource(service.cpu(), json.at("/cpu"));
			assertResource(service.ram(), json.at("/ram"));
			assertResource(service.disk(), json.at("/disk"));
		}
		QueryApi.Sources sources = analytics.sources();
		assertThat(sources.batch().version()).isEqualTo(3);
		assertThat(sources.batch().cutoff()).containsEntry("ingest-1", 40L);
		assertThat(sources.batch().rows()).isEqualTo(raw.at("/sources/batch/rows").asLong());
		assertThat(sources.realtime().set()).isEqualTo("b");
		assertThat(sources.realtime().version()).isEqualTo(17);
		assertThat(sources.realtime().absorbed()).containsEntry("ingest-1", 52L);
		assertThat(sources.covered()).containsEntry("ingest-1", 52L);
		assertThat(sources.dataAsOf()).isEqualTo(time(raw.at("/sources/dataAsOf")));
		assertThat(sources.ageSeconds()).isNotNull().isNotNegative();
	}

	@Test
	void whenASeriesIsAskedThenItsStepsAndPointsArrive() {
		String from = this.fleet.start().toString();
		String to = this.fleet.end().toString();
		QueryApi.Series series = this.client.series(from, to, "15m", "checkout");
		assertThat(series.step()).isEqualTo("PT15M");
		assertThat(series.stepSeconds()).isEqualTo(900);
		assertThat(series.services()).singleElement().satisfies((s) -> {
			assertThat(s.service()).isEqualTo("checkout");
			assertThat(s.points()).hasSize(12);
			assertThat(s.points()).allSatisfy((p) -> assertThat(p.messages()).isEqualTo(90));
			assertThat(s.points().get(0).start().toInstant()).isEqualTo(this.fleet.start());
		});
	}

	@Test
	void whenTheCatalogIsAskedThenEachServicesStatusArrives() {
		QueryApi.Services catalog = this.client.services(null);
		assertThat(catalog.downAfterSeconds()).isEqualTo(3600);
		assertThat(catalog.updatedAt()).isNotNull();
		assertThat(catalog.services()).extracting(QueryApi.ServiceStatus::service)
			.containsExactly("checkout", "legacy", "payments", "search");
		assertThat(catalog.services()).filteredOn(QueryApi.ServiceStatus::up)
			.extracting(QueryApi.ServiceStatus::service)
			.containsExactly("checkout", "payments", "search");
		assertThat(catalog.services().get(0).messages()).isEqualTo(1080);
	}

	@Test
	void whenTheWindowIsReversedThenTheServicesProblemDetailComesThroughWhole() {
		String from = this.fleet.end().toString();
		String to = this.fleet.start().toString();
		assertThatExceptionOfType(QueryRejectedException.class).isThrownBy(() -> this.client.analytics(from, to, null))
			.satisfies((ex) -> {
				assertThat(ex.rejectedRequest()).isTrue();
				assertThat(ex.problem().status()).isEqualTo(400);
				assertThat(ex.problem().title()).isEqualTo("Bad parameter 'to'");
				assertThat(ex.problem().parameter()).isEqualTo("to");
				assertThat(ex.problem().value()).isEqualTo(to);
				assertThat(ex.problem().detail()).contains("must be later than 'from'");
			});
		assertThatExceptionOfType(QueryRejectedException.class)
			.isThrownBy(
					() -> this.client.series(this.fleet.start().toString(), this.fleet.end().toString(), "7s", null))
			.satisfies((ex) -> assertThat(ex.problem().parameter()).isEqualTo("step"));
	}

	@Test
	void whenNothingListensAtTheAddressThenTheCallFailsAsUnreachable() throws Exception {
		QueryClient nowhere = client("http://127.0.0.1:" + QueryServiceProcess.freePort());
		assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> nowhere.services(null));
	}

	private static QueryClient client(String url) {
		UiProperties properties = new UiProperties(java.net.URI.create(url),
				java.net.URI.create("http://localhost:8086"), Duration.ofSeconds(2), Duration.ofSeconds(30), 120,
				Duration.ofMinutes(2), 50, Duration.ofHours(24));
		return new QueryClientConfiguration().queryClient(RestClient.builder(), properties,
				JsonMapper.builder().build());
	}

	private static void assertResource(QueryApi.Resource resource, JsonNode json) {
		assertThat(resource.mean()).isEqualTo(json.at("/mean").asDouble());
		assertThat(resource.peak()).isEqualTo(json.at("/peak").asDouble());
		assertThat(resource.peakAt()).isEqualTo(time(json.at("/peakAt")));
	}

	private static OffsetDateTime time(JsonNode node) {
		return OffsetDateTime.parse(node.asString());
	}

}
