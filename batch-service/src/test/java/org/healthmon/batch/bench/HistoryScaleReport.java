package org.healthmon.batch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the TSV of {@link HistoryScaleBenchmark} runs into a section of BENCHMARKS.md:
 * one row per store, before and after side by side, and the ratios the target is
 * about (every per-run figure at 365 days against the same figure at 1 day).
 *
 * <p>
 * Arguments: {@code results.tsv BENCHMARKS.md machineText command}.
 */
public final class HistoryScaleReport {

	private static final String[] PER_RUN = { "batch_run_ms", "switch_ms", "speed_run_ms" };

	private HistoryScaleReport() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, Map<String, String>> figures = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of(args[0]))) {
			String[] f = line.split("\t", 4);
			figures.computeIfAbsent(f[0], (k) -> new LinkedHashMap<>()).put(f[1] + "." + f[2], f[3]);
		}
		StringBuilder md = new StringBuilder();
		md.append("\n## History scale (issue 13) — run of ").append(Instant.now().toString(), 0, 16).append(" UTC\n\n");
		md.append("Command: `").append(args[3]).append("`\n\nMachine: ").append(args[2]).append("\n\n");
		md.append("Each store is synthesized once and both code bases run on it, before (commit 0cdc150) first, ")
			.append("then after (whose first run migrates the store). Batch, speed and query run together. ")
			.append("Times in ms; \"before → after\".\n\n");
		md.append("| store (services × days) | view rows | batch run, 1 new minute | switch to the new version ")
			.append("| speed run | namenode files | API 1 h p95 | API 30 d p95 | answers exact | after's first run |\n");
		md.append("|---|--:|--:|--:|--:|--:|--:|--:|---|--:|\n");
		for (Map.Entry<String, Map<String, String>> store : figures.entrySet()) {
			Map<String, String> v = store.getValue();
			md.append("| ")
				.append(store.getKey().replace("x", " × "))
				.append(" | ")
				.append(v.getOrDefault("store.view_rows", "?"));
			for (String metric : List.of("batch_run_ms", "switch_ms", "speed_run_ms", "namenode_files", "api_1h_p95_ms",
					"api_30d_p95_ms")) {
				md.append(" | ").append(pair(v, metric));
			}
			md.append(" | ")
				.append(v.getOrDefault("before.api_1h_exact", "?"))
				.append("/")
				.append(v.getOrDefault("before.api_30d_exact", "?"))
				.append(" → ")
				.append(v.getOrDefault("after.api_1h_exact", "?"))
				.append("/")
				.append(v.getOrDefault("after.api_30d_exact", "?"))
				.append(" | ")
				.append(v.getOrDefault("after.first_run_ms", "?"))
				.append(" (")
				.append(v.getOrDefault("after.first_run_mode", "?"))
				.append(") |\n");
		}
		Map<String, String> year = figures.get("100x365");
		Map<String, String> day = figures.get("100x1");
		if (year != null && day != null) {
			md.append(
					"\nRatio of each per-run figure at 365 days to the same figure at 1 day (target for after: ≤ 1.5):\n\n");
			md.append("| figure | before | after |\n|---|--:|--:|\n");
			for (String metric : PER_RUN) {
				md.append("| ")
					.append(metric)
					.append(" | ")
					.append(ratio(year, day, "before." + metric))
					.append(" | ")
					.append(ratio(year, day, "after." + metric))
					.append(" |\n");
			}
		}
		md.append("\nPer-round figures (batch runs and switches, ms), as the TSV has them:\n\n```\n");
		for (Map.Entry<String, Map<String, String>> store : figures.entrySet()) {
			for (String label : List.of("before", "after")) {
				md.append(store.getKey())
					.append(' ')
					.append(label)
					.append(": runs ")
					.append(store.getValue().get(label + ".batch_runs_ms"))
					.append(", switches ")
					.append(store.getValue().get(label + ".switches_ms"))
					.append(", speed runs counted ")
					.append(store.getValue().get(label + ".speed_runs"))
					.append(", raw files ")
					.append(store.getValue().get(label + ".raw_files"))
					.append('\n');
			}
		}
		md.append("```\n");
		Files.writeString(Path.of(args[1]), md, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		System.out.print(md);
	}

	private static String pair(Map<String, String> v, String metric) {
		return round(v.get("before." + metric)) + " → " + round(v.get("after." + metric));
	}

	private static String round(String value) {
		if (value == null) {
			return "?";
		}
		double d = Double.parseDouble(value);
		return d >= 100 ? String.format("%,.0f", d) : String.format("%.1f", d);
	}

	private static String ratio(Map<String, String> year, Map<String, String> day, String key) {
		if (year.get(key) == null || day.get(key) == null) {
			return "?";
		}
		return String.format("%.2f", Double.parseDouble(year.get(key)) / Double.parseDouble(day.get(key)));
	}

}
