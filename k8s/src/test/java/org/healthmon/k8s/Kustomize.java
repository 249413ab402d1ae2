package org.healthmon.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Builds kustomize directories with {@code kubectl kustomize}, as
 * {@code kubectl apply -k} would, into the objects it would send. Builds are cached per
 * JVM: several test classes look at the same overlay.
 */
final class Kustomize {

	private static final long TIMEOUT_SECONDS = 120;

	private static final Map<Path, List<Manifest>> BUILDS = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	static List<Manifest> overlay(String name) {
		return build(Repository.overlay(name));
	}

	/**
	 * The production overlay with an optional Component of {@code k8s/base} added (e.g.
	 * {@code monitoring}), built from a kustomization written under
	 * {@code target/production-with-<component>}.
	 */
	static List<Manifest> productionWith(String component) throws IOException {
		Path dir = Repository.k8sDir().resolve("target/production-with-" + component);
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("kustomization.yaml"), """
				apiVersion: kustomize.config.k8s.io/v1beta1
				kind: Kustomization
				namespace: healthmon
				resources:
				  - ../../overlays/production
				components:
				  - ../../base/%s
				""".formatted(component));
		return build(dir);
	}

	static List<Manifest> build(Path dir) {
		return BUILDS.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
	}

	private static List<Manifest> run(Path dir) {
		try {
			Path out = Files.createTempFile("kustomize", ".yaml");
			Path err = Files.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
					.redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.start();
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException("kubectl kustomize " + dir + " took over " + TIMEOUT_SECONDS + "s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue()
							+ "): " + Files.readString(err));
				}
				return parse(Files.readString(out, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run '" + kubectl() + " kustomize' (is kubectl installed? "
					+ "-Dkubectl=/path/to/kubectl names another one)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Manifest> parse(String yaml) {
		List<Manifest> manifests = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
			if (document != null) {
				manifests.add(new Manifest((Map<String, Object>) document));
			}
		}
		return manifests;
	}

	private static String kubectl() {
		return System.getProperty("kubectl", "kubectl");
	}

}
