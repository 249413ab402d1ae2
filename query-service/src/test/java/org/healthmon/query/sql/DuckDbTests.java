package org.healthmon.query.sql;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbTests {

	/**
	 * A query of a minute or more on one thread: the sum of a hundred billion numbers.
	 */
	private static final String LONG_QUERY = "SELECT sum(range) FROM range(100000000000)";

	@TempDir
	Path dir;

	@Test
	void whenAQueryRunsPastTheStatementTimeoutThenItIsCancelledAndTheConnectionServesTheNext() throws Exception {
		try (DuckDb duckdb = new DuckDb(1, 1, "256MB", this.dir, Duration.ofSeconds(1), Duration.ofSeconds(1))) {
			assertThatThrownBy(() -> duckdb.withSession((session) -> {
				try (ResultSet rows = session.prepared(LONG_QUERY).executeQuery()) {
					return rows.next();
				}
			})).isInstanceOf(DuckDb.TooLongException.class)
				.hasMessageContaining("ran longer than PT1S (healthmon.query.duckdb.statement-timeout)");
			long answer = duckdb.withSession((session) -> {
				try (ResultSet rows = session.prepared("SELECT 41 + 1").executeQuery()) {
					rows.next();
					return rows.getLong(1);
				}
			});
			assertThat(answer).isEqualTo(42);
		}
	}

}
