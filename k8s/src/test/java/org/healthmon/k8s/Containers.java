package org.healthmon.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's environment and ports as Kubernetes would give them to the process. */
final class Containers {

	private Containers() {
	}

	/**
	 * Names and values of the environment: envFrom ConfigMaps first, then env (which
	 * wins); a value from a fieldRef or a Secret is given as {@code null}.
	 */
	static Map<String, String> env(Map<String, Object> container, List<Manifest> manifests) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Map<String, Object> source : Yamls.list(container, "envFrom")) {
			String configMap = Yamls.string(source, "configMapRef", "name");
			if (configMap != null) {
				Yamls.map(Manifest.get(manifests, "ConfigMap", configMap).object(), "data")
					.forEach((key, value) -> env.put(key, String.valueOf(value)));
			}
		}
		for (Map<String, Object> variable : Yamls.list(container, "env")) {
			Object value = variable.get("value");
			env.put((String) variable.get("name"), (value != null) ? value.toString() : null);
		}
		return env;
	}

	static List<Map<String, Object>> ports(Map<String, Object> container) {
		return Yamls.list(container, "ports");
	}

	static String protocol(Map<String, Object> port) {
		return String.valueOf(port.getOrDefault("protocol", "TCP"));
	}

	static int containerPort(Map<String, Object> port) {
		return ((Number) port.get("containerPort")).intValue();
	}

	/** A probe's or Service's port, by number or by the container port's name. */
	static int resolvePort(Map<String, Object> container, Object port) {
		if (port instanceof Number number) {
			return number.intValue();
		}
		return ports(container).stream()
			.filter((candidate) -> String.valueOf(port).equals(candidate.get("name")))
			.map(Containers::containerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError("container " + container.get("name") + " has no port named " + port));
	}

}
