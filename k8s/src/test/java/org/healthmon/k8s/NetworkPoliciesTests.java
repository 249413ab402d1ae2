package org.healthmon.k8s;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NetworkPolicies} decides as a cluster would: on the production build (calls the
 * design allows and calls it does not), on the build with one rule taken out, and on
 * small policies of its own.
 */
class NetworkPoliciesTests {

	private static final Map<String, Object> MONITORING = Map.of("healthmon.org/monitoring", "true");

	@Test
	void theCallsOfTheDesignAreAllowed() {
		List<Manifest> manifests = Kustomize.overlay("production");
		assertThat(NetworkPolicies.allows(manifests, pod(manifests, "Deployment", "ui"),
				pod(manifests, "Deployment", "query"), "TCP", 8083))
			.isTrue();
		assertThat(NetworkPolicies.allows(manifests, pod(manifests, "StatefulSet", "alerts"),
				pod(manifests, "Deployment", "query"), "TCP", 8083))
			.isTrue();
		assertThat(NetworkPolicies.allows(manifests, pod(manifests, "Deployment", "ui"),
				pod(manifests, "StatefulSet", "alerts"), "TCP", 8086))
			.isTrue();
		NetworkPolicies.Pod prometheus = NetworkPolicies.Pod.elsewhere("monitoring", MONITORING,
				Map.of("app.kubernetes.io/name", "prometheus"));
		assertThat(NetworkPolicies.ingressAllowed(manifests, pod(manifests, "StatefulSet", "alerts"), prometheus, "TCP",
				8086))
			.isTrue();
	}

	@Test
	void whatTheDesignDoesNotNeedIsDenied() {
		List<Manifest> manifests = Kustomize.overlay("production");
		NetworkPolicies.Pod alerts = pod(manifests, "StatefulSet", "alerts");
		// batch calls no one but HDFS; alert-service is called, it does not call the UI
		assertThat(NetworkPolicies.allows(manifests, pod(manifests, "StatefulSet", "batch"),
				pod(manifests, "Deployment", "query"), "TCP", 8083))
			.isFalse();
		assertThat(NetworkPolicies.allows(manifests, alerts, pod(manifests, "Deployment", "ui"), "TCP", 8085))
			.isFalse();
		// query admits alert-service on its API port only
		assertThat(
				NetworkPolicies.ingressAllowed(manifests, pod(manifests, "Deployment", "query"), alerts, "TCP", 8084))
			.isFalse();
		// a pod of a namespace without the monitoring label is no scraper
		NetworkPolicies.Pod stranger = NetworkPolicies.Pod.elsewhere("default", Map.of(),
				Map.of("app.kubernetes.io/name", "prometheus"));
		assertThat(NetworkPolicies.ingressAllowed(manifests, alerts, stranger, "TCP", 8086)).isFalse();
		// without the Component base/alertmanager, alert-service reaches no Alertmanager
		NetworkPolicies.Pod alertmanager = NetworkPolicies.Pod.elsewhere("monitoring", MONITORING,
				Map.of("app.kubernetes.io/name", "alertmanager"));
		assertThat(NetworkPolicies.egressAllowed(manifests, alerts, alertmanager, "TCP", 9093)).isFalse();
	}

	@Test
	void withoutQuerysRuleForAlertServiceTheCallIsDropped() {
		List<Manifest> manifests = copy(Kustomize.overlay("production"));
		Manifest query = Manifest.get(manifests, "NetworkPolicy", "query");
		List<Map<String, Object>> from = Yamls.list(Yamls.list(query.object(), "spec", "ingress").get(0), "from");
		assertThat(from.removeIf((peer) -> "alert-service"
			.equals(Yamls.string(peer, "podSelector", "matchLabels", "app.kubernetes.io/name")))).isTrue();
		NetworkPolicies.Pod alerts = pod(manifests, "StatefulSet", "alerts");
		NetworkPolicies.Pod queryPod = pod(manifests, "Deployment", "query");
		assertThat(NetworkPolicies.egressAllowed(manifests, alerts, queryPod, "TCP", 8083)).isTrue();
		assertThat(NetworkPolicies.ingressAllowed(manifests, queryPod, alerts, "TCP", 8083)).isFalse();
	}

	@Test
	void aPodNoPolicySelectsIsOpenAndPeersPortsAndNamespacesAreMatchedAsTheApiSaysOtherwise() {
		List<Manifest> manifests = Kustomize.parse("""
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicy
				metadata: {name: a, namespace: n}
				spec:
				  podSelector: {matchLabels: {app: a}}
				  policyTypes: [Egress]
				  egress:
				    - to:
				        - namespaceSelector: {matchLabels: {team: x}}
				          podSelector: {matchLabels: {app: b}}
				      ports:
				        - {port: 9000, endPort: 9010}
				""");
		NetworkPolicies.Pod a = NetworkPolicies.Pod.elsewhere("n", Map.of(), Map.of("app", "a"));
		NetworkPolicies.Pod c = NetworkPolicies.Pod.elsewhere("n", Map.of(), Map.of("app", "c"));
		NetworkPolicies.Pod bOfX = NetworkPolicies.Pod.elsewhere("x", Map.of("team", "x"), Map.of("app", "b"));
		NetworkPolicies.Pod bHere = NetworkPolicies.Pod.elsewhere("n", Map.of(), Map.of("app", "b"));
		assertThat(NetworkPolicies.egressAllowed(manifests, a, bOfX, "TCP", 9005)).isTrue();
		assertThat(NetworkPolicies.egressAllowed(manifests, a, bOfX, "TCP", 9011)).isFalse();
		assertThat(NetworkPolicies.egressAllowed(manifests, a, bOfX, "UDP", 9005)).isFalse();
		assertThat(NetworkPolicies.egressAllowed(manifests, a, bHere, "TCP", 9005)).isFalse();
		// c is selected by no policy; ingress into a is not restricted by an egress
		// policy
		assertThat(NetworkPolicies.egressAllowed(manifests, c, bHere, "TCP", 1)).isTrue();
		assertThat(NetworkPolicies.ingressAllowed(manifests, a, c, "TCP", 1)).isTrue();
	}

	private static NetworkPolicies.Pod pod(List<Manifest> manifests, String kind, String name) {
		return NetworkPolicies.Pod.of(Manifest.get(manifests, kind, name), manifests);
	}

	/** A copy of a build, free to change. */
	@SuppressWarnings("unchecked")
	private static List<Manifest> copy(List<Manifest> manifests) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		return manifests.stream()
			.map((manifest) -> new Manifest((Map<String, Object>) yaml.load(yaml.dump(manifest.object()))))
			.toList();
	}

}
