package org.healthmon.query;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no namenode behind its {@code hdfs://} address, the query service still starts,
 * and a request that must read the store gets a 503 problem detail, not a 500.
 */
class StoreUnreachableTests {

	@TempDir
	Path dir;

	@Test
	void whenTheNamenodeIsDownThenServicesAnswers503WithAProblemDetail() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QueryApplication.class).run(
				"--server.port=0", "--healthmon.query.hdfs.uri=hdfs://localhost:" + closed,
				"--healthmon.query.cache-dir=" + this.dir)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/services")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = JsonMapper.builder().build().readTree(response.body());
			assertThat(problem.at("/title").asString()).isEqualTo("Store unavailable");
			assertThat(problem.at("/detail").asString()).startsWith("the store could not be read: ")
				.contains("localhost:" + closed);
		}
	}

}
