package org.healthmon.k8s;

import java.util.Map;
import java.util.Set;

/**
 * The values the Kubernetes 1.30 API accepts for its enumerated fields (the {@code +enum}
 * types of {@code k8s.io/api}: the OpenAPI spec lists them, but client-java's generated
 * models carry them as plain strings), by model and JSON field. List fields hold one
 * value per item. {@code KubernetesSchemaTests} checks that every entry names a field the
 * models have.
 */
final class KubernetesEnums {

	private static final Set<String> PROTOCOLS = Set.of("SCTP", "TCP", "UDP");

	private static final Set<String> PROFILE_TYPES = Set.of("Localhost", "RuntimeDefault", "Unconfined");

	private static final Set<String> UPDATE_STRATEGIES = Set.of("OnDelete", "RollingUpdate");

	private static final Set<String> RETENTION = Set.of("Delete", "Retain");

	private static final Set<String> TRAFFIC_POLICIES = Set.of("Cluster", "Local");

	static final Map<String, Map<String, Set<String>>> VALUES = Map.ofEntries(
			Map.entry("V1ContainerPort", Map.of("protocol", PROTOCOLS)),
			Map.entry("V1ServicePort", Map.of("protocol", PROTOCOLS)),
			Map.entry("V1NetworkPolicyPort", Map.of("protocol", PROTOCOLS)),
			Map.entry("V1Container",
					Map.of("imagePullPolicy", Set.of("Always", "IfNotPresent", "Never"), "terminationMessagePolicy",
							Set.of("FallbackToLogsOnError", "File"), "restartPolicy", Set.of("Always"))),
			Map.entry("V1PodSpec",
					Map.of("restartPolicy", Set.of("Always", "Never", "OnFailure"), "dnsPolicy",
							Set.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"), "preemptionPolicy",
							Set.of("Never", "PreemptLowerPriority"))),
			Map.entry("V1SeccompProfile", Map.of("type", PROFILE_TYPES)),
			Map.entry("V1AppArmorProfile", Map.of("type", PROFILE_TYPES)),
			Map.entry("V1PodSecurityContext", Map.of("fsGroupChangePolicy", Set.of("Always", "OnRootMismatch"))),
			Map.entry("V1SecurityContext", Map.of("procMount", Set.of("Default", "Unmasked"))),
			Map.entry("V1ServiceSpec",
					Map.of("type", Set.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort"),
							"externalTrafficPolicy", TRAFFIC_POLICIES, "internalTrafficPolicy", TRAFFIC_POLICIES,
							"sessionAffinity", Set.of("ClientIP", "None"), "ipFamilyPolicy",
							Set.of("PreferDualStack", "RequireDualStack", "SingleStack"), "ipFamilies",
							Set.of("IPv4", "IPv6"))),
			Map.entry("V1HTTPGetAction", Map.of("scheme", Set.of("HTTP", "HTTPS"))),
			Map.entry("V1Toleration",
					Map.of("operator", Set.of("Equal", "Exists"), "effect",
							Set.of("NoExecute", "NoSchedule", "PreferNoSchedule"))),
			Map.entry("V1TopologySpreadConstraint",
					Map.of("whenUnsatisfiable", Set.of("DoNotSchedule", "ScheduleAnyway"), "nodeAffinityPolicy",
							Set.of("Honor", "Ignore"), "nodeTaintsPolicy", Set.of("Honor", "Ignore"))),
			Map.entry("V1NodeSelectorRequirement",
					Map.of("operator", Set.of("DoesNotExist", "Exists", "Gt", "In", "Lt", "NotIn"))),
			Map.entry("V1LabelSelectorRequirement",
					Map.of("operator", Set.of("DoesNotExist", "Exists", "In", "NotIn"))),
			Map.entry("V1PersistentVolumeClaimSpec",
					Map.of("accessModes", Set.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"),
							"volumeMode", Set.of("Block", "Filesystem"))),
			Map.entry("V1VolumeMount", Map.of("mountPropagation", Set.of("Bidirectional", "HostToContainer", "None"))),
			Map.entry("V1HostPathVolumeSource",
					Map.of("type",
							Set.of("", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File",
									"FileOrCreate", "Socket"))),
			Map.entry("V1JobSpec",
					Map.of("completionMode", Set.of("Indexed", "NonIndexed"), "podReplacementPolicy",
							Set.of("Failed", "TerminatingOrFailed"))),
			Map.entry("V1PodFailurePolicyRule", Map.of("action", Set.of("Count", "FailIndex", "FailJob", "Ignore"))),
			Map.entry("V1CronJobSpec", Map.of("concurrencyPolicy", Set.of("Allow", "Forbid", "Replace"))),
			Map.entry("V1DeploymentStrategy", Map.of("type", Set.of("Recreate", "RollingUpdate"))),
			Map.entry("V1StatefulSetSpec", Map.of("podManagementPolicy", Set.of("OrderedReady", "Parallel"))),
			Map.entry("V1StatefulSetUpdateStrategy", Map.of("type", UPDATE_STRATEGIES)),
			Map.entry("V1DaemonSetUpdateStrategy", Map.of("type", UPDATE_STRATEGIES)),
			Map.entry("V1StatefulSetPersistentVolumeClaimRetentionPolicy",
					Map.of("whenDeleted", RETENTION, "whenScaled", RETENTION)),
			Map.entry("V1NetworkPolicySpec", Map.of("policyTypes", Set.of("Egress", "Ingress"))),
			Map.entry("V1HTTPIngressPath", Map.of("pathType", Set.of("Exact", "ImplementationSpecific", "Prefix"))),
			Map.entry("V1PodDisruptionBudgetSpec",
					Map.of("unhealthyPodEvictionPolicy", Set.of("AlwaysAllow", "IfHealthyBudget"))));

	private KubernetesEnums() {
	}

	/** The values a field accepts, or null when it is not enumerated. */
	static Set<String> values(String model, String field) {
		Map<String, Set<String>> fields = VALUES.get(model);
		return (fields != null) ? fields.get(field) : null;
	}

}
