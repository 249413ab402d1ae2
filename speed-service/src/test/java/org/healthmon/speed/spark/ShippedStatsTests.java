package org.healthmon.speed.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.healthmon.model.MinuteStats;
import org.healthmon.model.ResourceStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedStatsTests {

	private static final MinuteStats ROW = new MinuteStats("orders", 60_000, 3, new ResourceStats(1, 2, 3),
			new ResourceStats(4, 5, 6), new ResourceStats(7, 8, 9));

	@Test
	void whenShippedThenEveryFieldArrives() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(new ShippedStats(ROW));
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(((ShippedStats) in.readObject()).stats()).isEqualTo(ROW);
		}
	}

	@Test
	void whenMergedThenHealthModelsMergeApplies() {
		assertThat(new ShippedStats(ROW).merge(new ShippedStats(ROW)).stats()).isEqualTo(ROW.merge(ROW));
	}

}
