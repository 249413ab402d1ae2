package org.healthmon.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code healthmon.*} properties an app binds, read from the source of its
 * {@code @ConfigurationProperties} records: each record component is a property, in kebab
 * case, nested records are nested properties (the app's own, or a shared library's such
 * as hdfs-support's {@code HdfsSettings}), {@code Map} components take any key. (With
 * spring-boot-configuration-processor in the apps, the generated metadata would replace
 * this.)
 */
final class ConfigurationPropertiesSource {

	private static final Pattern PREFIX = Pattern
		.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");

	private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(");

	private static final Pattern DEFAULT_VALUE = Pattern
		.compile("@DefaultValue(?:\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\))?");

	/** The libraries whose records an app's settings may nest. */
	private static final List<String> LIBRARIES = List.of("hdfs-support");

	private ConfigurationPropertiesSource() {
	}

	/** A bindable property; a {@code MAP} one binds any key below its name. */
	record Property(String name, Kind kind, String defaultValue) {

		/**
		 * The environment variable Spring binds to it: dots to _, no dashes, upper case.
		 */
		String envName() {
			return envName(this.name);
		}

		static String envName(String name) {
			return name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
		}

		boolean bindsEnv(String env) {
			return switch (this.kind) {
				case VALUE -> env.equals(envName());
				case MAP -> env.startsWith(envName() + "_");
				case LIST -> env.matches(Pattern.quote(envName()) + "_\\d+(_.*)?");
			};
		}

		boolean binds(String property) {
			return switch (this.kind) {
				case VALUE -> property.equals(this.name);
				case MAP -> property.startsWith(this.name + ".") || property.startsWith(this.name + "[");
				case LIST -> property.startsWith(this.name + "[");
			};
		}

	}

	enum Kind {

		VALUE, MAP, LIST

	}

	/** Every property of every {@code @ConfigurationProperties} record in the module. */
	static List<Property> of(Path module) {
		Map<String, String> records = new HashMap<>();
		for (String library : LIBRARIES) {
			for (String source : sources(Repository.module(library).resolve("src/main/java"))) {
				Matcher record = RECORD.matcher(source);
				while (record.find()) {
					records.put(record.group(1), components(source, record.end() - 1));
				}
			}
		}
		Map<String, String> roots = new LinkedHashMap<>();
		for (String source : sources(module.resolve("src/main/java"))) {
			Matcher record = RECORD.matcher(source);
			while (record.find()) {
				records.put(record.group(1), components(source, record.end() - 1));
			}
			Matcher prefix = PREFIX.matcher(source);
			if (prefix.find()) {
				Matcher root = RECORD.matcher(source);
				if (root.find(prefix.end())) {
					roots.put(prefix.group(1), root.group(1));
				}
			}
		}
		List<Property> properties = new ArrayList<>();
		roots.forEach((prefix, type) -> collect(prefix, records.get(type), records, properties));
		return properties;
	}

	private static void collect(String prefix, String components, Map<String, String> records,
			List<Property> properties) {
		for (String component : split(components)) {
			String defaultValue = defaultValue(component);
			String[] typeAndName = stripAnnotations(component).trim().split("\\s+(?=\\w+$)");
			String type = typeAndName[0].trim();
			String name = prefix + "." + kebab(typeAndName[1].trim());
			String rawType = type.replaceAll("<.*", "");
			if (records.containsKey(rawType)) {
				collect(name, records.get(rawType), records, properties);
			}
			else if (rawType.endsWith("Map")) {
				properties.add(new Property(name, Kind.MAP, null));
			}
			else if (rawType.endsWith("List") || rawType.endsWith("Set") || rawType.endsWith("[]")) {
				properties.add(new Property(name, Kind.LIST, null));
			}
			else {
				properties.add(new Property(name, Kind.VALUE, defaultValue));
			}
		}
	}

	static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String defaultValue(String component) {
		Matcher matcher = DEFAULT_VALUE.matcher(component);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The text between the parenthesis at {@code open} and its match. */
	private static String components(String source, int open) {
		int depth = 0;
		for (int i = open; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '"') {
				i = endOfString(source, i);
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return source.substring(open + 1, i);
			}
		}
		throw new IllegalStateException("unbalanced record header at " + open);
	}

	/** Splits on the commas that separate components: not in strings, (), {} or <>. */
	static List<String> split(String components) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < components.length(); i++) {
			char c = components.charAt(i);
			if (c == '"') {
				i = endOfString(components, i);
			}
			else if (c == '(' || c == '{' || c == '<') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == '>') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(components.substring(start, i));
				start = i + 1;
			}
		}
		if (!components.isBlank()) {
			parts.add(components.substring(start));
		}
		return parts;
	}

	/** Drops {@code @Name} and {@code @Name(...)}, however nested their arguments. */
	private static String stripAnnotations(String component) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < component.length(); i++) {
			char c = component.charAt(i);
			if (c != '@') {
				out.append(c);
				continue;
			}
			int j = i + 1;
			while (j < component.length()
					&& (Character.isJavaIdentifierPart(component.charAt(j)) || component.charAt(j) == '.')) {
				j++;
			}
			while (j < component.length() && Character.isWhitespace(component.charAt(j))) {
				j++;
			}
			if (j < component.length() && component.charAt(j) == '(') {
				j = endOfParens(component, j);
			}
			i = j - 1;
			out.append(' ');
		}
		return out.toString();
	}

	private static int endOfParens(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				i = endOfString(text, i);
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i + 1;
			}
		}
		return text.length();
	}

	private static int endOfString(String text, int quote) {
		for (int i = quote + 1; i < text.length(); i++) {
			if (text.charAt(i) == '\\') {
				i++;
			}
			else if (text.charAt(i) == '"') {
				return i;
			}
		}
		return text.length();
	}

	private static List<String> sources(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.toString().endsWith(".java")).map(Repository::read).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the sources under " + dir, ex);
		}
	}

}
