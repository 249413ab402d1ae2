package org.healthmon.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests against the apps they run: what a container is told (env vars, probe
 * paths and ports, container ports, the HDFS and ingest addresses) must be something the
 * app, as its sources stand, binds, serves or listens on.
 */
class AppCrossCheckTests {

	/** Boot apps that are not deployed, and why. */
	private static final Map<String, String> NOT_DEPLOYED = Map.of("dev-cluster",
			"the local launcher's in-process HDFS; on Kubernetes, k8s/base/hdfs is the HDFS", "import-tool",
			"a one-off job an operator runs with the files at hand, not a service: its image (Dockerfile, "
					+ "MODULE=import-tool) with kubectl run, or java -jar from a host that reaches the namenode "
					+ "(README, Bulk import)");

	/** The ports a Spark driver listens on for its executors. */
	private static final List<String> SPARK_DRIVER_PORTS = List.of("spark.driver.port",
			"spark.driver.blockManager.port");

	private static final Pattern DEFAULT_FS = Pattern.compile("<name>fs.defaultFS</name>\\s*<value>([^<]+)</value>");

	/** http://<Service>[.<namespace>…]:<port>[/…], a URL an app is told to call. */
	private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+)(\\.[a-z0-9.-]+)?:(\\d+)(/.*)?");

	static List<String> overlays() {
		return Repository.overlays();
	}

	@Test
	void everyBootAppIsDeployedByAnOverlay() {
		Set<String> deployed = new HashSet<>();
		for (String overlay : Repository.overlays()) {
			for (AppContainer app : AppContainer.all(Kustomize.overlay(overlay))) {
				deployed.add(app.module().name());
			}
		}
		List<String> apps = Repository.bootApps().stream().filter((app) -> !NOT_DEPLOYED.containsKey(app)).toList();
		assertThat(apps).isNotEmpty();
		assertThat(deployed).as("Boot apps without manifests (add them under k8s/base, or to NOT_DEPLOYED with why)")
			.containsAll(apps);
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyHealthmonEnvironmentVariableIsAPropertyOfItsApp(String overlay) {
		List<String> unknown = new ArrayList<>();
		for (AppContainer app : AppContainer.all(Kustomize.overlay(overlay))) {
			app.env()
				.keySet()
				.stream()
				.filter((name) -> name.startsWith("HEALTHMON_"))
				.filter((name) -> !app.module().bindsEnv(name))
				.forEach((name) -> unknown.add(app.module().name() + ": " + name));
		}
		assertThat(unknown).as("env vars that bind to no healthmon.* property").isEmpty();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyHealthmonKeyInAConfigMapFileIsAPropertyOfItsApp(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		List<String> unknown = new ArrayList<>();
		for (AppContainer app : AppContainer.all(manifests)) {
			for (Map<String, Object> file : app.mountedConfigMapYaml(manifests)) {
				Yamls.flatten(file)
					.keySet()
					.stream()
					.filter((key) -> key.startsWith("healthmon."))
					.filter((key) -> !app.module().binds(key))
					.forEach((key) -> unknown.add(app.module().name() + ": " + key));
			}
		}
		assertThat(unknown).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void probesAskTheActuatorHealthGroupsOnTheManagementPort(String overlay) {
		for (AppContainer app : AppContainer.all(Kustomize.overlay(overlay))) {
			if (!app.module().servesHttp()) {
				continue;
			}
			String health = app.module().actuatorBasePath() + "/health/";
			int port = app.module().managementPort(app.env());
			assertThat(app.module().hasHealthGroup("liveness")).as(app + " has a liveness group").isTrue();
			assertThat(app.module().hasHealthGroup("readiness")).as(app + " has a readiness group").isTrue();
			assertProbe(app, "livenessProbe", health + "liveness", port);
			assertProbe(app, "readinessProbe", health + "readiness", port);
			if (app.container().containsKey("startupProbe")) {
				assertProbe(app, "startupProbe", health + "liveness", port);
			}
		}
	}

	private static void assertProbe(AppContainer app, String probe, String path, int port) {
		Map<String, Object> httpGet = Yamls.map(app.container(), probe, "httpGet");
		assertThat(httpGet.get("path")).as(app + " " + probe + " path").isEqualTo(path);
		assertThat(Containers.resolvePort(app.container(), httpGet.get("port"))).as(app + " " + probe + " port")
			.isEqualTo(port);
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void containerPortsAreThePortsTheAppListensOn(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		for (AppContainer app : AppContainer.all(manifests)) {
			Set<String> listening = new HashSet<>();
			if (app.module().servesHttp()) {
				listening.add("TCP/" + app.module().managementPort(app.env()));
				app.module().effective("server.port", app.env()).ifPresent((port) -> listening.add("TCP/" + port));
			}
			for (String property : app.module().listeningPortProperties()) {
				String protocol = property.contains(".udp.") ? "UDP" : "TCP";
				app.module().effective(property, app.env()).ifPresent((port) -> listening.add(protocol + "/" + port));
			}
			// a Spark driver listens on its RPC and block manager ports, when fixed
			Map<String, String> spark = app.sparkProperties(manifests);
			SPARK_DRIVER_PORTS.stream()
				.map(spark::get)
				.filter((port) -> port != null)
				.forEach((port) -> listening.add("TCP/" + port));
			Set<String> declared = new HashSet<>();
			Containers.ports(app.container())
				.forEach((port) -> declared.add(Containers.protocol(port) + "/" + Containers.containerPort(port)));
			assertThat(declared).as(app + ": container ports = ports the app listens on").isEqualTo(listening);
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void appsGetTheNamenodeServiceAsTheirHdfs(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		String namenode = namenodeUri(manifests);
		String coreSite = Yamls.string(
				Manifest.get(manifests, "ConfigMap", configMapOf(manifests, "hdfs-namenode")).object(), "data",
				"core-site.xml");
		Matcher defaultFs = DEFAULT_FS.matcher(coreSite);
		assertThat(defaultFs.find()).as("core-site.xml sets fs.defaultFS").isTrue();
		assertThat(defaultFs.group(1)).isEqualTo(namenode);
		List<AppContainer> hdfsApps = new ArrayList<>();
		for (AppContainer app : AppContainer.all(manifests)) {
			for (String property : app.module().propertiesEndingWith(".hdfs.uri")) {
				hdfsApps.add(app);
				assertThat(app.env()).as(app + " must be told the namenode (the default is localhost)")
					.containsEntry(ConfigurationPropertiesSource.Property.envName(property), namenode);
			}
		}
		assertThat(hdfsApps).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void sendersTargetAUdpServiceThatReachesAListeningContainer(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		for (AppContainer app : AppContainer.all(manifests)) {
			for (String host : app.module().propertiesEndingWith(".target.host")) {
				String portProperty = host.replace(".host", ".port");
				String serviceName = app.module().effective(host, app.env()).orElseThrow();
				int port = Integer.parseInt(app.module().effective(portProperty, app.env()).orElseThrow());
				Manifest service = Manifest.get(manifests, "Service", serviceName);
				Map<String, Object> servicePort = Yamls.list(service.object(), "spec", "ports")
					.stream()
					.filter((candidate) -> ((Number) candidate.get("port")).intValue() == port
							&& "UDP".equals(candidate.get("protocol")))
					.findFirst()
					.orElseThrow(() -> new AssertionError(app + ": Service " + serviceName + " has no UDP " + port));
				Manifest receiver = manifests.stream()
					.filter(Manifest::isService)
					.filter(service::selects)
					.findFirst()
					.orElseThrow(() -> new AssertionError("Service " + serviceName + " selects no workload"));
				boolean listens = receiver.containers()
					.stream()
					.anyMatch((container) -> Containers.ports(container)
						.stream()
						.anyMatch((candidate) -> "UDP".equals(Containers.protocol(candidate))
								&& Containers.containerPort(candidate) == Containers.resolvePort(container,
										servicePort.get("targetPort"))));
				assertThat(listens).as(app + " → " + serviceName + ":" + port + " reaches a UDP container port")
					.isTrue();
			}
		}
	}

	/**
	 * An app told to call a Service of its namespace (an HTTP URL in a
	 * {@code HEALTHMON_*} variable, e.g. {@code HEALTHMON_UI_QUERYURL=http://query:8083})
	 * reaches a workload listening behind it, its own NetworkPolicies let it out to that
	 * port, and the callee's admit it: with traffic denied by default, a call no policy
	 * allows is dropped, which no test of the apps themselves would see.
	 */
	@ParameterizedTest
	@MethodSource("overlays")
	void everyServiceAnAppIsToldToCallIsOpenToItInTheNetworkPolicies(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		List<String> calls = new ArrayList<>();
		for (AppContainer caller : AppContainer.all(manifests)) {
			caller.env().forEach((name, value) -> {
				Matcher url = SERVICE_URL.matcher((value != null) ? value : "");
				if (!name.startsWith("HEALTHMON_") || !url.matches()) {
					return;
				}
				String namespace = Yamls.string(caller.workload().object(), "metadata", "namespace");
				String domain = (url.group(2) != null) ? url.group(2) : "";
				if (!domain.isEmpty() && !domain.equals("." + namespace) && !domain.startsWith("." + namespace + ".")) {
					// another namespace (an Alertmanager, say) or a host name: not ours
					// to check
					return;
				}
				String call = caller + " " + name + "=" + value;
				Optional<Manifest> service = Manifest.find(manifests, "Service", url.group(1));
				assertThat(service).as(call + ": a Service of the namespace").isPresent();
				int port = Integer.parseInt(url.group(3));
				Map<String, Object> servicePort = Yamls.list(service.get().object(), "spec", "ports")
					.stream()
					.filter((candidate) -> ((Number) candidate.get("port")).intValue() == port)
					.findFirst()
					.orElseThrow(() -> new AssertionError(call + ": Service " + url.group(1) + " has no port " + port));
				Manifest callee = manifests.stream()
					.filter(Manifest::isWorkload)
					.filter(service.get()::selects)
					.findFirst()
					.orElseThrow(() -> new AssertionError(call + ": Service " + url.group(1) + " selects no workload"));
				String protocol = String.valueOf(servicePort.getOrDefault("protocol", "TCP"));
				int target = targetPort(callee, servicePort.get("targetPort"), port);
				NetworkPolicies.Pod from = NetworkPolicies.Pod.of(caller.workload(), manifests);
				NetworkPolicies.Pod to = NetworkPolicies.Pod.of(callee, manifests);
				assertThat(NetworkPolicies.egressAllowed(manifests, from, to, protocol, target))
					.as(call + ": the caller's NetworkPolicies let it out to " + callee.id() + " on " + target)
					.isTrue();
				assertThat(NetworkPolicies.ingressAllowed(manifests, to, from, protocol, target))
					.as(call + ": " + callee.id() + "'s NetworkPolicies admit the caller on " + target)
					.isTrue();
				calls.add(call);
			});
		}
		assertThat(calls).as("apps told to call each other (ui -> query, say)").isNotEmpty();
	}

	/**
	 * The container port a Service port reaches on a workload: its targetPort by number,
	 * or by a container port's name; the port itself without one.
	 */
	private static int targetPort(Manifest workload, Object targetPort, int port) {
		if (targetPort == null) {
			return port;
		}
		if (targetPort instanceof Number number) {
			return number.intValue();
		}
		return workload.containers()
			.stream()
			.flatMap((container) -> Containers.ports(container).stream())
			.filter((candidate) -> targetPort.equals(candidate.get("name")))
			.map(Containers::containerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError(workload.id() + " has no container port named " + targetPort));
	}

	/**
	 * A Spark driver on Kubernetes (client mode): its executors reach it through a
	 * headless Service on its fixed ports, it may create their pods, and they run a
	 * pinned image in its namespace.
	 */
	@ParameterizedTest
	@MethodSource("overlays")
	@SuppressWarnings("unchecked")
	void sparkDriversOnKubernetesCanStartAndBeReachedByTheirExecutors(String overlay) {
		List<Manifest> manifests = Kustomize.overlay(overlay);
		List<AppContainer> drivers = new ArrayList<>();
		for (AppContainer app : AppContainer.all(manifests)) {
			Map<String, String> spark = app.sparkProperties(manifests);
			String master = app.module()
				.propertiesEndingWith(".spark.master")
				.stream()
				.findFirst()
				.flatMap((property) -> app.module().effective(property, app.env()))
				.orElse(spark.get("spark.master"));
			if (master == null || !master.startsWith("k8s://")) {
				continue;
			}
			drivers.add(app);
			String namespace = Yamls.string(app.workload().object(), "metadata", "namespace");
			assertThat(spark).as(app + " Spark settings")
				.containsEntry("spark.submit.deployMode", "client")
				.containsEntry("spark.kubernetes.namespace", namespace)
				.containsEntry("spark.driver.bindAddress", "0.0.0.0")
				.containsKeys("spark.driver.port", "spark.driver.blockManager.port",
						"spark.kubernetes.container.image");
			assertThat(spark.get("spark.kubernetes.container.image")).as(app + " executor image pinned")
				.matches(".+(:[^/:]+|@sha256:[0-9a-f]{64})")
				.doesNotEndWith(":latest");
			// spark.driver.host = <headless Service selecting the driver>.<namespace>.svc
			String host = spark.get("spark.driver.host");
			assertThat(host).as(app + " spark.driver.host").endsWith("." + namespace + ".svc");
			Manifest service = Manifest.get(manifests, "Service", host.substring(0, host.indexOf('.')));
			assertThat(Yamls.string(service.object(), "spec", "clusterIP")).as(service.id() + " headless")
				.isEqualTo("None");
			assertThat(service.selects(app.workload())).as(service.id() + " selects " + app).isTrue();
			for (String port : SPARK_DRIVER_PORTS) {
				int number = Integer.parseInt(spark.get(port));
				assertThat(Yamls.list(service.object(), "spec", "ports")).as(service.id() + " " + port)
					.anySatisfy((candidate) -> assertThat(
							Containers.resolvePort(app.container(), candidate.get("targetPort")))
						.isEqualTo(number));
			}
			// the pod's ServiceAccount is bound to a Role that may create and delete pods
			String account = Yamls.string(app.workload().podSpec(), "serviceAccountName");
			assertThat(account).as(app + " serviceAccountName").isNotNull();
			Manifest.get(manifests, "ServiceAccount", account);
			assertThat(app.workload().podSpec().get("automountServiceAccountToken")).as(app + " API token")
				.isNotEqualTo(false);
			List<String> verbs = new ArrayList<>();
			for (Manifest binding : Manifest.ofKind(manifests, "RoleBinding")) {
				boolean bound = Yamls.list(binding.object(), "subjects")
					.stream()
					.anyMatch((subject) -> "ServiceAccount".equals(subject.get("kind"))
							&& account.equals(subject.get("name")));
				if (bound) {
					Manifest role = Manifest.get(manifests, "Role", Yamls.string(binding.object(), "roleRef", "name"));
					for (Map<String, Object> rule : Yamls.list(role.object(), "rules")) {
						if (String.valueOf(rule.get("resources")).contains("pods")) {
							verbs.addAll((List<String>) rule.get("verbs"));
						}
					}
				}
			}
			assertThat(verbs).as(app + " may manage executor pods")
				.contains("create", "get", "list", "watch", "delete");
		}
		assertThat(drivers).as("speed-service runs Spark on Kubernetes").isNotEmpty();
	}

	/**
	 * hdfs://<the Service that selects the namenode>:<its port to the RPC container
	 * port>.
	 */
	static String namenodeUri(List<Manifest> manifests) {
		Manifest namenode = Manifest.get(manifests, "StatefulSet", "hdfs-namenode");
		Map<String, Object> container = namenode.containers().get(0);
		for (Manifest service : Manifest.ofKind(manifests, "Service")) {
			if (!service.selects(namenode)) {
				continue;
			}
			for (Map<String, Object> port : Yamls.list(service.object(), "spec", "ports")) {
				if (Containers.resolvePort(container, port.get("targetPort")) == 8020) {
					return "hdfs://" + service.name() + ":" + port.get("port");
				}
			}
		}
		throw new AssertionError("no Service exposes the namenode's RPC port 8020");
	}

	/** The ConfigMap a workload mounts its Hadoop configuration from. */
	static String configMapOf(List<Manifest> manifests, String statefulSet) {
		return Yamls.list(Manifest.get(manifests, "StatefulSet", statefulSet).podSpec(), "volumes")
			.stream()
			.map((volume) -> Yamls.string(volume, "configMap", "name"))
			.filter((name) -> name != null)
			.findFirst()
			.orElseThrow();
	}

}
