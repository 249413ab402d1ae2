package org.healthmon.k8s;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

	@ParameterizedTest
	@MethodSource("overlays")
	void theSparkComponentIsInEveryOverlay(String overlay) {
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
