package org.healthmon.k8s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional Prometheus Operator component ({@code k8s/base/monitoring}), added to the
 * production overlay as its kustomization says (an overlay of the namespace healthmon): a
 * ServiceMonitor scrapes every app that serves HTTP, on the Service port that reaches its
 * management port, at its Prometheus endpoint, and the PrometheusRule carries the alerts
 * of the plain rule file about exactly the jobs the monitors make.
 */
class MonitoringComponentTests {

	private static final Pattern JOB = Pattern.compile("\\bjob=~?\"([^\"]+)\"");

	private static List<Manifest> manifests;

	@BeforeAll
	static void buildProductionWithMonitoring() throws IOException {
		manifests = Kustomize.productionWith("monitoring");
	}

	@Test
	void everyAppThatServesHttpIsScrapedOnItsManagementPort() {
		List<Manifest> monitors = Manifest.ofKind(manifests, "ServiceMonitor");
		List<String> scraped = new ArrayList<>();
		for (AppContainer app : AppContainer.all(manifests)) {
			if (!app.module().servesHttp()) {
				continue;
			}
			String path = app.module().actuatorBasePath() + "/prometheus";
			assertThat(String.valueOf(app.module().config().get("management.endpoints.web.exposure.include")))
				.as(app + " exposes prometheus")
				.contains("prometheus");
			for (Manifest monitor : monitors) {
				for (Manifest service : selectedServices(monitor)) {
					if (!service.selects(app.workload())) {
						continue;
					}
					for (Map<String, Object> endpoint : Yamls.list(monitor.object(), "spec", "endpoints")) {
						Yamls.list(service.object(), "spec", "ports")
							.stream()
							.filter((port) -> port.get("name").equals(endpoint.get("port")))
							.filter((port) -> Containers.resolvePort(app.container(),
									port.get("targetPort")) == app.module().managementPort(app.env()))
							.filter((port) -> path.equals(endpoint.get("path")))
							.forEach((port) -> scraped.add(app.module().name()));
					}
				}
			}
		}
		List<String> apps = AppContainer.all(manifests)
			.stream()
			.filter((app) -> app.module().servesHttp())
			.map((app) -> app.module().name())
			.distinct()
			.toList();
		assertThat(apps).isNotEmpty();
		assertThat(scraped).containsAll(apps);
	}

	@Test
	void theMonitorsCarryTheAppLabelsAndLiveInTheNamespace() {
		assertThat(Manifest.ofKind(manifests, "ServiceMonitor")).isNotEmpty().allSatisfy((monitor) -> {
			assertThat(monitor.apiVersion()).isEqualTo("monitoring.coreos.com/v1");
			assertThat(Yamls.string(monitor.object(), "metadata", "namespace")).isEqualTo("healthmon");
			assertThat(Yamls.map(monitor.object(), "metadata", "labels"))
				.containsKeys("app.kubernetes.io/name", "app.kubernetes.io/component")
				.containsEntry("app.kubernetes.io/part-of", "healthmon");
		});
	}

	@Test
	void thePrometheusRuleCarriesTheGroupsOfThePlainRuleFile() {
		List<Manifest> rules = Manifest.ofKind(manifests, "PrometheusRule");
		assertThat(rules).hasSize(1);
		Manifest rule = rules.get(0);
		assertThat(rule.apiVersion()).isEqualTo("monitoring.coreos.com/v1");
		assertThat(Yamls.string(rule.object(), "metadata", "namespace")).isEqualTo("healthmon");
		assertThat(Yamls.map(rule.object(), "metadata", "labels"))
			.containsKeys("app.kubernetes.io/name", "app.kubernetes.io/component")
			.containsEntry("app.kubernetes.io/part-of", "healthmon");
		assertThat(Yamls.list(rule.object(), "spec", "groups")).isNotEmpty().isEqualTo(AlertRulesTests.groups());
	}

	/**
	 * The operator names a job after the Service it scrapes, so the rules on {@code up}
	 * name exactly the Services the monitors scrape.
	 */
	@Test
	void theRulesOnUpWatchTheJobsTheMonitorsMake() {
		Set<String> jobs = new TreeSet<>();
		for (Manifest monitor : Manifest.ofKind(manifests, "ServiceMonitor")) {
			List<Object> ports = Yamls.list(monitor.object(), "spec", "endpoints")
				.stream()
				.map((endpoint) -> endpoint.get("port"))
				.toList();
			selectedServices(monitor).stream()
				.filter((service) -> Yamls.list(service.object(), "spec", "ports")
					.stream()
					.anyMatch((port) -> ports.contains(port.get("name"))))
				.forEach((service) -> jobs.add(service.name()));
		}
		assertThat(jobs).isNotEmpty();
		List<Map<String, Object>> onUp = AlertRulesTests.rules()
			.stream()
			.filter((rule) -> String.valueOf(rule.get("expr")).contains("up{"))
			.toList();
		assertThat(onUp).isNotEmpty().allSatisfy((rule) -> {
			Set<String> named = new TreeSet<>();
			Matcher job = JOB.matcher(String.valueOf(rule.get("expr")));
			while (job.find()) {
				named.addAll(List.of(job.group(1).split("\\|")));
			}
			assertThat(named).as(String.valueOf(rule.get("alert"))).isEqualTo(jobs);
		});
	}

	@Test
	void noOverlayNeedsTheOperator() {
		for (String overlay : Repository.overlays()) {
			assertThat(Manifest.ofKind(Kustomize.overlay(overlay), "ServiceMonitor")).as(overlay).isEmpty();
			assertThat(Manifest.ofKind(Kustomize.overlay(overlay), "PrometheusRule")).as(overlay).isEmpty();
		}
	}

	private static List<Manifest> selectedServices(Manifest monitor) {
		Map<String, Object> selector = Yamls.map(monitor.object(), "spec", "selector", "matchLabels");
		return Manifest.ofKind(manifests, "Service")
			.stream()
			.filter((service) -> Yamls.map(service.object(), "metadata", "labels")
				.entrySet()
				.containsAll(selector.entrySet()))
			.toList();
	}

}
