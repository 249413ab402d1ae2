package org.healthmon.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-safe walks through parsed YAML: a missing step gives an empty value. */
final class Yamls {

	private Yamls() {
	}

	static Object get(Object node, String... path) {
		Object current = node;
		for (String step : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(step);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node, String... path) {
		Object value = get(node, path);
		return (value instanceof Map) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object node, String... path) {
		Object value = get(node, path);
		return (value instanceof List) ? (List<Map<String, Object>>) value : List.of();
	}

	static String string(Object node, String... path) {
		Object value = get(node, path);
		return (value != null) ? value.toString() : null;
	}

	/** {@code a: {b: 1}} as {@code a.b=1}; list items as {@code a[0]}. */
	static Map<String, Object> flatten(Map<String, Object> tree) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", tree, flat);
		return flat;
	}

	private static void flatten(String prefix, Object node, Map<String, Object> flat) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, flat));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), flat);
			}
		}
		else {
			flat.put(prefix, node);
		}
	}

}
