package org.healthmon.k8s;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every image builds as far as its build context goes, without a Docker engine: the
 * context {@code docker build .} would send (the repository root less
 * {@code .dockerignore}) holds each file a COPY takes from it, and nothing but built
 * jars. Needs the modules packaged: in {@code ./mvnw verify} this module builds after
 * them.
 */
class ImageContextTests {

	private static final Pattern SPARK_VERSION = Pattern.compile("<spark.version>([^<]+)</spark.version>");

	private static final Set<String> NOT_SOURCES = Set.of("target", "var", ".git", "node_modules");

	/** What an image's context may hold: jars the build made. */
	private static final Pattern BUILT_JAR = Pattern.compile("[\\w-]+/target/[\\w.-]+\\.jar(\\.original)?");

	/**
	 * Every image the manifests run that we build, with its Dockerfile and build args.
	 */
	static List<Image> images() {
		List<Image> images = new ArrayList<>();
		for (String app : LayeredJarTests.apps()) {
			images.add(new Image("healthmon/" + app, Repository.root().resolve("Dockerfile"),
					Dockerfile.args("MODULE", app)));
		}
		images.add(new Image("healthmon/speed-executor", executorDockerfile(), Map.of()));
		return images;
	}

	@ParameterizedTest
	@MethodSource("images")
	void everyCopySourceIsInTheBuildContext(Image image) {
		assertCopiesFind(image, DockerContext.of(Repository.root()).files());
	}

	@Test
	void theBuildContextHoldsNothingButBuiltJars() {
		List<String> files = DockerContext.of(Repository.root()).files();
		assertThat(files).isNotEmpty().allSatisfy((file) -> assertThat(file).matches(BUILT_JAR));
	}

	@Test
	void everyDockerfileOfTheRepositoryIsChecked() throws IOException {
		List<Path> checked = images().stream().map(Image::dockerfile).distinct().toList();
		List<Path> dockerfiles = new ArrayList<>();
		Files.walkFileTree(Repository.root(), new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				// build output, local data and git's own files hold no recipes of ours
				return NOT_SOURCES.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (file.getFileName().toString().equals("Dockerfile")) {
					dockerfiles.add(file);
				}
				return FileVisitResult.CONTINUE;
			}

		});
		assertThat(checked).containsExactlyInAnyOrderElementsOf(dockerfiles);
	}

	/**
	 * Each line of .dockerignore is needed: without it an image breaks or more is sent.
	 */
	@Test
	void withoutAnyOneDockerignoreLineAnImageFailsOrTheContextGrows() {
		List<String> lines = Repository.read(Repository.root().resolve(".dockerignore")).lines().toList();
		List<Integer> rules = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).isBlank() && !lines.get(i).trim().startsWith("#")) {
				rules.add(i);
			}
		}
		assertThat(rules).isNotEmpty();
		// with every line, every image builds from jars alone
		assertThat(allCopiesFind(DockerContext.of(Repository.root()).files())).as("all images build").isTrue();
		for (int rule : rules) {
			List<String> without = new ArrayList<>(lines);
			without.remove(rule);
			DockerContext context = DockerContext.of(Repository.root(), without);
			String extra = context.firstFileThatIsNot((file) -> BUILT_JAR.matcher(file).matches());
			boolean broken = extra != null || !allCopiesFind(context.files());
			assertThat(broken).as("without '" + lines.get(rule) + "' every image still builds from jars alone")
				.isTrue();
		}
	}

	@Test
	void theExecutorsRunTheSparkOfTheDriverOnTheJvmOnly() {
		Matcher version = SPARK_VERSION.matcher(Repository.read(Repository.root().resolve("pom.xml")));
		assertThat(version.find()).isTrue();
		// apache/spark tags: <version>-scala2.12-java17-ubuntu is the JVM-only variant;
		// -python3, -r (and the short <version>-java17) carry Python or R
		assertThat(Dockerfile.parse(executorDockerfile(), Map.of()).bases())
			.containsExactly("apache/spark:" + version.group(1) + "-scala2.12-java17-ubuntu");
	}

	private static void assertCopiesFind(Image image, List<String> context) {
		Dockerfile dockerfile = Dockerfile.parse(image.dockerfile(), image.buildArgs());
		assertThat(dockerfile.copies()).as(image + " copies from its context").isNotEmpty();
		for (Dockerfile.Copy copy : dockerfile.copies()) {
			for (String source : copy.sources()) {
				Pattern pattern = DockerContext.copySource(source);
				List<String> found = context.stream().filter((file) -> pattern.matcher(file).matches()).toList();
				assertThat(found).as(image + ": " + copy.instruction() + " finds " + source + " in the context")
					.isNotEmpty();
				if (!copy.destination().endsWith("/")) {
					assertThat(found).as(image + ": " + copy.instruction() + " copies one file").hasSize(1);
				}
			}
		}
	}

	private static boolean allCopiesFind(List<String> context) {
		try {
			images().forEach((image) -> assertCopiesFind(image, context));
			return true;
		}
		catch (AssertionError ex) {
			return false;
		}
	}

	private static Path executorDockerfile() {
		return Repository.k8sDir().resolve("spark-executor/Dockerfile");
	}

	/**
	 * @param name the image
	 * @param dockerfile its recipe
	 * @param buildArgs the build args it is built with
	 */
	record Image(String name, Path dockerfile, Map<String, String> buildArgs) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
