package org.healthmon.k8s;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional Component {@code k8s/base/alertmanager}, added to the production overlay
 * as its kustomization says: alert-service is told an Alertmanager's URL (a property it
 * binds, merged into its settings) and may reach that Alertmanager, a pod of the
 * Prometheus Operator in a namespace labelled as Prometheus' is, on the URL's port and on
 * nothing else; without the Component no overlay notifies or reaches one.
 */
class AlertmanagerComponentTests {

	private static final String URL = "HEALTHMON_ALERTS_ALERTMANAGER_URL";

	/**
	 * The Prometheus Operator's Alertmanager pods: app.kubernetes.io/name=alertmanager.
	 */
	private static final Map<String, Object> ALERTMANAGER = Map.of("app.kubernetes.io/name", "alertmanager",
			"alertmanager", "main");

	private static List<Manifest> manifests;

	@BeforeAll
	static void buildProductionWithAlertmanager() throws IOException {
		manifests = Kustomize.productionWith("alertmanager");
	}

	@Test
	void everyObjectIsValidForTheKubernetesApiAndCarriesTheAppLabels() {
		assertThat(manifests).flatMap((manifest) -> KubernetesSchema.validate(manifest.object())).isEmpty();
		assertThat(manifests)
			.allSatisfy((manifest) -> assertThat(Yamls.map(manifest.object(), "metadata", "labels")).as(manifest.id())
				.containsKeys("app.kubernetes.io/name", "app.kubernetes.io/component")
				.containsEntry("app.kubernetes.io/part-of", "healthmon"));
	}

	@Test
	void alertServiceIsToldTheUrlOfAnAlertmanagerBesideItsOtherSettings() {
		AppContainer alerts = alertService(manifests);
		assertThat(alerts.module().bindsEnv(URL)).as(URL + " binds a property of alert-service").isTrue();
		URI url = URI.create(alerts.env().get(URL));
		assertThat(url.getScheme()).isEqualTo("http");
		assertThat(url.getPort()).as("an explicit port, the one the NetworkPolicy opens").isPositive();
		// merged into alerts-config, not replacing it
		assertThat(alerts.env()).containsKeys("HEALTHMON_ALERTS_QUERYURL", "HEALTHMON_ALERTS_STATEDIR");
	}

	@Test
	void alertServiceMayReachAlertmanagerOnItsPortAndNothingElseThere() {
		AppContainer alerts = alertService(manifests);
		URI url = URI.create(alerts.env().get(URL));
		// alertmanager-operated.monitoring: the Service, then its namespace
		String namespace = url.getHost().split("\\.")[1];
		NetworkPolicies.Pod alertmanager = NetworkPolicies.Pod.elsewhere(namespace,
				Map.of("healthmon.org/monitoring", "true"), ALERTMANAGER);
		NetworkPolicies.Pod from = NetworkPolicies.Pod.of(alerts.workload(), manifests);
		assertThat(NetworkPolicies.egressAllowed(manifests, from, alertmanager, "TCP", url.getPort())).isTrue();
		assertThat(NetworkPolicies.egressAllowed(manifests, from, alertmanager, "TCP", 9094))
			.as("Alertmanager's cluster port")
			.isFalse();
		NetworkPolicies.Pod grafana = NetworkPolicies.Pod.elsewhere(namespace,
				Map.of("healthmon.org/monitoring", "true"), Map.of("app.kubernetes.io/name", "grafana"));
		assertThat(NetworkPolicies.egressAllowed(manifests, from, grafana, "TCP", url.getPort())).isFalse();
		for (AppContainer app : AppContainer.all(manifests)) {
			if (!app.module().name().equals("alert-service")) {
				assertThat(NetworkPolicies.egressAllowed(manifests, NetworkPolicies.Pod.of(app.workload(), manifests),
						alertmanager, "TCP", url.getPort()))
					.as(app + " reaches no Alertmanager")
					.isFalse();
			}
		}
	}

	@Test
	void withoutItNoOverlayNotifiesOrReachesAnAlertmanager() {
		NetworkPolicies.Pod alertmanager = NetworkPolicies.Pod.elsewhere("monitoring",
				Map.of("healthmon.org/monitoring", "true"), ALERTMANAGER);
		for (String overlay : Repository.overlays()) {
			List<Manifest> built = Kustomize.overlay(overlay);
			AppContainer alerts = alertService(built);
			assertThat(alerts.env()).as(overlay).doesNotContainKey(URL);
			assertThat(NetworkPolicies.egressAllowed(built, NetworkPolicies.Pod.of(alerts.workload(), built),
					alertmanager, "TCP", 9093))
				.as(overlay)
				.isFalse();
		}
	}

	private static AppContainer alertService(List<Manifest> built) {
		List<AppContainer> apps = AppContainer.all(built)
			.stream()
			.filter((app) -> app.module().name().equals("alert-service"))
			.toList();
		assertThat(apps).hasSize(1);
		return apps.get(0);
	}

}
