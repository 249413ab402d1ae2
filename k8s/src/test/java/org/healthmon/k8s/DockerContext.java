package org.healthmon.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The files {@code docker build} sends as the build context of a directory: every file
 * not excluded by its {@code .dockerignore}, matched as Docker matches it (Go
 * {@code filepath.Match} per path segment plus {@code **} for any number of segments;
 * {@code !} re-includes; the last pattern that matches a path or one of its parents
 * decides).
 */
final class DockerContext {

	private final Path root;

	private final List<Rule> rules;

	private DockerContext(Path root, List<Rule> rules) {
		this.root = root;
		this.rules = rules;
	}

	static DockerContext of(Path root) {
		Path ignore = root.resolve(".dockerignore");
		return of(root, Files.exists(ignore) ? Repository.read(ignore).lines().toList() : List.of());
	}

	/** The context of a directory with these .dockerignore lines. */
	static DockerContext of(Path root, List<String> dockerignore) {
		List<Rule> rules = new ArrayList<>();
		for (String line : dockerignore) {
			String pattern = line.trim();
			if (pattern.isEmpty() || pattern.startsWith("#")) {
				continue;
			}
			boolean include = pattern.startsWith("!");
			pattern = (include ? pattern.substring(1) : pattern).trim().replaceAll("^/+", "");
			rules.add(new Rule(glob(pattern, true), include,
					pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("/").length));
		}
		return new DockerContext(root, rules);
	}

	/** Every file sent, as paths relative to the context root with '/' separators. */
	List<String> files() {
		List<String> files = new ArrayList<>();
		walk((file) -> {
			files.add(file);
			return true;
		});
		return files;
	}

	/** The first file sent that fails the test, or null: stops walking there. */
	String firstFileThatIsNot(Predicate<String> wanted) {
		String[] found = new String[1];
		walk((file) -> {
			if (!wanted.test(file)) {
				found[0] = file;
				return false;
			}
			return true;
		});
		return found[0];
	}

	boolean sends(String path) {
		boolean sent = true;
		for (Rule rule : this.rules) {
			if (rule.matchesOrParentMatches(path)) {
				sent = rule.include();
			}
		}
		return sent;
	}

	/**
	 * A COPY source, Go filepath.Match style (no {@code **}), as a matcher of context
	 * paths.
	 */
	static Pattern copySource(String source) {
		return glob(source.replaceAll("^(\\./)+", "").replaceAll("/+$", ""), false);
	}

	private void walk(Predicate<String> visitor) {
		try {
			Files.walkFileTree(this.root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					String path = relative(dir);
					return (path.isEmpty() || sends(path) || mayIncludeBelow(path)) ? FileVisitResult.CONTINUE
							: FileVisitResult.SKIP_SUBTREE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					String path = relative(file);
					if (sends(path) && !visitor.test(path)) {
						return FileVisitResult.TERMINATE;
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether an exception pattern could still match something below an excluded dir. */
	private boolean mayIncludeBelow(String dir) {
		int depth = dir.split("/").length;
		return this.rules.stream().anyMatch((rule) -> rule.include() && rule.depth() > depth);
	}

	private String relative(Path path) {
		return this.root.relativize(path).toString().replace('\\', '/');
	}

	/**
	 * {@code *} and {@code ?} within a segment, {@code [..]} classes, {@code **} across.
	 */
	private static Pattern glob(String glob, boolean doubleStar) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			if (doubleStar && glob.startsWith("**", i)) {
				boolean slash = glob.startsWith("**/", i);
				regex.append(slash ? "(.*/)?" : ".*");
				i += slash ? 2 : 1;
			}
			else if (c == '*') {
				regex.append("[^/]*");
			}
			else if (c == '?') {
				regex.append("[^/]");
			}
			else if (c == '[') {
				int end = glob.indexOf(']', i);
				regex.append(glob, i, end + 1);
				i = end;
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

	private record Rule(Pattern pattern, boolean include, int depth) {

		boolean matchesOrParentMatches(String path) {
			String candidate = path;
			while (true) {
				if (this.pattern.matcher(candidate).matches()) {
					return true;
				}
				int slash = candidate.lastIndexOf('/');
				if (slash < 0) {
					return false;
				}
				candidate = candidate.substring(0, slash);
			}
		}

	}

}
