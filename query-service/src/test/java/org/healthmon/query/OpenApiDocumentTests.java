package org.healthmon.query;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.healthmon.query.support.FixtureStore;
import org.healthmon.query.support.QueryApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI document ({@code query-service/openapi.json}, what clients such
 * as the UI follow) is the one the service serves. After a deliberate API change, write
 * the new one with {@code ./mvnw -pl query-service test -Dtest=OpenApiDocumentTests
 * -Dhealthmon.openapi.update=true} and commit it.
 */
class OpenApiDocumentTests {

	private static final Path COMMITTED = Path.of("openapi.json");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	@TempDir
	Path dir;

	@Test
	void whenTheServiceServesItsOpenApiDocumentThenItIsTheCommittedOne() throws Exception {
		try (QueryApp app = new QueryApp(new FixtureStore(this.dir.resolve("store")), this.dir.resolve("cache"))) {
			JsonNode served = QueryApp.parse(app.get("/v3/api-docs").body());
			// the server entry names this test's random port
			((tools.jackson.databind.node.ObjectNode) served).remove("servers");
			String text = JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n";
			if (Boolean.getBoolean("healthmon.openapi.update")) {
				Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
			}
			assertThat(served.at("/openapi").asString()).startsWith("3.1");
			assertThat(Files.exists(COMMITTED)).as("committed document " + COMMITTED.toAbsolutePath()).isTrue();
			assertThat(text)
				.as("the served OpenAPI document drifted from the committed openapi.json; if the change "
						+ "is meant, rerun with -Dhealthmon.openapi.update=true and commit the file")
				.isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
		}
	}

}
