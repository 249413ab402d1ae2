package org.healthmon.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names an app's {@code /actuator/prometheus} writes for the Micrometer meters
 * its sources register with a literal name ({@code Counter}, {@code FunctionCounter},
 * {@code Timer}, {@code TimeGauge} and {@code Gauge} builders, {@code registry.counter}
 * and {@code registry.timer}), named as Micrometer's Prometheus registry names them: dots
 * become underscores, a base unit is appended, counters end in {@code _total}, timers and
 * time gauges are in seconds ({@code _seconds_count}, {@code _seconds_sum},
 * {@code _seconds_max}). Spring Boot's own meters (JVM, HTTP, process) are not included.
 */
final class MeterSource {

	private static final Pattern BUILDER = Pattern
		.compile("\\b(Counter|FunctionCounter|Timer|TimeGauge|Gauge)\\s*\\.builder\\(\\s*\"([^\"]+)\"");

	private static final Pattern REGISTRY_SHORTHAND = Pattern.compile("\\.(counter|timer)\\(\\s*\"([^\"]+)\"");

	private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([^\"]+)\"");

	private MeterSource() {
	}

	/** The Prometheus names of the meters registered under {@code dir}. */
	static Set<String> prometheusNames(Path dir) {
		Set<String> names = new TreeSet<>();
		for (String source : sources(dir)) {
			names.addAll(prometheusNames(source));
		}
		return names;
	}

	static Set<String> prometheusNames(String source) {
		Set<String> names = new TreeSet<>();
		Matcher builder = BUILDER.matcher(source);
		while (builder.find()) {
			int register = source.indexOf(".register(", builder.end());
			Matcher unit = BASE_UNIT
				.matcher(source.substring(builder.end(), (register < 0) ? builder.end() : register));
			names.addAll(names(builder.group(1), builder.group(2), unit.find() ? unit.group(1) : null));
		}
		Matcher shorthand = REGISTRY_SHORTHAND.matcher(source);
		while (shorthand.find()) {
			names.addAll(names("counter".equals(shorthand.group(1)) ? "Counter" : "Timer", shorthand.group(2), null));
		}
		return names;
	}

	private static List<String> names(String type, String name, String baseUnit) {
		String base = name.replace('.', '_').replace('-', '_');
		String unit = (baseUnit != null) ? "_" + baseUnit : "";
		return switch (type) {
			case "Counter", "FunctionCounter" -> List.of(base + unit + "_total");
			case "Timer" -> List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max");
			case "TimeGauge" -> List.of(base + "_seconds");
			default -> List.of(base + unit);
		};
	}

	private static List<String> sources(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.toString().endsWith(".java")).map(Repository::read).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the sources under " + dir, ex);
		}
	}

}
