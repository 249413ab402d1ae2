package org.healthmon.batch.job;

import java.io.IOException;

import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.healthmon.model.HealthMessage;
import org.healthmon.model.MinuteStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatsWritableTests {

	private static final long MINUTE = 1_795_323_600_000L;

	@Test
	void whenStatsMergeThenTheResultIsHealthModelsMerge() {
		MinuteStats a = stats(MINUTE + 40_000, 100.0, 4.0);
		MinuteStats b = stats(MINUTE + 10_000, 100.0, 8.0);
		MinuteStats c = stats(MINUTE + 20_000, 30.0, 0.0);

		StatsWritable merged = new StatsWritable().set(a);
		merged.merge(b);
		merged.merge(new StatsWritable().set(c));

		assertThat(merged.toMinuteStats("orders", MINUTE)).isEqualTo(a.merge(b).merge(c));
		assertThat(merged.toMinuteStats("orders", MINUTE).cpu().maxAt()).isEqualTo(MINUTE + 10_000);
		assertThat(merged.count()).isEqualTo(3);
	}

	@Test
	void whenStatsAreWrittenThenTheyReadBackEqual() throws IOException {
		StatsWritable stats = new StatsWritable().set(stats(MINUTE + 5, 12.5, 3.0));
		DataOutputBuffer out = new DataOutputBuffer();
		stats.write(out);
		DataInputBuffer in = new DataInputBuffer();
		in.reset(out.getData(), out.getLength());
		StatsWritable read = new StatsWritable();
		read.readFields(in);
		assertThat(read.toMinuteStats("orders", MINUTE)).isEqualTo(stats.toMinuteStats("orders", MINUTE));
	}

	private static MinuteStats stats(long time, double cpu, double ramFree) {
		return MinuteStats
			.of(new HealthMessage("orders", time, cpu, 16.0, ramFree, 512.0, 100.0, HealthMessage.NO_SEQ));
	}

}
