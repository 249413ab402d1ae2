package org.healthmon.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile as {@code docker build} reads it with some build args: its base images and
 * the COPY instructions that take files from the build context (not those {@code --from}
 * another stage), with {@code ARG}s substituted.
 *
 * @param file the Dockerfile
 * @param bases the image of each FROM, args substituted
 * @param copies the COPY (and ADD) instructions from the context
 */
record Dockerfile(Path file, List<String> bases, List<Copy> copies) {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

	static Dockerfile parse(Path file, Map<String, String> buildArgs) {
		Map<String, String> global = new HashMap<>();
		Map<String, String> stage = new HashMap<>();
		List<String> bases = new ArrayList<>();
		List<Copy> copies = new ArrayList<>();
		boolean inStage = false;
		for (String line : instructions(Repository.read(file))) {
			String[] words = line.split("\\s+", 2);
			String instruction = words[0].toUpperCase();
			String rest = (words.length > 1) ? words[1] : "";
			switch (instruction) {
				case "ARG" -> {
					String[] arg = rest.split("=", 2);
					String value = buildArgs.getOrDefault(arg[0],
							(arg.length > 1) ? substitute(arg[1], inStage ? stage : global) : null);
					if (!inStage) {
						global.put(arg[0], value);
					}
					else {
						// a stage sees a global ARG only when it declares it again
						stage.put(arg[0], (value != null) ? value : global.get(arg[0]));
					}
				}
				case "FROM" -> {
					inStage = true;
					stage = new HashMap<>();
					bases.add(substitute(rest.split("\\s+")[0], global));
				}
				case "COPY", "ADD" -> {
					List<String> arguments = new ArrayList<>(Arrays.asList(rest.split("\\s+")));
					boolean fromStage = arguments.stream().anyMatch((argument) -> argument.startsWith("--from="));
					arguments.removeIf((argument) -> argument.startsWith("--"));
					if (!fromStage) {
						Map<String, String> scope = stage;
						List<String> paths = arguments.stream().map((path) -> substitute(path, scope)).toList();
						copies.add(new Copy(line, paths.subList(0, paths.size() - 1), paths.get(paths.size() - 1)));
					}
				}
				default -> {
				}
			}
		}
		return new Dockerfile(file, bases, copies);
	}

	/** Instructions one per line: comments dropped, continuation lines joined. */
	private static List<String> instructions(String text) {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.lines().toList()) {
			String trimmed = line.trim();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			boolean continued = trimmed.endsWith("\\");
			current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
			if (!continued) {
				instructions.add(current.toString().trim());
				current.setLength(0);
			}
		}
		return instructions;
	}

	private static String substitute(String text, Map<String, String> args) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			String value = args.get(name);
			if (value == null) {
				throw new AssertionError("ARG " + name + " has no value in " + text);
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	static Map<String, String> args(String... namesAndValues) {
		Map<String, String> args = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			args.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return args;
	}

	/**
	 * @param instruction the instruction as written
	 * @param sources the context paths or globs it copies
	 * @param destination where they go
	 */
	record Copy(String instruction, List<String> sources, String destination) {

	}

}
