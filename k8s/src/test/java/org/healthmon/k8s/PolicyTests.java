package org.healthmon.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The operating rules of issue 7, asserted on every overlay as it would be applied. */
class PolicyTests {

	private static final String APP_NAME = "app.kubernetes.io/name";

	private static final String APP_COMPONENT = "app.kubernetes.io/component";

	private static final String PART_OF = "app.kubernetes.io/part-of";

	private static final String CIDR = "[0-9a-f.:]+/[0-9]{1,3}";

	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i).*(password|passwd|secret|token|api[_-]?key|credential|private[_-]?key).*");

	static List<String> overlays() {
		return Repository.overlays();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyContainerHasRequestsAndLimits(String overlay) {
		for (Container container : containers(overlay)) {
			for (String bound : List.of("requests", "limits")) {
				assertThat(Yamls.map(container.spec(), "resources", bound)).as(container + " " + bound)
					.containsKeys("cpu", "memory");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyPodRunsAsANonRootUserWithRuntimeDefaultSeccomp(String overlay) {
		for (Manifest workload : workloads(overlay)) {
			Map<String, Object> pod = Yamls.map(workload.podSpec(), "securityContext");
			assertThat(pod.get("runAsNonRoot")).as(workload.id()).isEqualTo(true);
			assertThat(pod.get("runAsUser")).as(workload.id() + " numeric non-root uid")
				.isInstanceOfSatisfying(Integer.class, (uid) -> assertThat(uid).isPositive());
			assertThat(Yamls.string(pod, "seccompProfile", "type")).as(workload.id()).isEqualTo("RuntimeDefault");
			assertThat(workload.podSpec()).as(workload.id()).doesNotContainKeys("hostNetwork", "hostPID", "hostIPC");
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyContainerIsLockedDownWithAReadOnlyRootAndAWritableTmp(String overlay) {
		for (Container container : containers(overlay)) {
			Map<String, Object> security = Yamls.map(container.spec(), "securityContext");
			assertThat(security.get("readOnlyRootFilesystem")).as(container + " read-only root").isEqualTo(true);
			assertThat(security.get("allowPrivilegeEscalation")).as(container.toString()).isEqualTo(false);
			assertThat(security.get("privileged")).as(container.toString()).isNotEqualTo(true);
			assertThat(Yamls.map(security, "capabilities")).as(container + " capabilities")
				.containsEntry("drop", List.of("ALL"))
				.doesNotContainKey("add");
			assertThat(Yamls.list(container.spec(), "volumeMounts")).as(container + " mounts a writable /tmp")
				.anySatisfy((mount) -> assertThat(mount.get("mountPath")).isEqualTo("/tmp"));
			for (Map<String, Object> port : Containers.ports(container.spec())) {
				assertThat(port).as(container + " uses no host port").doesNotContainKey("hostPort");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyServingContainerHasLivenessAndReadinessProbes(String overlay) {
		for (Manifest workload : workloads(overlay)) {
			if (!workload.isService()) {
				continue;
			}
			for (Map<String, Object> container : workload.containers()) {
				boolean webless = AppModule.moduleOfImage((String) container.get("image"))
					.map((module) -> !AppModule.of(module).servesHttp())
					.orElse(false);
				if (webless) {
					// no server, no port, no Service: its process is its liveness
					assertThat(Containers.ports(container)).as(workload.id() + " has no server").isEmpty();
					continue;
				}
				assertThat(container).as(workload.id() + "/" + container.get("name"))
					.containsKeys("livenessProbe", "readinessProbe");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyImageIsPinnedByTagAndOurAppsCarryTheReleaseVersion(String overlay) {
		for (Container container : containers(overlay)) {
			String image = (String) container.spec().get("image");
			String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf(':') + 1);
			assertThat(image).as(container + " pinned by tag or digest").matches(".+(:[^/:]+|@sha256:[0-9a-f]{64})");
			assertThat(tag).as(container.toString()).isNotEqualTo("latest");
			AppModule.moduleOfImage(image)
				.ifPresent((module) -> assertThat(tag).as(container + " tag is the release being built")
					.isEqualTo(Repository.releaseVersion()));
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void noSecretValueIsInline(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		for (Manifest secret : Manifest.ofKind(manifests, "Secret")) {
			assertThat(secret.object()).as(secret.id() + ": Secrets are created by operators, not shipped")
				.doesNotContainKeys("data", "stringData");
		}
		for (Manifest configMap : Manifest.ofKind(manifests, "ConfigMap")) {
			assertThat(Yamls.map(configMap.object(), "data").keySet()).as(configMap.id())
				.noneMatch((key) -> SECRET_NAME.matcher(key).matches());
		}
		for (Container container : containers(overlay)) {
			for (Map<String, Object> variable : Yamls.list(container.spec(), "env")) {
				if (SECRET_NAME.matcher(String.valueOf(variable.get("name"))).matches()) {
					assertThat(Yamls.get(variable, "valueFrom", "secretKeyRef"))
						.as(container + " " + variable.get("name") + " comes from a Secret")
						.isNotNull();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void ingestReceivesOnUdp3500ThroughAService(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		Manifest ingest = Manifest.get(manifests, "StatefulSet", "ingest");
		Manifest service = Manifest.get(manifests, "Service", "ingest");
		assertThat(service.selects(ingest)).isTrue();
		assertThat(Yamls.list(service.object(), "spec", "ports"))
			.anySatisfy((port) -> assertThat(port).containsEntry("port", 3500).containsEntry("protocol", "UDP"));
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void ingestNodesHaveAStableIdAPersistentSpoolAndTimeToFlush(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		Manifest ingest = Manifest.get(manifests, "StatefulSet", "ingest");
		Map<String, Object> container = ingest.containers().get(0);
		assertThat(Yamls.list(container, "env"))
			.anySatisfy((variable) -> assertThat(variable).containsEntry("name", "HEALTHMON_INGEST_NODEID")
				.extracting((v) -> Yamls.string(v, "valueFrom", "fieldRef", "fieldPath"))
				.isEqualTo("metadata.name"));
		String claim = Yamls.string(Yamls.list(ingest.object(), "spec", "volumeClaimTemplates").get(0), "metadata",
				"name");
		String spoolDir = Containers.env(container, manifests).get("HEALTHMON_INGEST_SPOOL_DIR");
		assertThat(Yamls.list(container, "volumeMounts")).as("the spool dir is on the claim").anySatisfy((mount) -> {
			assertThat(mount.get("name")).isEqualTo(claim);
			assertThat(spoolDir).startsWith(mount.get("mountPath") + "/");
		});
		assertThat((Integer) Yamls.get(ingest.podSpec(), "terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(90);
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyEmptyDirHasASizeLimit(String overlay) {
		for (Manifest workload : workloads(overlay)) {
			for (Map<String, Object> volume : Yamls.list(workload.podSpec(), "volumes")) {
				if (volume.containsKey("emptyDir")) {
					// an unbounded emptyDir can fill the node's disk for every pod on it
					assertThat(Yamls.string(volume, "emptyDir", "sizeLimit"))
						.as(workload.id() + " volume " + volume.get("name") + " sizeLimit")
						.isNotNull();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void queryCachesItsViewsBelowTheMountPointOfAnEmptyDir(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		Manifest query = Manifest.get(manifests, "Deployment", "query");
		Map<String, Object> container = query.containers().get(0);
		String cacheDir = Containers.env(container, manifests).get("HEALTHMON_QUERY_CACHEDIR");
		List<String> emptyDirs = Yamls.list(query.podSpec(), "volumes")
			.stream()
			.filter((volume) -> volume.containsKey("emptyDir"))
			.map((volume) -> (String) volume.get("name"))
			.toList();
		// the app empties its cache dir at start by deleting it, which a mount point
		// refuses
		assertThat(Yamls.list(container, "volumeMounts")).as("the cache dir is below an emptyDir's mount point")
			.anySatisfy((mount) -> {
				assertThat(emptyDirs).contains((String) mount.get("name"));
				assertThat(cacheDir).startsWith(mount.get("mountPath") + "/");
			});
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void hdfsHasFourDatanodesReplicationThreeAndADisruptionBudget(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		Manifest datanodes = Manifest.get(manifests, "StatefulSet", "hdfs-datanode");
		assertThat(Yamls.get(datanodes.object(), "spec", "replicas")).isEqualTo(4);
		assertThat(Yamls.list(datanodes.object(), "spec", "volumeClaimTemplates")).isNotEmpty();
		assertThat(Yamls.get(Manifest.get(manifests, "StatefulSet", "hdfs-namenode").object(), "spec", "replicas"))
			.isEqualTo(1);
		String hdfsSite = Yamls
			.string(Manifest.get(manifests, "ConfigMap", AppCrossCheckTests.configMapOf(manifests, "hdfs-datanode"))
				.object(), "data", "hdfs-site.xml");
		assertThat(hdfsSite).containsPattern("<name>dfs.replication</name>\\s*<value>3</value>");
		Manifest budget = Manifest.get(manifests, "PodDisruptionBudget", "hdfs-datanode");
		assertThat(Yamls.get(budget.object(), "spec", "minAvailable")).isEqualTo(3);
		assertThat(Yamls.map(budget.object(), "spec", "selector", "matchLabels").entrySet())
			.isSubsetOf(datanodes.templateLabels().entrySet());
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void theNamenodeIsFormattedOnlyOnce(String overlay) {
		Manifest namenode = Manifest.get(Kustomize.overlay(overlay), "StatefulSet", "hdfs-namenode");
		assertThat(namenode.initContainers()).singleElement()
			.extracting((init) -> String.valueOf(Yamls.get(init, "args")))
			.asString()
			.contains("current/VERSION")
			.contains("namenode -format -nonInteractive");
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void trafficIsDeniedByDefaultAndPodsMeetTheRestrictedStandard(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		Manifest deny = Manifest.get(manifests, "NetworkPolicy", "default-deny");
		assertThat(Yamls.map(deny.object(), "spec", "podSelector")).isEmpty();
		assertThat(Yamls.get(deny.object(), "spec", "policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
		assertThat(Yamls.map(deny.object(), "spec")).doesNotContainKeys("ingress", "egress");
		assertThat(Yamls.map(Manifest.get(manifests, "Namespace", "healthmon").object(), "metadata", "labels"))
			.containsEntry("pod-security.kubernetes.io/enforce", "restricted");
		for (Manifest workload : workloads(overlay)) {
			// service links would inject <SERVICE>_PORT variables, e.g.
			// INGEST_PORT=udp://…
			assertThat(workload.podSpec().get("enableServiceLinks")).as(workload.id()).isEqualTo(false);
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyObjectAndPodTemplateCarriesTheAppLabels(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		for (Manifest manifest : manifests) {
			Map<String, Object> labels = Yamls.map(manifest.object(), "metadata", "labels");
			assertThat(labels).as(manifest.id())
				.containsKeys(APP_NAME, APP_COMPONENT)
				.containsEntry(PART_OF, "healthmon");
			if (manifest.isWorkload()) {
				for (String key : List.of(APP_NAME, APP_COMPONENT, PART_OF)) {
					assertThat(manifest.templateLabels()).as(manifest.id() + " pod template")
						.containsEntry(key, labels.get(key));
				}
			}
			// the executors' pod template, in a ConfigMap
			manifest.embeddedObjects()
				.forEach((file, object) -> assertThat(Yamls.map(object, "metadata", "labels")).as(file)
					.containsKeys(APP_NAME, APP_COMPONENT)
					.containsEntry(PART_OF, "healthmon"));
		}
	}

	/**
	 * batch and the Spark driver (speed) each write their views and manifests alone: a
	 * StatefulSet of one starts its pod again only once the old one is gone.
	 */
	@ParameterizedTest
	@MethodSource("overlays")
	void batchAndSpeedAreStatefulSetsOfOneWithAGoverningService(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		for (String writer : List.of("batch", "speed")) {
			Manifest workload = Manifest.get(manifests, "StatefulSet", writer);
			assertThat(Yamls.get(workload.object(), "spec", "replicas")).as(workload.id()).isEqualTo(1);
			Manifest service = Manifest.get(manifests, "Service",
					Yamls.string(workload.object(), "spec", "serviceName"));
			assertThat(Yamls.string(service.object(), "spec", "clusterIP")).as(service.id()).isEqualTo("None");
			assertThat(service.selects(workload)).as(service.id() + " selects " + workload.id()).isTrue();
			assertThat(Manifest.find(manifests, "Deployment", writer)).isEmpty();
		}
		assertThat(Manifest.ofKind(manifests, "HorizontalPodAutoscaler")).isEmpty();
	}

	/**
	 * alert-service keeps its alerts' state in a file: one pod, never two at once (a
	 * StatefulSet of one, as batch and speed), with its state dir on the pod's own volume
	 * claim, so a restart or a rescheduling neither announces a firing alert again nor
	 * loses one; and the claim outlives the StatefulSet.
	 */
	@ParameterizedTest
	@MethodSource("overlays")
	void theAlertServiceIsAStatefulSetOfOneWithItsStateOnItsClaim(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		Manifest alerts = Manifest.get(manifests, "StatefulSet", "alerts");
		assertThat(Yamls.get(alerts.object(), "spec", "replicas")).as(alerts.id()).isEqualTo(1);
		assertThat(Manifest.find(manifests, "Deployment", "alerts")).isEmpty();
		Manifest service = Manifest.get(manifests, "Service", Yamls.string(alerts.object(), "spec", "serviceName"));
		assertThat(service.selects(alerts)).as(service.id() + " selects " + alerts.id()).isTrue();
		assertThat(Yamls.map(alerts.object(), "spec", "persistentVolumeClaimRetentionPolicy"))
			.containsEntry("whenDeleted", "Retain")
			.containsEntry("whenScaled", "Retain");
		List<Map<String, Object>> claims = Yamls.list(alerts.object(), "spec", "volumeClaimTemplates");
		assertThat(claims).hasSize(1);
		String claim = Yamls.string(claims.get(0), "metadata", "name");
		Map<String, Object> container = alerts.containers().get(0);
		String stateDir = Containers.env(container, manifests).get("HEALTHMON_ALERTS_STATEDIR");
		assertThat(stateDir).as("the state dir, an absolute path (the default is relative)").startsWith("/");
		assertThat(Yamls.list(container, "volumeMounts")).as("the state dir is on the claim").anySatisfy((mount) -> {
			assertThat(mount.get("name")).isEqualTo(claim);
			assertThat(stateDir + "/").startsWith(mount.get("mountPath") + "/");
		});
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyReplicatedWorkloadHasADisruptionBudgetAndSpreadsOverNodes(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		List<Manifest> replicated = workloads(overlay).stream()
			.filter((workload) -> Yamls.get(workload.object(), "spec", "replicas") instanceof Integer replicas
					&& replicas > 1)
			.toList();
		if (overlay.equals("production")) {
			assertThat(replicated).extracting(Manifest::name).contains("ingest", "query", "ui", "hdfs-datanode");
		}
		for (Manifest workload : replicated) {
			assertThat(Manifest.ofKind(manifests, "PodDisruptionBudget")).as(workload.id() + " disruption budget")
				.anySatisfy((budget) -> assertThat(workload.templateLabels().entrySet())
					.containsAll(Yamls.map(budget.object(), "spec", "selector", "matchLabels").entrySet()));
			List<Map<String, Object>> spread = new ArrayList<>(
					Yamls.list(workload.podSpec(), "topologySpreadConstraints"));
			spread.addAll(Yamls.list(workload.podSpec(), "affinity", "podAntiAffinity",
					"requiredDuringSchedulingIgnoredDuringExecution"));
			assertThat(spread).as(workload.id() + " spreads its own pods over nodes").anySatisfy((rule) -> {
				assertThat(rule.get("topologyKey")).isEqualTo("kubernetes.io/hostname");
				assertThat(workload.templateLabels().entrySet())
					.containsAll(Yamls.map(rule, "labelSelector", "matchLabels").entrySet());
			});
		}
	}

	@Test
	void productionRunsOneDatanodePerNodeWhileOneLocalNodeRunsThemAll() {
		String required = "requiredDuringSchedulingIgnoredDuringExecution";
		Manifest production = Manifest.get(Kustomize.overlay("production"), "StatefulSet", "hdfs-datanode");
		assertThat(Yamls.list(production.podSpec(), "affinity", "podAntiAffinity", required)).singleElement()
			.satisfies((rule) -> {
				assertThat(rule.get("topologyKey")).isEqualTo("kubernetes.io/hostname");
				assertThat(Yamls.map(rule, "labelSelector", "matchLabels")).containsEntry(APP_NAME, "hdfs-datanode");
			});
		Manifest local = Manifest.get(Kustomize.overlay("local"), "StatefulSet", "hdfs-datanode");
		assertThat(Yamls.list(local.podSpec(), "affinity", "podAntiAffinity", required)).isEmpty();
	}

	@Test
	void productionAdmitsHealthMessagesOnlyFromTheListedNetworks() {
		Map<String, Object> ingest = Manifest.get(Kustomize.overlay("production"), "Service", "ingest").object();
		assertThat(Yamls.string(ingest, "spec", "externalTrafficPolicy")).isEqualTo("Local");
		assertThat((List<?>) Yamls.get(ingest, "spec", "loadBalancerSourceRanges")).isNotEmpty()
			.allSatisfy((range) -> assertThat(range.toString()).matches(CIDR).isNotEqualTo("0.0.0.0/0"));
	}

	@Test
	void productionPullsEveryImageOfOursFromItsRegistryAndLocalFromTheNode() {
		for (String overlay : Repository.overlays()) {
			List<Manifest> manifests = Kustomize.overlay(overlay);
			Set<Optional<String>> registries = new HashSet<>();
			for (AppContainer app : AppContainer.all(manifests)) {
				registries.add(AppModule.registryOfImage((String) app.container().get("image")));
				String executor = app.sparkProperties(manifests).get("spark.kubernetes.container.image");
				if (executor != null) {
					assertThat(AppModule.moduleOfImage(executor)).as(executor).contains("speed-executor");
					registries.add(AppModule.registryOfImage(executor));
				}
			}
			assertThat(registries).as(overlay + ": one registry for all our images, executors included").hasSize(1);
			assertThat(registries.iterator().next()).as(overlay)
				.matches((registry) -> registry.isPresent() == overlay.equals("production"));
		}
	}

	@Test
	void theEmitterRunsLocallyButNotInProduction() {
		assertThat(Manifest.find(Kustomize.overlay("local"), "Deployment", "emitter")).isPresent();
		assertThat(Kustomize.overlay("production")).noneMatch((manifest) -> manifest.name().startsWith("emitter"));
	}

	@Test
	void localExposesIngestOnANodePortAndProductionOnALoadBalancer() {
		assertThat(Yamls.string(Manifest.get(Kustomize.overlay("local"), "Service", "ingest").object(), "spec", "type"))
			.isEqualTo("NodePort");
		assertThat(Yamls.string(Manifest.get(Kustomize.overlay("production"), "Service", "ingest").object(), "spec",
				"type"))
			.isEqualTo("LoadBalancer");
		for (String overlay : Repository.overlays()) {
			assertThat(Manifest.ofKind(Kustomize.overlay(overlay), "Service"))
				.filteredOn((service) -> !service.name().equals("ingest"))
				.as("only ingest's UDP port leaves the cluster; management ports stay inside")
				.allSatisfy((service) -> assertThat(Yamls.string(service.object(), "spec", "type")).isIn(null,
						"ClusterIP"));
		}
	}

	private static List<Manifest> workloads(String overlay) {
		return Kustomize.overlay(overlay).stream().filter(Manifest::isWorkload).toList();
	}

	private static List<Container> containers(String overlay) {
		List<Container> containers = new ArrayList<>();
		for (Manifest workload : workloads(overlay)) {
			workload.allContainers().forEach((container) -> containers.add(new Container(workload, container)));
		}
		return containers;
	}

	private record Container(Manifest workload, Map<String, Object> spec) {

		@Override
		public String toString() {
			return this.workload.id() + "/" + this.spec.get("name");
		}

	}

}
