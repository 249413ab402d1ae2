package org.healthmon.model;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalTextTests {

	@ParameterizedTest
	@ValueSource(doubles = { 0.0, 0.001, 0.0015, 0.01, 0.1, 0.53, 1.0, 5.2, 16.0, 37.5, 99.9999, 100.0, 512.25, 4096.0,
			1510.2, 9_999_999.9999, 10_000_000.0, 1e-4, 0.00099, 1e9, 0.1 + 0.2, 1.0 / 3, 123.456789,
			Double.MIN_VALUE })
	void whenANumberIsFormattedThenTheTextIsExactlyDoubleToString(double value) {
		StringBuilder line = new StringBuilder();
		DecimalText.append(line, value);
		assertThat(line.toString()).isEqualTo(Double.toString(value));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void whenRandomNumbersOfFewDecimalsAreFormattedThenTheTextIsExactlyDoubleToString(long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < 200_000; i++) {
			int decimals = random.nextInt(7);
			double value = Math.round(random.nextDouble() * Math.pow(10, random.nextInt(9)) * Math.pow(10, decimals))
					/ Math.pow(10, decimals);
			StringBuilder line = new StringBuilder();
			DecimalText.append(line, value);
			assertThat(line.toString()).as("%s", value).isEqualTo(Double.toString(value));
		}
	}

}
