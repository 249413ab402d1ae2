package org.healthmon.batch.run;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The run history's lines, old and new, read back. */
class BatchRunJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void whenAHistoryLineFromBeforeLateFilesIsReadThenItHasNone() {
		BatchRun run = this.json.readValue("""
				{"id":"r1","trigger":"scheduled","mode":"incremental","outcome":"PUBLISHED","startedAtMs":1,
				 "endedAtMs":2,"durationMs":1,"version":3,"cutoff":{"ingest-1":7},"files":2,"inputRecords":5,
				 "badRecords":0,"previousRows":1,"outputRows":4,"segmentsWritten":1,"jobId":"job_1","error":null}""",
				BatchRun.class);
		assertThat(run.lateFiles()).isZero();
		assertThat(run.files()).isEqualTo(2);
		assertThat(this.json.readValue(this.json.writeValueAsString(run), BatchRun.class)).isEqualTo(run);
	}

}
