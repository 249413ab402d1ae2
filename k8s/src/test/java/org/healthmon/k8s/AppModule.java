package org.healthmon.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What an app module says about itself: its {@code application.yaml} and the
 * {@code healthmon.*} properties of its configuration records.
 *
 * @param name the module (and image) name
 * @param config its application.yaml, flattened
 * @param properties the properties it binds
 */
record AppModule(String name, Map<String, Object> config, List<ConfigurationPropertiesSource.Property> properties) {

	private static final String IMAGE_REPOSITORY = "healthmon/";

	private static final Pattern OUR_IMAGE = Pattern.compile("(?:.+/)?healthmon/([a-z0-9-]+)(?::[^/@]+)?(?:@.+)?");

	@SuppressWarnings("unchecked")
	static AppModule of(String name) {
		Path dir = Repository.module(name);
		if (!Files.isDirectory(dir)) {
			throw new AssertionError("no module " + name + " at " + dir);
		}
		Map<String, Object> config = new LinkedHashMap<>();
		Path yaml = dir.resolve("src/main/resources/application.yaml");
		if (Files.exists(yaml)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Repository.read(yaml))) {
				if (document != null) {
					config.putAll(Yamls.flatten((Map<String, Object>) document));
				}
			}
		}
		return new AppModule(name, config, ConfigurationPropertiesSource.of(dir));
	}

	/**
	 * The app module an image is built from, for images of the form
	 * [registry/]healthmon/<module>[:tag][@digest].
	 */
	static Optional<String> moduleOfImage(String image) {
		Matcher matcher = OUR_IMAGE.matcher(image);
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** The registry an image of ours is pulled from; empty for the local image store. */
	static Optional<String> registryOfImage(String image) {
		Matcher matcher = OUR_IMAGE.matcher(image);
		return (matcher.matches() && image.indexOf('/') < image.indexOf(IMAGE_REPOSITORY))
				? Optional.of(image.substring(0, image.indexOf(IMAGE_REPOSITORY) - 1)) : Optional.empty();
	}

	boolean servesHttp() {
		return !"none".equals(String.valueOf(this.config.get("spring.main.web-application-type")));
	}

	/**
	 * The value a property takes from an environment, else application.yaml, else its
	 * default.
	 */
	Optional<String> effective(String property, Map<String, String> env) {
		String envName = ConfigurationPropertiesSource.Property.envName(property);
		if (env.containsKey(envName)) {
			return Optional.ofNullable(env.get(envName));
		}
		if (this.config.containsKey(property)) {
			return Optional.of(String.valueOf(this.config.get(property)));
		}
		return this.properties.stream()
			.filter((candidate) -> candidate.name().equals(property))
			.map(ConfigurationPropertiesSource.Property::defaultValue)
			.filter((value) -> value != null)
			.findFirst();
	}

	/** The TCP port Actuator answers on: management.server.port, else server.port. */
	int managementPort(Map<String, String> env) {
		return effective("management.server.port", env).or(() -> effective("server.port", env))
			.map(Integer::parseInt)
			.orElse(8080);
	}

	String actuatorBasePath() {
		return String.valueOf(this.config.getOrDefault("management.endpoints.web.base-path", "/actuator"));
	}

	/** Whether Actuator has a health group of that name (probes enabled, or declared). */
	boolean hasHealthGroup(String group) {
		return Boolean.TRUE.equals(this.config.get("management.endpoint.health.probes.enabled")) || this.config.keySet()
			.stream()
			.anyMatch((key) -> key.startsWith("management.endpoint.health.group." + group + "."));
	}

	/**
	 * The healthmon.* port properties the app listens on. A {@code target} is where an
	 * app sends (the emitter's target.port), not a port it listens on.
	 */
	List<String> listeningPortProperties() {
		return this.properties.stream()
			.map(ConfigurationPropertiesSource.Property::name)
			.filter((name) -> name.endsWith(".port") && !name.contains(".target."))
			.toList();
	}

	List<String> propertiesEndingWith(String suffix) {
		return this.properties.stream()
			.map(ConfigurationPropertiesSource.Property::name)
			.filter((name) -> name.endsWith(suffix))
			.toList();
	}

	boolean binds(String property) {
		return this.properties.stream().anyMatch((candidate) -> candidate.binds(property));
	}

	boolean bindsEnv(String env) {
		return this.properties.stream().anyMatch((candidate) -> candidate.bindsEnv(env));
	}

}
