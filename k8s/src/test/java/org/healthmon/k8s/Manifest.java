package org.healthmon.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One Kubernetes object as kustomize built it, with the few ways into it the tests need.
 *
 * @param object the object as parsed YAML
 */
record Manifest(Map<String, Object> object) {

	private static final List<String> WORKLOADS = List.of("Deployment", "StatefulSet", "DaemonSet", "Job");

	String kind() {
		return (String) this.object.get("kind");
	}

	String apiVersion() {
		return (String) this.object.get("apiVersion");
	}

	String name() {
		return Yamls.string(this.object, "metadata", "name");
	}

	String id() {
		return kind() + "/" + name();
	}

	boolean is(String kind, String name) {
		return kind.equals(kind()) && name.equals(name());
	}

	boolean isWorkload() {
		return WORKLOADS.contains(kind());
	}

	/** Long-running workloads: their containers serve, so they need probes. */
	boolean isService() {
		return isWorkload() && !"Job".equals(kind());
	}

	Map<String, Object> podSpec() {
		return Yamls.map(this.object, "spec", "template", "spec");
	}

	Map<String, Object> templateLabels() {
		return Yamls.map(this.object, "spec", "template", "metadata", "labels");
	}

	List<Map<String, Object>> containers() {
		return Yamls.list(podSpec(), "containers");
	}

	List<Map<String, Object>> initContainers() {
		return Yamls.list(podSpec(), "initContainers");
	}

	List<Map<String, Object>> allContainers() {
		List<Map<String, Object>> all = new ArrayList<>(initContainers());
		all.addAll(containers());
		return all;
	}

	/**
	 * The Kubernetes objects inside this ConfigMap's YAML files (a pod template, say), by
	 * file name; none for other kinds.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Map<String, Object>> embeddedObjects() {
		Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
		if (!"ConfigMap".equals(kind())) {
			return objects;
		}
		Yamls.map(this.object, "data").forEach((key, value) -> {
			if (key.endsWith(".yaml") || key.endsWith(".yml")) {
				for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(value.toString())) {
					if (document instanceof Map<?, ?> map && map.containsKey("apiVersion") && map.containsKey("kind")) {
						objects.put(key, (Map<String, Object>) map);
					}
				}
			}
		});
		return objects;
	}

	/** Whether this Service's selector picks the pods of the given workload. */
	boolean selects(Manifest workload) {
		Map<String, Object> selector = Yamls.map(this.object, "spec", "selector");
		return !selector.isEmpty() && workload.templateLabels().entrySet().containsAll(selector.entrySet());
	}

	static Optional<Manifest> find(List<Manifest> manifests, String kind, String name) {
		return manifests.stream().filter((manifest) -> manifest.is(kind, name)).findFirst();
	}

	static Manifest get(List<Manifest> manifests, String kind, String name) {
		return find(manifests, kind, name)
			.orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in the build"));
	}

	static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
		return manifests.stream().filter((manifest) -> kind.equals(manifest.kind())).toList();
	}

}
