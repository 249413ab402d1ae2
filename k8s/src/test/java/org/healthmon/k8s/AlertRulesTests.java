package org.healthmon.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts on healthmon's own health in {@code k8s/base/monitoring}: the plain rule
 * file {@code healthmon-rules.yaml} passes {@code promtool check rules} and its unit
 * tests ({@code promtool test rules}); the PrometheusRule is generated from it; every
 * rule waits, has a severity and says what is wrong, asks only for meters the apps
 * register, has a unit test where it fires and one where it does not, and is in the
 * README.
 *
 * <p>
 * promtool is Debian's {@code prometheus} package ({@code .ci/run} installs it);
 * {@code -Dpromtool=/path/to/promtool} names another one. Without it these tests fail.
 */
class AlertRulesTests {

	static final Path RULES = Repository.k8sDir().resolve("base/monitoring/healthmon-rules.yaml");

	static final Path PROMETHEUS_RULE = Repository.k8sDir().resolve("base/monitoring/prometheus-rule.yaml");

	static final Path RULE_TESTS = Repository.k8sDir()
		.resolve("src/test/resources/monitoring/healthmon-rules.test.yaml");

	private static final long TIMEOUT_SECONDS = 60;

	private static final Pattern GROUPS = Pattern.compile("(?m)^groups:\n");

	private static final String SPEC_GROUPS = "\nspec:\n  groups:\n";

	private static final Pattern HEALTHMON_METRIC = Pattern.compile("\\bhealthmon_[a-z0-9_]+");

	@Test
	void promtoolFindsTheRulesValid() {
		assertThat(promtool("check", "rules", RULES.toString()))
			.contains("SUCCESS: " + rules().size() + " rules found");
	}

	@Test
	void theRulesPassTheirPromtoolUnitTests() {
		assertThat(promtool("test", "rules", RULE_TESTS.toString())).contains("SUCCESS");
	}

	@Test
	void thePrometheusRuleIsTheGroupsOfThePlainRuleFile() throws IOException {
		String current = Repository.read(PROMETHEUS_RULE);
		String expected = prometheusRule(current, Repository.read(RULES));
		Path generated = Repository.k8sDir().resolve("target/prometheus-rule.yaml");
		if (!current.equals(expected)) {
			Files.createDirectories(generated.getParent());
			Files.writeString(generated, expected);
		}
		assertThat(current)
			.as("%s is its own header and the groups of %s, indented under spec; the file as it should be is %s",
					PROMETHEUS_RULE, RULES, generated)
			.isEqualTo(expected);
	}

	@Test
	void everyRuleIsAnAlertThatWaitsHasASeverityAndSaysWhatIsWrong() {
		assertThat(rules()).isNotEmpty().allSatisfy((rule) -> {
			String alert = String.valueOf(rule.get("alert"));
			assertThat(rule).as(alert).containsKeys("alert", "expr", "for");
			assertThat(String.valueOf(rule.get("for"))).as(alert + " for").matches("[1-9]\\d*[smh]");
			assertThat(Yamls.string(rule, "labels", "severity")).as(alert + " severity").isIn("warning", "critical");
			assertThat(Yamls.string(rule, "annotations", "summary")).as(alert + " summary").isNotBlank();
			assertThat(Yamls.string(rule, "annotations", "description")).as(alert + " description").isNotBlank();
		});
	}

	@Test
	void theRulesAskOnlyForMetricsTheAppsExpose() {
		Set<String> exposed = new TreeSet<>();
		for (String app : Repository.bootApps()) {
			exposed.addAll(MeterSource.prometheusNames(Repository.module(app).resolve("src/main/java")));
		}
		Set<String> asked = new TreeSet<>();
		for (Map<String, Object> rule : rules()) {
			Matcher metric = HEALTHMON_METRIC.matcher(String.valueOf(rule.get("expr")));
			while (metric.find()) {
				asked.add(metric.group());
			}
		}
		assertThat(asked).isNotEmpty();
		assertThat(exposed).as("the metrics the apps' meters give").containsAll(asked);
	}

	@Test
	void everyAlertHasAUnitTestWhereItFiresAndOneWhereItDoesNot() {
		List<Map<String, Object>> cases = Yamls.list(yaml(RULE_TESTS), "tests")
			.stream()
			.flatMap((test) -> Yamls.list(test, "alert_rule_test").stream())
			.toList();
		assertThat(alertNames()).isNotEmpty().allSatisfy((alert) -> {
			List<Map<String, Object>> ofAlert = cases.stream()
				.filter((test) -> alert.equals(test.get("alertname")))
				.toList();
			assertThat(ofAlert).as(alert + " fires")
				.anySatisfy((test) -> assertThat(Yamls.list(test, "exp_alerts")).isNotEmpty());
			assertThat(ofAlert).as(alert + " does not fire")
				.anySatisfy((test) -> assertThat(Yamls.list(test, "exp_alerts")).isEmpty());
		});
	}

	@Test
	void theReadmeListsEveryAlert() {
		String readme = Repository.read(Repository.k8sDir().resolve("README.md"));
		assertThat(alertNames()).isNotEmpty().allSatisfy((alert) -> assertThat(readme).contains("`" + alert + "`"));
	}

	@Test
	void aPrometheusRuleIsGeneratedFromTheHeaderAndTheIndentedGroups() {
		String rules = "# comment\ngroups:\n  - name: a\n\n    rules: []\n";
		String header = "kind: PrometheusRule\nspec:\n  groups:\n    - name: old\n";
		assertThat(prometheusRule(header, rules))
			.isEqualTo("kind: PrometheusRule\nspec:\n  groups:\n    - name: a\n\n      rules: []\n");
	}

	/** The groups of the plain rule file, as parsed YAML. */
	static List<Map<String, Object>> groups() {
		return Yamls.list(yaml(RULES), "groups");
	}

	static List<Map<String, Object>> rules() {
		return groups().stream().flatMap((group) -> Yamls.list(group, "rules").stream()).toList();
	}

	private static Set<String> alertNames() {
		Set<String> names = new TreeSet<>();
		rules().forEach((rule) -> names.add(String.valueOf(rule.get("alert"))));
		return names;
	}

	/**
	 * The PrometheusRule as it should be: its own text up to {@code spec:} and
	 * {@code groups:}, then what follows {@code groups:} in the plain rule file, two
	 * spaces deeper.
	 */
	static String prometheusRule(String current, String rules) {
		int spec = current.indexOf(SPEC_GROUPS);
		assertThat(spec).as("the PrometheusRule has 'spec:' with 'groups:' below it").isNotNegative();
		Matcher groups = GROUPS.matcher(rules);
		assertThat(groups.find()).as("the rule file has a top-level 'groups:'").isTrue();
		StringBuilder text = new StringBuilder(current.substring(0, spec + SPEC_GROUPS.length()));
		rules.substring(groups.end())
			.lines()
			.forEach((line) -> text.append(line.isEmpty() ? "" : "  " + line).append('\n'));
		return text.toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> yaml(Path file) {
		return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(file));
	}

	/** Runs promtool in this module's directory; its output, or a failure with it. */
	private static String promtool(String... args) {
		List<String> command = new ArrayList<>();
		command.add(System.getProperty("promtool", "promtool"));
		command.addAll(List.of(args));
		try {
			Path output = Files.createTempFile("promtool", ".out");
			try {
				Process process;
				try {
					process = new ProcessBuilder(command).directory(Repository.k8sDir().toFile())
						.redirectErrorStream(true)
						.redirectOutput(output.toFile())
						.start();
				}
				catch (IOException ex) {
					throw new AssertionError("cannot run '" + command.get(0) + "': install Debian's prometheus package "
							+ "(.ci/run does) or name promtool with -Dpromtool=/path/to/promtool", ex);
				}
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError(String.join(" ", command) + " took over " + TIMEOUT_SECONDS + "s");
				}
				String said = Files.readString(output);
				assertThat(process.exitValue())
					.as("exit status of '%s', which said:%n%s", String.join(" ", command), said)
					.isZero();
				return said;
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
