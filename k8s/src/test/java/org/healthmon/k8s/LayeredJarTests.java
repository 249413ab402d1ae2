package org.healthmon.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's first stage, run here on each deployed app's jar: its extract command
 * splits the jar into the layers its second stage copies, and the launcher its ENTRYPOINT
 * names is there. Needs the apps packaged: in {@code ./mvnw verify} this module builds
 * after them.
 */
class LayeredJarTests {

	private static final Pattern EXTRACT = Pattern
		.compile("RUN (java -Djarmode=tools -jar app\\.jar extract[^\\\\&\\n]*)");

	private static final Pattern COPY_LAYER = Pattern.compile("COPY --from=layers /build/extracted/([\\w-]+)/");

	private static final Pattern ENTRYPOINT = Pattern.compile("ENTRYPOINT \\[\"java\", \"([\\w.]+)\"\\]");

	private static final long TIMEOUT_SECONDS = 120;

	static List<String> apps() {
		List<String> apps = new ArrayList<>();
		for (String overlay : Repository.overlays()) {
			AppContainer.all(Kustomize.overlay(overlay))
				.stream()
				.map((app) -> app.module().name())
				.filter((app) -> !apps.contains(app))
				.forEach(apps::add);
		}
		return apps;
	}

	@Test
	void theImageCopiesBootsLayersInBootsOrder() throws IOException {
		Path jar = jarOf(apps().get(0));
		try (JarFile file = new JarFile(jar.toFile())) {
			String index = new String(file.getInputStream(file.getJarEntry("BOOT-INF/layers.idx")).readAllBytes());
			List<String> layers = new ArrayList<>();
			Matcher layer = Pattern.compile("- \"([\\w-]+)\":").matcher(index);
			while (layer.find()) {
				layers.add(layer.group(1));
			}
			assertThat(copiedLayers()).isEqualTo(layers)
				.containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		}
	}

	@ParameterizedTest
	@MethodSource("apps")
	void theDockerfileExtractionGivesEveryLayerAndTheLauncher(String app, @TempDir Path dir) throws Exception {
		Path jar = jarOf(app);
		Files.copy(jar, dir.resolve("app.jar"));
		List<String> command = new ArrayList<>(Arrays.asList(extractCommand().split("\\s+")));
		command.set(0, javaExecutable());
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("extract.log").toFile())
			.start();
		assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("extraction finishes").isTrue();
		assertThat(process.exitValue()).as(Files.readString(dir.resolve("extract.log"))).isZero();
		Path extracted = dir.resolve("extracted");
		for (String layer : copiedLayers()) {
			assertThat(extracted.resolve(layer)).as(app + " layer " + layer).isDirectory();
		}
		assertThat(extracted.resolve("dependencies/BOOT-INF/lib")).isNotEmptyDirectory();
		assertThat(extracted.resolve("application/BOOT-INF/classes")).isNotEmptyDirectory();
		String launcher = entrypointClass();
		assertThat(extracted.resolve("spring-boot-loader").resolve(launcher.replace('.', '/') + ".class"))
			.as("the ENTRYPOINT's launcher")
			.isRegularFile();
		try (JarFile file = new JarFile(jar.toFile())) {
			assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(launcher);
		}
	}

	static Path jarOf(String app) throws IOException {
		Path target = Repository.module(app).resolve("target");
		List<Path> jars = List.of();
		if (Files.isDirectory(target)) {
			try (Stream<Path> files = Files.list(target)) {
				jars = files.filter((file) -> file.getFileName().toString().matches(Pattern.quote(app) + "-.*\\.jar"))
					// batch-service's "-job" jar is the plain MapReduce job jar for YARN,
					// not the app
					.filter((file) -> !file.getFileName()
						.toString()
						.matches(".*-(sources|javadoc|tests|plain|job)\\.jar"))
					.toList();
			}
		}
		assertThat(jars)
			.as("the packaged jar of " + app + " in " + target
					+ " (run the full reactor, './mvnw -B verify', or package " + app + " first)")
			.hasSize(1);
		return jars.get(0);
	}

	private static String dockerfile() {
		return Repository.read(Repository.root().resolve("Dockerfile"));
	}

	private static String extractCommand() {
		Matcher matcher = EXTRACT.matcher(dockerfile());
		assertThat(matcher.find()).as("the Dockerfile extracts with -Djarmode=tools").isTrue();
		return matcher.group(1).trim();
	}

	private static List<String> copiedLayers() {
		List<String> layers = new ArrayList<>();
		Matcher matcher = COPY_LAYER.matcher(dockerfile());
		while (matcher.find()) {
			layers.add(matcher.group(1));
		}
		return layers;
	}

	private static String entrypointClass() {
		Matcher matcher = ENTRYPOINT.matcher(dockerfile());
		assertThat(matcher.find()).as("the Dockerfile's ENTRYPOINT").isTrue();
		return matcher.group(1);
	}

	/** The JVM running the tests: the Java 17 the build runs on, as the image has. */
	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
