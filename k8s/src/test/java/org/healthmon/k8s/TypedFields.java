package org.healthmon.k8s;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;

/**
 * The value checks of the Kubernetes API's schema that {@code validateJsonObject} of
 * client-java's models leaves out, walked along the same models (generated from the
 * Kubernetes 1.30 OpenAPI spec): every field's JSON type (int32 in range, int64, number,
 * boolean, string, date-time, base64 bytes, maps and arrays of them), int-or-string,
 * quantities in the API server's grammar, the enumerated values of
 * {@link KubernetesEnums}, and the one-handler rule of probes and lifecycle hooks.
 */
final class TypedFields {

	private static final String MODELS = "io.kubernetes.client.openapi.models.";

	/** Types that hold exactly one of these handlers (the API server refuses more). */
	private static final Map<String, List<String>> ONE_HANDLER = Map.of("V1Probe",
			List.of("exec", "grpc", "httpGet", "tcpSocket"), "V1LifecycleHandler",
			List.of("exec", "httpGet", "sleep", "tcpSocket"));

	private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

	private TypedFields() {
	}

	/** What is wrong with the values of an object of this model; empty when nothing. */
	static List<String> check(Class<?> model, Map<String, Object> object, String path, List<String> errors) {
		Map<String, Field> fields = fields(model);
		List<String> handlers = ONE_HANDLER.get(model.getSimpleName());
		if (handlers != null) {
			long given = handlers.stream().filter((handler) -> object.get(handler) != null).count();
			if (given != 1) {
				errors.add(path + ": must have exactly one handler of " + handlers + ", has " + given);
			}
		}
		object.forEach((name, value) -> {
			Field field = fields.get(name);
			if (field != null && value != null) {
				String at = path.isEmpty() ? name : path + "." + name;
				checkValue(field.getGenericType(), value, at, errors);
				Set<String> allowed = KubernetesEnums.values(model.getSimpleName(), name);
				if (allowed != null) {
					checkEnum(value, allowed, at, errors);
				}
			}
		});
		return errors;
	}

	/** The JSON name → Java field of a model. */
	static Map<String, Field> fields(Class<?> model) {
		return FIELDS.computeIfAbsent(model, (type) -> {
			Map<String, Field> fields = new LinkedHashMap<>();
			for (Field field : type.getDeclaredFields()) {
				SerializedName name = field.getAnnotation(SerializedName.class);
				if (name != null && !Modifier.isStatic(field.getModifiers())) {
					fields.put(name.value(), field);
				}
			}
			return fields;
		});
	}

	@SuppressWarnings("unchecked")
	private static void checkValue(Type type, Object value, String path, List<String> errors) {
		if (type instanceof ParameterizedType parameterized) {
			Type[] arguments = parameterized.getActualTypeArguments();
			if (parameterized.getRawType() == List.class) {
				if (!(value instanceof List<?> list)) {
					errors.add(path + ": must be an array, is " + describe(value));
					return;
				}
				for (int i = 0; i < list.size(); i++) {
					checkValue(arguments[0], list.get(i), path + "[" + i + "]", errors);
				}
			}
			else if (parameterized.getRawType() == Map.class) {
				if (!(value instanceof Map<?, ?> map)) {
					errors.add(path + ": must be an object, is " + describe(value));
					return;
				}
				map.forEach((key, entry) -> checkValue(arguments[1], entry, path + "." + key, errors));
			}
			return;
		}
		Class<?> expected = (Class<?>) type;
		String problem = problem(expected, value);
		if (problem != null) {
			errors.add(path + ": " + problem + ", is " + describe(value));
		}
		else if (expected.getName().startsWith(MODELS) && value instanceof Map<?, ?> map) {
			check(expected, (Map<String, Object>) map, path, errors);
		}
	}

	/** Why a value cannot be of a type, or null when it can. */
	private static String problem(Class<?> type, Object value) {
		if (type == Integer.class) {
			return (isInteger(value) && fitsInt32(value)) ? null : "must be a 32-bit integer";
		}
		if (type == Long.class) {
			return isInteger(value) ? null : "must be an integer";
		}
		if (type == Double.class || type == Float.class || type == java.math.BigDecimal.class) {
			return (value instanceof Number) ? null : "must be a number";
		}
		if (type == Boolean.class) {
			return (value instanceof Boolean) ? null : "must be a boolean";
		}
		if (type == String.class) {
			return (value instanceof String) ? null : "must be a string";
		}
		if (type == OffsetDateTime.class) {
			return (value instanceof String text && isDateTime(text)) ? null : "must be an RFC 3339 date-time";
		}
		if (type == byte[].class) {
			return (value instanceof String text && isBase64(text)) ? null : "must be base64 bytes";
		}
		if (type == IntOrString.class) {
			return ((isInteger(value) && fitsInt32(value)) || (value instanceof String text && !text.isEmpty())) ? null
					: "must be an integer or a string";
		}
		if (type == Quantity.class) {
			return isQuantity(value) ? null : "must be a quantity (e.g. 512Mi, 250m, 2)";
		}
		if (type == Object.class) {
			return null;
		}
		return (value instanceof Map) ? null : "must be an object";
	}

	private static void checkEnum(Object value, Set<String> allowed, String path, List<String> errors) {
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				checkEnum(list.get(i), allowed, path + "[" + i + "]", errors);
			}
		}
		else if (!allowed.contains(String.valueOf(value))) {
			errors.add(path + ": must be one of " + allowed + ", is " + describe(value));
		}
	}

	private static boolean isInteger(Object value) {
		return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
	}

	private static boolean fitsInt32(Object value) {
		return value instanceof Integer || (value instanceof Long number && number == number.intValue());
	}

	private static boolean isDateTime(String text) {
		try {
			OffsetDateTime.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isBase64(String text) {
		try {
			Base64.getDecoder().decode(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The API server's grammar: a signed decimal with a binary/decimal suffix or
	 * exponent.
	 */
	private static boolean isQuantity(Object value) {
		if (value instanceof Number) {
			return true;
		}
		if (!(value instanceof String text) || text.isEmpty()) {
			return false;
		}
		try {
			Quantity.fromString(text);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String describe(Object value) {
		String text = String.valueOf(value);
		String kind = (value instanceof Map) ? "an object" : (value instanceof List) ? "an array"
				: (value instanceof String) ? "the string" : value.getClass().getSimpleName().toLowerCase();
		return kind + " " + ((text.length() > 40) ? text.substring(0, 40) + "…" : text);
	}

}
