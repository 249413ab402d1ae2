package org.healthmon.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every overlay builds, and every object it would apply is valid for the Kubernetes API
 * of {@link KubernetesSchema#VERSION}, checked offline.
 */
class SchemaValidationTests {

	static List<String> overlays() {
		return Repository.overlays();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyObjectOfTheOverlayIsValidForTheKubernetesApi(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		assertThat(manifests).isNotEmpty();
		assertThat(manifests).flatMap((manifest) -> KubernetesSchema.validate(manifest.object())).isEmpty();
	}

	/** Objects shipped inside ConfigMaps (the executors' pod template) are valid too. */
	@ParameterizedTest
	@MethodSource("overlays")
	void everyObjectEmbeddedInAConfigMapIsValidForTheKubernetesApi(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		assertThat(manifests).flatMap(SchemaValidationTests::embeddedObjectErrors).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void theExecutorPodTemplateIsOneOfTheEmbeddedObjects(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		List<String> templates = new ArrayList<>();
		for (AppContainer app : AppContainer.all(manifests)) {
			String file = app.sparkProperties(manifests).get("spark.kubernetes.executor.podTemplateFile");
			if (file != null) {
				templates.add(file.substring(file.lastIndexOf('/') + 1));
			}
		}
		assertThat(templates).isNotEmpty();
		for (String template : templates) {
			assertThat(Manifest.ofKind(manifests, "ConfigMap"))
				.anySatisfy((configMap) -> assertThat(configMap.embeddedObjects().get(template)).isNotNull()
					.extracting((object) -> object.get("kind"))
					.isEqualTo("Pod"));
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void theSparkRbacAndDriverServiceAreInEveryOverlay(String overlay) {
		assertThat(Kustomize.overlay(overlay)).extracting(Manifest::id)
			.contains("ServiceAccount/speed-spark", "Role/speed-spark-driver", "RoleBinding/speed-spark-driver",
					"Service/speed-driver", "NetworkPolicy/speed-driver", "NetworkPolicy/speed-executor");
	}

	@Test
	void validatorRejectsAnUnknownField() {
		Map<String, Object> service = service();
		Yamls.map(service, "spec").put("portz", List.of());
		assertThat(KubernetesSchema.validate(service)).singleElement().asString().contains("portz");
	}

	@Test
	void validatorRejectsAMisspelledFieldDeepInAPodTemplate() {
		Map<String, Object> job = Kustomize.parse("""
				apiVersion: batch/v1
				kind: Job
				metadata: {name: j, namespace: n}
				spec:
				  template:
				    spec:
				      restartPolicy: Never
				      containers:
				        - name: c
				          image: busybox:1.36
				          securityContext: {readOnlyRootFileSystem: true}
				""").get(0).object();
		assertThat(KubernetesSchema.validate(job)).singleElement().asString().contains("readOnlyRootFileSystem");
	}

	@Test
	void validatorRejectsAMissingRequiredField() {
		Map<String, Object> service = service();
		Yamls.list(service, "spec", "ports").get(0).remove("port");
		assertThat(KubernetesSchema.validate(service)).singleElement().asString().contains("port");
	}

	@Test
	void validatorRejectsAKindTheApiVersionDoesNotServe() {
		Map<String, Object> service = service();
		service.put("apiVersion", "apps/v1");
		assertThat(KubernetesSchema.validate(service)).singleElement().asString().contains("does not serve");
	}

	@Test
	void validatorRejectsAnApiVersionKubernetes130DoesNotHave() {
		Map<String, Object> pdb = Kustomize.parse("""
				apiVersion: policy/v1beta1
				kind: PodDisruptionBudget
				metadata: {name: p, namespace: n}
				spec: {minAvailable: 1}
				""").get(0).object();
		assertThat(KubernetesSchema.validate(pdb)).isNotEmpty();
	}

	@Test
	void validatorRejectsANameTheApiServerWould() {
		Map<String, Object> service = service();
		Yamls.map(service, "metadata").put("name", "Ingest_UDP");
		assertThat(KubernetesSchema.validate(service)).singleElement().asString().contains("DNS-1123");
	}

	// The mutations below are those a review found the model check alone accepted: each
	// is made on a real object of the production build, and each must be caught.

	@Test
	void validatorRejectsAStringWhereThePortIsANumber() {
		Map<String, Object> service = production("Service", "ingest");
		Yamls.list(service, "spec", "ports").get(0).put("port", "abc");
		assertThat(KubernetesSchema.validate(service)).singleElement()
			.asString()
			.contains("spec.ports[0].port", "32-bit integer");
	}

	@Test
	void validatorRejectsAnObjectWhereThePortIsANumberOrAName() {
		Map<String, Object> ingest = production("StatefulSet", "ingest");
		Yamls.map(container(ingest), "readinessProbe", "httpGet").put("port", Map.of("x", 1));
		// the model check sees an object where it wants a scalar, the typed check more
		assertThat(KubernetesSchema.validate(ingest))
			.anySatisfy((error) -> assertThat(error).contains("readinessProbe.httpGet.port", "integer or a string"));
	}

	@Test
	void validatorRejectsAProtocolTheApiDoesNotHave() {
		Map<String, Object> service = production("Service", "ingest");
		Yamls.list(service, "spec", "ports").get(0).put("protocol", "UDPP");
		assertThat(KubernetesSchema.validate(service)).singleElement()
			.asString()
			.contains("spec.ports[0].protocol", "must be one of", "UDPP");
	}

	@Test
	void validatorRejectsAMemoryThatIsNoQuantity() {
		Map<String, Object> ingest = production("StatefulSet", "ingest");
		Yamls.map(container(ingest), "resources", "limits").put("memory", "lots");
		assertThat(KubernetesSchema.validate(ingest)).singleElement()
			.asString()
			.contains("resources.limits.memory", "quantity");
	}

	@Test
	void validatorRejectsAProbeWithTwoHandlers() {
		Map<String, Object> ingest = production("StatefulSet", "ingest");
		Yamls.map(container(ingest), "readinessProbe").put("tcpSocket", Map.of("port", "management"));
		assertThat(KubernetesSchema.validate(ingest)).singleElement()
			.asString()
			.contains("readinessProbe", "exactly one handler");
	}

	@Test
	void validatorRejectsAWrongTypeInTheExecutorPodTemplate() {
		Manifest files = new Manifest(production("ConfigMap", speedFiles()));
		Map<String, Object> data = Yamls.map(files.object(), "data");
		String template = (String) data.get("executor-pod-template.yaml");
		assertThat(template).contains("runAsUser: 185");
		data.put("executor-pod-template.yaml", template.replace("runAsUser: 185", "runAsUser: spark"));
		assertThat(embeddedObjectErrors(files)).singleElement()
			.asString()
			.contains("securityContext.runAsUser", "integer");
	}

	@Test
	void everyEnumeratedFieldIsAFieldOfItsModel() throws ClassNotFoundException {
		for (Map.Entry<String, Map<String, Set<String>>> model : KubernetesEnums.VALUES.entrySet()) {
			Class<?> type = Class.forName("io.kubernetes.client.openapi.models." + model.getKey());
			assertThat(TypedFields.fields(type)).as(model.getKey())
				.containsKeys(model.getValue().keySet().toArray(String[]::new));
		}
	}

	private static List<String> embeddedObjectErrors(Manifest configMap) {
		List<String> errors = new ArrayList<>();
		configMap.embeddedObjects()
			.forEach((file, object) -> KubernetesSchema.validateTemplate(object)
				.forEach((error) -> errors.add(configMap.id() + " " + file + ": " + error)));
		return errors;
	}

	/** A copy of an object of the production build, free to change. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> production(String kind, String name) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		return (Map<String, Object>) yaml
			.load(yaml.dump(Manifest.get(Kustomize.overlay("production"), kind, name).object()));
	}

	private static Map<String, Object> container(Map<String, Object> workload) {
		return Yamls.list(workload, "spec", "template", "spec", "containers").get(0);
	}

	/** The generated name of speed's files ConfigMap (speed-files-<hash>). */
	private static String speedFiles() {
		return Manifest.ofKind(Kustomize.overlay("production"), "ConfigMap")
			.stream()
			.map(Manifest::name)
			.filter((name) -> name.startsWith("speed-files"))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> service() {
		return Kustomize.parse("""
				apiVersion: v1
				kind: Service
				metadata: {name: s, namespace: n}
				spec:
				  selector: {app: a}
				  ports:
				    - {name: udp, port: 3500, targetPort: udp, protocol: UDP}
				""").get(0).object();
	}

}
