package org.healthmon.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that hold the suite's shape, checked on the main classes of every module
 * (each module's {@code target/classes}; this module builds after all of them):
 * health-model, the contracts every app shares, is free of Spring and Hadoop; the shared
 * libraries import no app; no app imports another; no app has a cycle between its
 * packages; the Hadoop job classes, which run in YARN containers without a Spring
 * context, are free of Spring. And the whole suite, tests included, logs through one API.
 */
class HouseRulesTests {

	/** Each app's module and root package. */
	static final List<String[]> APPS = List.of(new String[] { "ingest-service", "ingest" },
			new String[] { "batch-service", "batch" }, new String[] { "speed-service", "speed" },
			new String[] { "query-service", "query" }, new String[] { "ui-service", "ui" },
			new String[] { "alert-service", "alerts" }, new String[] { "health-emitter", "emitter" },
			new String[] { "dev-cluster", "devcluster" }, new String[] { "import-tool", "importer" });

	/**
	 * The libraries the apps may import, with their root packages: the contracts, and the
	 * HDFS client of the apps that use the store.
	 */
	static final List<String[]> LIBRARIES = List.of(new String[] { "health-model", "model" },
			new String[] { "hdfs-support", "hdfs" });

	/** The modules that are neither apps nor libraries. */
	static final List<String> OTHER_MODULES = List.of("hdfs-test-support", "k8s", "system-tests");

	private static JavaClasses classes;

	private static JavaClasses suite;

	@BeforeAll
	static void importClasses() {
		Path repo = Path.of(System.getProperty("healthmon.repo", ".."));
		ClassFileImporter importer = new ClassFileImporter();
		List<Path> dirs = new ArrayList<>();
		LIBRARIES.forEach((library) -> dirs.add(repo.resolve(library[0] + "/target/classes")));
		APPS.forEach((app) -> dirs.add(repo.resolve(app[0] + "/target/classes")));
		for (Path dir : dirs) {
			assertThat(dir).as("built main classes").isDirectory();
		}
		classes = importer.importPaths(dirs);
		assertThat(classes.stream().filter((c) -> c.getPackageName().startsWith("org.healthmon.batch"))).isNotEmpty();
		assertThat(classes.stream().filter((c) -> c.getPackageName().startsWith("org.healthmon.hdfs"))).isNotEmpty();
		// main and test classes of every module, where built (k8s and system-tests have
		// tests only)
		List<Path> modules = new ArrayList<>(dirs);
		OTHER_MODULES.forEach((module) -> modules.add(repo.resolve(module + "/target/classes")));
		suite = importer.importPaths(modules.stream()
			.flatMap((main) -> Stream.of(main, main.resolveSibling("test-classes")))
			.filter(Files::isDirectory)
			.toList());
	}

	@Test
	void theModelIsFreeOfSpringAndHadoop() {
		noClasses().that()
			.resideInAPackage("org.healthmon.model..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.hadoop..", "org.apache.spark..",
					"org.healthmon.hdfs..")
			.because("health-model is the contracts every app shares, and apps without Hadoop use it")
			.check(classes);
	}

	static List<String> apps() {
		return APPS.stream().map((app) -> app[1]).toList();
	}

	static List<String> libraries() {
		return LIBRARIES.stream().map((library) -> library[1]).toList();
	}

	@ParameterizedTest
	@MethodSource("libraries")
	void noLibraryImportsAnApp(String library) {
		noClasses().that()
			.resideInAPackage("org.healthmon." + library + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(apps().stream().map((app) -> "org.healthmon." + app + "..").toArray(String[]::new))
			.because("a library serves every app alike; what one app needs stays in that app")
			.check(classes);
	}

	@ParameterizedTest
	@MethodSource("apps")
	void noAppImportsAnother(String app) {
		String[] others = APPS.stream()
			.map((other) -> other[1])
			.filter((other) -> !other.equals(app))
			.map((other) -> "org.healthmon." + other + "..")
			.toArray(String[]::new);
		noClasses().that()
			.resideInAPackage("org.healthmon." + app + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("apps share only the libraries (health-model, hdfs-support): each deploys and scales on its own")
			.check(classes);
	}

	@ParameterizedTest
	@MethodSource("apps")
	void noAppHasAPackageCycle(String app) {
		ArchRule rule = slices().matching("org.healthmon." + app + ".(*)..")
			.should()
			.beFreeOfCycles()
			.allowEmptyShould(true);
		rule.check(classes);
	}

	@Test
	void hadoopJobClassesAreFreeOfSpring() {
		noClasses().that()
			.resideInAPackage("org.healthmon.batch.job..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("job classes run in YARN containers, where there is no Spring context")
			.check(classes);
	}

	@Test
	void theSuiteLogsThroughCommonsLoggingOnly() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("org.slf4j..")
			.because("one logging API, commons-logging's Log as Spring itself uses (Boot routes it to Logback);"
					+ " no exceptions today: code in Hadoop or Spark tasks, or an API that wants an SLF4J Logger,"
					+ " would be listed here")
			.check(suite);
	}

}
