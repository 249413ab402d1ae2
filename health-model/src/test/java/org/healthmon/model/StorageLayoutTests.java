package org.healthmon.model;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StorageLayoutTests {

	private final StorageLayout layout = StorageLayout.defaults();

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "2026-11-22T23:59:59.999Z, /healthmon/raw/date=2026-11-22/hour=23",
			"2026-11-23T00:00:00.000Z, /healthmon/raw/date=2026-11-23/hour=00",
			"2026-11-22T04:59:59.999Z, /healthmon/raw/date=2026-11-22/hour=04",
			"2026-11-22T05:00:00.000Z, /healthmon/raw/date=2026-11-22/hour=05",
			"2026-12-31T23:59:59.999Z, /healthmon/raw/date=2026-12-31/hour=23",
			"2027-01-01T00:00:00.000Z, /healthmon/raw/date=2027-01-01/hour=00",
			"2028-02-29T12:30:00.000Z, /healthmon/raw/date=2028-02-29/hour=12",
			"1970-01-01T00:00:00.000Z, /healthmon/raw/date=1970-01-01/hour=00",
			"1969-12-31T23:59:59.999Z, /healthmon/raw/date=1969-12-31/hour=23" })
	void whenMessageArrivesThenItsRawPartitionIsTheUtcDateAndHour(String arrival, String partition) {
		assertThat(this.layout.rawPartition(Instant.parse(arrival).toEpochMilli())).isEqualTo(partition);
	}

	@Test
	void whenArrivalIsLastMillisecondOfADayThenTheRejectedPartitionIsThatDay() {
		long t = Instant.parse("2026-11-22T23:59:59.999Z").toEpochMilli();
		assertThat(this.layout.rejectedPartition(t)).isEqualTo("/healthmon/rejected/date=2026-11-22");
		assertThat(this.layout.rejectedPartition(t + 1)).isEqualTo("/healthmon/rejected/date=2026-11-23");
	}

	@Test
	void whenTimeIsInAnHourThenHourOfIsItsStart() {
		long hour = Instant.parse("2026-11-22T05:00:00Z").toEpochMilli();
		assertThat(StorageLayout.hourOf(hour)).isEqualTo(hour);
		assertThat(StorageLayout.hourOf(hour + 3_599_999)).isEqualTo(hour);
		assertThat(StorageLayout.hourOf(hour - 1)).isEqualTo(hour - 3_600_000);
		assertThat(StorageLayout.hourOf(-1)).isEqualTo(-3_600_000);
	}

	@Test
	void whenLayoutHasTheDefaultRootThenEveryPathIsUnderHealthmon() {
		assertThat(this.layout.root()).isEqualTo(StorageLayout.DEFAULT_ROOT).isEqualTo("/healthmon");
		assertThat(this.layout.rawDir()).isEqualTo("/healthmon/raw");
		assertThat(this.layout.rejectedDir()).isEqualTo("/healthmon/rejected");
		assertThat(this.layout.catalogFile("ingest-1")).isEqualTo("/healthmon/catalog/ingest-1.json");
		assertThat(this.layout.batchViewsDir()).isEqualTo("/healthmon/views/batch");
		assertThat(this.layout.realtimeViewsDir()).isEqualTo("/healthmon/views/realtime");
		assertThat(this.layout.manifestsDir()).isEqualTo("/healthmon/manifests");
		assertThat(this.layout.quarantineDir()).isEqualTo("/healthmon/quarantine");
	}

	@Test
	void whenLayoutHasAnotherRootThenEveryPathIsUnderIt() {
		StorageLayout custom = new StorageLayout("/data/hm");
		assertThat(custom.rawPartition(Instant.parse("2026-11-22T05:31:02Z").toEpochMilli()))
			.isEqualTo("/data/hm/raw/date=2026-11-22/hour=05");
		assertThat(custom.catalogFile("n2")).isEqualTo("/data/hm/catalog/n2.json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "healthmon", "healthmon/raw", "/healthmon/", "hdfs://nn:8020/healthmon" })
	void whenRootIsRelativeOrEndsWithASlashThenTheLayoutIsRefused(String root) {
		assertThatIllegalArgumentException().isThrownBy(() -> new StorageLayout(root)).withMessageContaining(root);
	}

}
