package org.healthmon.batch.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceMinuteTests {

	@Test
	void whenSerializedKeysAreComparedThenTheOrderIsDayThenServiceThenMinute() throws IOException {
		Random random = new Random(7);
		String[] services = { "a", "ab", "b", "orders", "orders.v2", "Z", "x".repeat(64) };
		List<ServiceMinute> keys = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			keys.add(new ServiceMinute(services[random.nextInt(services.length)],
					(random.nextInt(20_000) - 10_000) * 60_000L));
		}
		ServiceMinute.Comparator raw = new ServiceMinute.Comparator();
		for (ServiceMinute a : keys) {
			for (ServiceMinute b : keys.subList(0, 40)) {
				byte[] x = bytes(a);
				byte[] y = bytes(b);
				assertThat(Integer.signum(raw.compare(x, 0, x.length, y, 0, y.length))).as("%s vs %s", a, b)
					.isEqualTo(Integer.signum(expected(a, b)))
					.isEqualTo(Integer.signum(a.compareTo(b)));
			}
		}
	}

	@Test
	void whenAKeyIsWrittenThenItReadsBackEqual() throws IOException {
		ServiceMinute key = new ServiceMinute("search.v2", 1_795_323_600_000L);
		DataInputBuffer in = new DataInputBuffer();
		byte[] bytes = bytes(key);
		in.reset(bytes, bytes.length);
		ServiceMinute read = new ServiceMinute();
		read.readFields(in);
		assertThat(read).isEqualTo(key).hasSameHashCodeAs(key);
		assertThat(read.service()).isEqualTo("search.v2");
	}

	private static int expected(ServiceMinute a, ServiceMinute b) {
		int byDay = Long.compare(Math.floorDiv(a.minute(), 86_400_000L), Math.floorDiv(b.minute(), 86_400_000L));
		if (byDay != 0) {
			return byDay;
		}
		int byService = a.service().compareTo(b.service());
		return (byService != 0) ? byService : Long.compare(a.minute(), b.minute());
	}

	private static byte[] bytes(ServiceMinute key) throws IOException {
		DataOutputBuffer out = new DataOutputBuffer();
		key.write(out);
		byte[] bytes = new byte[out.getLength()];
		System.arraycopy(out.getData(), 0, bytes, 0, out.getLength());
		return bytes;
	}

}
