package org.healthmon.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A container that runs one of our apps (image {@code healthmon/<module>:<tag>}).
 *
 * @param workload the Deployment, StatefulSet or Job it belongs to
 * @param container the container
 * @param module the app module its image is built from
 * @param env its environment
 */
record AppContainer(Manifest workload, Map<String, Object> container, AppModule module, Map<String, String> env) {

	static List<AppContainer> all(List<Manifest> manifests) {
		List<AppContainer> apps = new ArrayList<>();
		for (Manifest workload : manifests) {
			if (!workload.isWorkload()) {
				continue;
			}
			for (Map<String, Object> container : workload.containers()) {
				AppModule.moduleOfImage((String) container.get("image"))
					.ifPresent((module) -> apps.add(new AppContainer(workload, container, AppModule.of(module),
							Containers.env(container, manifests))));
			}
		}
		return apps;
	}

	/** YAML files of the ConfigMaps this container mounts (an application.yaml, say). */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> mountedConfigMapYaml(List<Manifest> manifests) {
		Set<String> mounted = Yamls.list(this.container, "volumeMounts")
			.stream()
			.map((mount) -> (String) mount.get("name"))
			.collect(Collectors.toSet());
		List<Map<String, Object>> files = new ArrayList<>();
		for (Map<String, Object> volume : Yamls.list(this.workload.podSpec(), "volumes")) {
			String configMap = Yamls.string(volume, "configMap", "name");
			if (configMap == null || !mounted.contains(volume.get("name"))) {
				continue;
			}
			Yamls.map(Manifest.get(manifests, "ConfigMap", configMap).object(), "data").forEach((key, value) -> {
				if (key.endsWith(".yaml") || key.endsWith(".yml")) {
					for (Object document : new Yaml(new SafeConstructor(new LoaderOptions()))
						.loadAll(value.toString())) {
						if (document instanceof Map) {
							files.add((Map<String, Object>) document);
						}
					}
				}
			});
		}
		return files;
	}

	/**
	 * The Spark settings the app is given: the {@code [spark.*]} entries of a
	 * {@code *.spark.properties} map, from its application.yaml, then the mounted YAML
	 * files, then environment variables (all lower case keys:
	 * {@code HEALTHMON_SPEED_SPARK_PROPERTIES_SPARK_EXECUTOR_INSTANCES}), each winning
	 * over the ones before, as Spring orders them.
	 */
	Map<String, String> sparkProperties(List<Manifest> manifests) {
		Map<String, String> spark = new LinkedHashMap<>();
		List<Map<String, Object>> sources = new ArrayList<>();
		sources.add(this.module.config());
		mountedConfigMapYaml(manifests).forEach((file) -> sources.add(Yamls.flatten(file)));
		for (Map<String, Object> source : sources) {
			source.forEach((key, value) -> {
				int map = key.indexOf(".spark.properties.");
				if (key.startsWith("healthmon.") && map >= 0) {
					String name = key.substring(map + ".spark.properties.".length()).replaceAll("^\\[(.*)\\]$", "$1");
					spark.put(name, String.valueOf(value));
				}
			});
		}
		this.env.forEach((name, value) -> {
			int map = name.indexOf("_SPARK_PROPERTIES_");
			if (name.startsWith("HEALTHMON_") && map >= 0 && value != null) {
				spark.put(name.substring(map + "_SPARK_PROPERTIES_".length()).toLowerCase().replace('_', '.'), value);
			}
		});
		return spark;
	}

	@Override
	public String toString() {
		return this.workload.id() + "/" + this.container.get("name");
	}

}
