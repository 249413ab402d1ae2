package org.healthmon.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the NetworkPolicies of a build let through, decided as a cluster that enforces
 * them decides it: a pod selected by no policy of a direction is open in that direction;
 * one selected by some is open only to what one of their rules allows. Peers are matched
 * by {@code podSelector} and {@code namespaceSelector} ({@code matchLabels}; a selector
 * with {@code matchExpressions} fails the check, this class does not evaluate them), and
 * ports by protocol and number ({@code endPort} included); an {@code ipBlock} or a named
 * port matches nothing here.
 */
final class NetworkPolicies {

	private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

	private NetworkPolicies() {
	}

	/** Whether {@code from} may send to {@code to}'s port and {@code to} admits it. */
	static boolean allows(List<Manifest> manifests, Pod from, Pod to, String protocol, int port) {
		return egressAllowed(manifests, from, to, protocol, port)
				&& ingressAllowed(manifests, to, from, protocol, port);
	}

	/** Whether the policies selecting {@code from} let it send to {@code to}'s port. */
	static boolean egressAllowed(List<Manifest> manifests, Pod from, Pod to, String protocol, int port) {
		return allowed(manifests, from, to, protocol, port, "Egress", "egress", "to");
	}

	/** Whether the policies selecting {@code to} admit {@code from} on its port. */
	static boolean ingressAllowed(List<Manifest> manifests, Pod to, Pod from, String protocol, int port) {
		return allowed(manifests, to, from, protocol, port, "Ingress", "ingress", "from");
	}

	private static boolean allowed(List<Manifest> manifests, Pod subject, Pod peer, String protocol, int port,
			String direction, String rulesKey, String peersKey) {
		List<Manifest> selecting = Manifest.ofKind(manifests, "NetworkPolicy")
			.stream()
			.filter((policy) -> subject.namespace().equals(Yamls.string(policy.object(), "metadata", "namespace")))
			.filter((policy) -> matches(Yamls.map(policy.object(), "spec", "podSelector"), subject.labels()))
			.filter((policy) -> policyTypes(policy).contains(direction))
			.toList();
		if (selecting.isEmpty()) {
			return true;
		}
		for (Manifest policy : selecting) {
			for (Map<String, Object> rule : Yamls.list(policy.object(), "spec", rulesKey)) {
				if (peerMatches(rule, peersKey, subject.namespace(), peer) && portMatches(rule, protocol, port)) {
					return true;
				}
			}
		}
		return false;
	}

	/** As the API defaults it: Ingress always, Egress when there are egress rules. */
	@SuppressWarnings("unchecked")
	private static List<String> policyTypes(Manifest policy) {
		Object types = Yamls.get(policy.object(), "spec", "policyTypes");
		if (types instanceof List<?> list) {
			return (List<String>) list;
		}
		return Yamls.get(policy.object(), "spec", "egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
	}

	private static boolean peerMatches(Map<String, Object> rule, String peersKey, String policyNamespace, Pod peer) {
		List<Map<String, Object>> peers = Yamls.list(rule, peersKey);
		if (peers.isEmpty()) {
			// no from / to: every peer
			return true;
		}
		for (Map<String, Object> candidate : peers) {
			if (candidate.containsKey("ipBlock")) {
				continue;
			}
			boolean namespace = candidate.containsKey("namespaceSelector")
					? matches(Yamls.map(candidate, "namespaceSelector"), peer.namespaceLabels())
					: policyNamespace.equals(peer.namespace());
			boolean pod = !candidate.containsKey("podSelector")
					|| matches(Yamls.map(candidate, "podSelector"), peer.labels());
			if (namespace && pod) {
				return true;
			}
		}
		return false;
	}

	private static boolean portMatches(Map<String, Object> rule, String protocol, int port) {
		List<Map<String, Object>> ports = Yamls.list(rule, "ports");
		if (ports.isEmpty()) {
			return true;
		}
		for (Map<String, Object> candidate : ports) {
			if (!protocol.equals(String.valueOf(candidate.getOrDefault("protocol", "TCP")))) {
				continue;
			}
			Object number = candidate.get("port");
			if (number == null) {
				return true;
			}
			if (number instanceof Number first) {
				int last = (candidate.get("endPort") instanceof Number end) ? end.intValue() : first.intValue();
				if (port >= first.intValue() && port <= last) {
					return true;
				}
			}
		}
		return false;
	}

	/** A label selector ({@code {}} selects everything) against labels. */
	private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
		if (selector.containsKey("matchExpressions")) {
			throw new AssertionError("NetworkPolicies does not evaluate matchExpressions: " + selector);
		}
		return labels.entrySet().containsAll(Yamls.map(selector, "matchLabels").entrySet());
	}

	/**
	 * A pod, where a policy looks at it.
	 *
	 * @param namespace its namespace
	 * @param namespaceLabels its namespace's labels (with the name label the API server
	 * gives every namespace)
	 * @param labels its own labels
	 */
	record Pod(String namespace, Map<String, Object> namespaceLabels, Map<String, Object> labels) {

		/** A pod of a workload of the build, in the build's namespace. */
		static Pod of(Manifest workload, List<Manifest> manifests) {
			String namespace = Yamls.string(workload.object(), "metadata", "namespace");
			Map<String, Object> namespaceLabels = new LinkedHashMap<>(Manifest.find(manifests, "Namespace", namespace)
				.map((object) -> Yamls.map(object.object(), "metadata", "labels"))
				.orElse(Map.of()));
			namespaceLabels.put(NAMESPACE_NAME, namespace);
			return new Pod(namespace, namespaceLabels, workload.templateLabels());
		}

		/** A pod of another namespace, with that namespace's labels. */
		static Pod elsewhere(String namespace, Map<String, Object> namespaceLabels, Map<String, Object> labels) {
			Map<String, Object> all = new LinkedHashMap<>(namespaceLabels);
			all.put(NAMESPACE_NAME, namespace);
			return new Pod(namespace, all, labels);
		}

	}

}
