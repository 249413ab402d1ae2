package org.healthmon.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Validates objects offline against the Kubernetes API of {@link #VERSION}, as the API
 * server would: the models of {@code io.kubernetes:client-java-api} 21.x are generated
 * from the 1.30 OpenAPI spec; each checks a JSON object's structure (unknown fields,
 * missing required fields, objects vs arrays vs scalars, recursively), and
 * {@link TypedFields} walks the same models for what that leaves out (every value's type,
 * int-or-string, quantities, enumerated values, one handler per probe). On top, what the
 * spec's paths say: the apiVersion serves that kind, and whether it is namespaced; and
 * the name rules the API server applies.
 */
final class KubernetesSchema {

	static final String VERSION = "1.30";

	private static final String MODELS = "io.kubernetes.client.openapi.models.";

	private static final String APIS = "io.kubernetes.client.openapi.apis.";

	private static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

	private static final List<String> NAMED_AS_LABEL = List.of("Service", "Namespace");

	private static final Gson GSON = new Gson();

	private KubernetesSchema() {
	}

	/** What is wrong with the object; empty when the API server's schema accepts it. */
	static List<String> validate(Map<String, Object> object) {
		return validate(object, true);
	}

	/**
	 * What is wrong with an object that is a template (a pod template file, say): the
	 * schema alone; its name and namespace are given when it is used.
	 */
	static List<String> validateTemplate(Map<String, Object> object) {
		return validate(object, false);
	}

	private static List<String> validate(Map<String, Object> object, boolean applied) {
		List<String> errors = new ArrayList<>();
		String apiVersion = (String) object.get("apiVersion");
		String kind = (String) object.get("kind");
		if (apiVersion == null || kind == null) {
			return List.of("apiVersion and kind are required");
		}
		String id = apiVersion + " " + kind + " " + Yamls.string(object, "metadata", "name");
		Class<?> model = model(apiVersion, kind);
		Class<?> api = api(apiVersion);
		if (model == null || api == null) {
			return List.of(id + ": Kubernetes " + VERSION + " has no such apiVersion and kind");
		}
		Scope scope = scope(api, kind);
		if (scope == null) {
			return List.of(id + ": Kubernetes " + VERSION + " does not serve " + kind + " in " + apiVersion);
		}
		try {
			Method validate = model.getMethod("validateJsonObject", JsonObject.class);
			validate.invoke(null, GSON.toJsonTree(object).getAsJsonObject());
		}
		catch (InvocationTargetException ex) {
			errors.add(id + ": " + ex.getCause().getMessage());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot validate " + id, ex);
		}
		TypedFields.check(model, object, "", new ArrayList<>()).forEach((error) -> errors.add(id + ": " + error));
		if (applied) {
			errors.addAll(metadataErrors(id, kind, scope, object));
		}
		return errors;
	}

	private static List<String> metadataErrors(String id, String kind, Scope scope, Map<String, Object> object) {
		List<String> errors = new ArrayList<>();
		String name = Yamls.string(object, "metadata", "name");
		Pattern rule = NAMED_AS_LABEL.contains(kind) ? DNS_LABEL : DNS_SUBDOMAIN;
		if (name == null || name.length() > (NAMED_AS_LABEL.contains(kind) ? 63 : 253)
				|| !rule.matcher(name).matches()) {
			errors.add(id + ": metadata.name must be a DNS-1123 " + (rule == DNS_LABEL ? "label" : "subdomain"));
		}
		boolean hasNamespace = Yamls.get(object, "metadata", "namespace") != null;
		if (scope == Scope.NAMESPACED && !hasNamespace) {
			errors.add(id + ": namespaced, but has no metadata.namespace");
		}
		if (scope == Scope.CLUSTER && hasNamespace) {
			errors.add(id + ": cluster-scoped, but has metadata.namespace");
		}
		return errors;
	}

	/** {@code apps/v1} + {@code StatefulSet} is {@code V1StatefulSet}. */
	private static Class<?> model(String apiVersion, String kind) {
		return load(MODELS + capitalize(version(apiVersion)) + kind);
	}

	/**
	 * {@code rbac.authorization.k8s.io/v1} is served by {@code RbacAuthorizationV1Api}.
	 */
	private static Class<?> api(String apiVersion) {
		String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "core";
		StringBuilder name = new StringBuilder();
		Arrays.stream(group.replace(".k8s.io", "").split("\\."))
			.map(KubernetesSchema::capitalize)
			.forEach(name::append);
		return load(APIS + name + capitalize(version(apiVersion)) + "Api");
	}

	private static Scope scope(Class<?> api, String kind) {
		for (Method method : api.getMethods()) {
			if (method.getName().equals("createNamespaced" + kind)) {
				return Scope.NAMESPACED;
			}
			if (method.getName().equals("create" + kind)) {
				return Scope.CLUSTER;
			}
		}
		return null;
	}

	private static String version(String apiVersion) {
		return apiVersion.substring(apiVersion.indexOf('/') + 1);
	}

	private static String capitalize(String word) {
		return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	private enum Scope {

		NAMESPACED, CLUSTER

	}

}
