package org.healthmon.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things are in the repository, seen from this module: the reactor root, the
 * kustomize directories, the app modules.
 */
final class Repository {

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private static final Pattern VERSION = Pattern
		.compile("<artifactId>healthmon</artifactId>\\s*<version>([^<]+)</version>");

	private Repository() {
	}

	/** This module's directory: surefire runs tests there and sets {@code basedir}. */
	static Path k8sDir() {
		return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
	}

	static Path root() {
		return k8sDir().getParent();
	}

	static Path overlay(String name) {
		return k8sDir().resolve("overlays").resolve(name);
	}

	static List<String> overlays() {
		return List.of("local", "production");
	}

	static Path module(String name) {
		return root().resolve(name);
	}

	/** The reactor's modules, in build order. */
	static List<String> modules() {
		List<String> modules = new ArrayList<>();
		Matcher matcher = MODULE.matcher(read(root().resolve("pom.xml")));
		while (matcher.find()) {
			modules.add(matcher.group(1));
		}
		return modules;
	}

	/** Modules that repackage a Spring Boot application. */
	static List<String> bootApps() {
		return modules().stream()
			.filter((module) -> read(module(module).resolve("pom.xml")).contains("spring-boot-maven-plugin"))
			.toList();
	}

	static String projectVersion() {
		Matcher matcher = VERSION.matcher(read(root().resolve("pom.xml")));
		if (!matcher.find()) {
			throw new IllegalStateException("no project version in the root pom.xml");
		}
		return matcher.group(1);
	}

	/** The release an image tag names: the project version without -SNAPSHOT. */
	static String releaseVersion() {
		return projectVersion().replace("-SNAPSHOT", "");
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
	}

}
