package org.healthmon.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceCatalogTests {

	private static final ServiceCatalog CATALOG = new ServiceCatalog("ingest-0", 1763789462123L,
			List.of(new ServiceCatalog.Entry("PRINTER", 1763789000000L, 1763789462000L, 1234, 5, 2),
					new ServiceCatalog.Entry("orders", 1L, Long.MAX_VALUE, Long.MAX_VALUE, 0, 0)));

	@Test
	void whenCatalogIsWrittenThenItReadsBackEqual() throws IOException {
		assertThat(ServiceCatalog.fromJson(CATALOG.toJson())).isEqualTo(CATALOG);
	}

	@Test
	void whenCatalogHasRawProgressAndSequencesThenTheyReadBackEqual() throws IOException {
		ServiceCatalog catalog = new ServiceCatalog("ingest-0", 5,
				List.of(new ServiceCatalog.Entry("a", 1, 2, 3, 4, 5, Long.MAX_VALUE, 7, 9),
						new ServiceCatalog.Entry("b", 1, 2, 3, 0, 0)),
				new ServiceCatalog.RawProgress(1763789462000L, 1763787600000L));
		assertThat(ServiceCatalog.fromJson(catalog.toJson())).isEqualTo(catalog);
		assertThat(catalog.services().get(1).lastSeq()).isEqualTo(HealthMessage.NO_SEQ);
		assertThat(new String(catalog.toJson(), StandardCharsets.UTF_8)).contains("\"rawCutoff\" : 1763789462000",
				"\"lastSeq\" : " + Long.MAX_VALUE);
	}

	@Test
	void whenCatalogHasNoRawProgressThenItsProgressIsUnknown() throws IOException {
		assertThat(ServiceCatalog.fromJson(CATALOG.toJson()).raw()).isEqualTo(ServiceCatalog.RawProgress.UNKNOWN);
		assertThat(ServiceCatalog.RawProgress.UNKNOWN.isKnown()).isFalse();
		assertThat(new ServiceCatalog.RawProgress(ServiceCatalog.RawProgress.NONE, 0).isKnown()).isTrue();
	}

	@Test
	void whenCatalogIsEmptyThenItReadsBackEqual() throws IOException {
		ServiceCatalog empty = new ServiceCatalog("n", 0, List.of());
		assertThat(ServiceCatalog.fromJson(empty.toJson())).isEqualTo(empty);
	}

	@Test
	void whenCatalogIsWrittenThenItIsReadableJsonWithNamedFields() {
		assertThat(new String(CATALOG.toJson(), StandardCharsets.UTF_8)).contains("\"nodeId\" : \"ingest-0\"",
				"\"updatedAtMs\" : 1763789462123", "\"service\" : \"PRINTER\"", "\"lost\" : 5", "\"duplicates\" : 2");
	}

	@Test
	void whenCatalogIsMadeThenItsServicesCannotChange() {
		List<ServiceCatalog.Entry> entries = new ArrayList<>(CATALOG.services());
		ServiceCatalog catalog = new ServiceCatalog("n", 0, entries);
		entries.clear();
		assertThat(catalog.services()).hasSize(2);
		assertThat(catalog.services()).isUnmodifiable();
	}

	@Test
	void whenCatalogHasUnknownFieldsThenTheyAreIgnored() throws IOException {
		String json = """
				{"version":2,"nodeId":"n","extra":{"a":[1,2]},"updatedAtMs":5,
				 "services":[{"service":"s","firstSeenMs":1,"rate":{"x":1},"lastSeenMs":2,"messages":3,"lost":4,"duplicates":5}]}""";
		assertThat(ServiceCatalog.fromJson(json.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new ServiceCatalog("n", 5, List.of(new ServiceCatalog.Entry("s", 1, 2, 3, 4, 5))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "garbage", "[]", "42", "null", "{}", "{\"updatedAtMs\":5}",
			"{\"nodeId\":\"n\",\"updatedAtMs\":\"yesterday\"}", "{\"nodeId\":\"n\",\"services\":{}}",
			"{\"nodeId\":\"n\",\"services\":[{\"messages\":3}]}",
			"{\"nodeId\":\"n\",\"services\":[{\"service\":\"s\",\"messages\":\"many\"}]}",
			"{\"nodeId\":\"n\",\"services\":[{\"service\":\"s\"}", "{\"nodeId\":\"n\"",
			"{\"nodeId\":\"n\",\"services\":[1]}", "{\"nodeId\":\"n\",\"services\":[1,{\"service\":\"s\"}]}",
			"{\"nodeId\":{\"x\":\"y\"}}", "{\"nodeId\":null}", "{\"nodeId\":42}",
			"{\"nodeId\":\"n\",\"services\":[{\"service\":[\"s\"]}]}", "{\"nodeId\":\"n\"} {}",
			"{\"nodeId\":\"n\"} garbage" })
	void whenBytesAreNotACatalogThenReadingThrowsIOException(String json) {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> ServiceCatalog.fromJson(json.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void whenBytesAreNotEvenTextThenReadingThrowsIOException() {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> ServiceCatalog.fromJson(new byte[] { (byte) 0xFF, (byte) 0xFE, 0, 1 }));
	}

}
