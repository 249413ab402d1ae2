package org.healthmon.speed.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.apache.spark.scheduler.cluster.k8s.KubernetesClusterSchedulerBackend;
import org.healthmon.speed.SpeedProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Spark driver as {@code k8s/base} configures it, against a real in-process
 * Kubernetes API server (fabric8's mock server in CRUD mode): a {@code k8s://} master
 * makes Spark's Kubernetes cluster manager ask that API server for executor pods built
 * from our pod template, replace one that fails and delete them all when it stops, with
 * no request the driver's Role does not grant. The Spark settings, the template and the
 * Role are read from {@code k8s/base}, where kustomize reads them; only what must differ
 * outside a pod is overridden: the API server's address, the driver's address and ports,
 * local paths, and that no executor will ever connect.
 */
class SpeedExecutorPodsIT {

	private static final Path K8S_BASE = Path.of("..", "k8s", "base");

	private static final Path TEMPLATE = K8S_BASE.resolve("speed/executor-pod-template.yaml");

	private static final String NAMESPACE = "healthmon";

	private static final String DRIVER_POD = "speed-0";

	private static final String TEST_CLIENT = "speed-executor-pods-test";

	/** /api/v1/namespaces/{namespace}/{resource}[/{name}[/{subresource}]][?query] */
	private static final Pattern API_PATH = Pattern
		.compile("/api/v1/namespaces/[^/]+/([a-z]+)(?:/([^/?]+)(?:/([a-z]+))?)?(?:\\?.*)?");

	private static final Duration LIMIT = Duration.ofSeconds(60);

	private KubernetesMockServer api;

	private KubernetesClient client;

	@TempDir
	Path tempDir;

	@BeforeEach
	void startApiServerWithTheDriverPod() {
		this.api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new PendingPods(),
				false);
		this.api.init(InetAddress.getLoopbackAddress(), 0);
		// a user agent of its own: the driver's requests are told from the test's
		this.client = new KubernetesClientBuilder()
			.withConfig(new ConfigBuilder().withMasterUrl(this.api.url("/"))
				.withNamespace(NAMESPACE)
				.withUserAgent(TEST_CLIENT)
				.build())
			.build();
		this.client.pods()
			.resource(new PodBuilder().withNewMetadata()
				.withName(DRIVER_POD)
				.withNamespace(NAMESPACE)
				.withUid("8f1a6c1e-0000-4000-8000-000000000001")
				.endMetadata()
				// the allocator waits for its driver pod to be ready
				.withNewStatus()
				.withPhase("Running")
				.addNewCondition()
				.withType("Ready")
				.withStatus("True")
				.endCondition()
				.endStatus()
				.build())
			.create();
	}

	@AfterEach
	void stopApiServer() {
		this.client.close();
		this.api.destroy();
	}

	@Test
	void aK8sMasterStartsExecutorPodsFromOurTemplateWithNothingButTheRightsOfItsRole() throws Exception {
		Map<String, Object> template = yaml(TEMPLATE);
		SpeedProperties properties = deployedProperties();
		String image = properties.spark().properties().get("spark.kubernetes.container.image");
		int instances = Integer.parseInt(properties.spark().properties().get("spark.executor.instances"));
		SparkContexts contexts = new SparkContexts(properties, new SimpleMeterRegistry());
		try {
			assertThat(contexts.context().sc().schedulerBackend())
				.isInstanceOf(KubernetesClusterSchedulerBackend.class);
			await().atMost(LIMIT).until(() -> executorPods().size() == instances);
			List<Pod> executors = executorPods();
			executors.forEach((executor) -> assertBuiltFromTemplate(executor, template, image));
			// an executor pod that fails is deleted and replaced
			String failed = executors.get(0).getMetadata().getName();
			this.client.pods().withName(failed).editStatus((pod) -> {
				pod.setStatus(new PodStatusBuilder().withPhase("Failed").build());
				return pod;
			});
			await().atMost(LIMIT)
				.until(() -> this.client.pods().withName(failed).get() == null && executorPods().size() == instances);
			executorPods().forEach((executor) -> assertBuiltFromTemplate(executor, template, image));
		}
		finally {
			contexts.destroy();
		}
		// the executors go with the driver
		await().atMost(LIMIT).until(() -> executorPods().isEmpty());
		// the Role grants what the driver did, no more
		assertThat(roleGrants()).isEqualTo(driverRequests());
	}

	private List<Pod> executorPods() {
		return this.client.pods().withLabel("spark-role", "executor").list().getItems();
	}

	@SuppressWarnings("unchecked")
	private static void assertBuiltFromTemplate(Pod executor, Map<String, Object> template, String image) {
		Map<String, Object> spec = (Map<String, Object>) template.get("spec");
		Map<String, String> labels = (Map<String, String>) ((Map<String, Object>) template.get("metadata"))
			.get("labels");
		assertThat(executor.getMetadata().getLabels()).containsAllEntriesOf(labels)
			.containsEntry("spark-role", "executor");
		assertThat(executor.getMetadata().getOwnerReferences()).singleElement()
			.satisfies((owner) -> assertThat(owner.getName()).isEqualTo(DRIVER_POD));
		assertThat(executor.getSpec().getServiceAccountName()).isEqualTo(spec.get("serviceAccountName"));
		assertThat(executor.getSpec().getAutomountServiceAccountToken()).isFalse();
		assertThat(executor.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(185L);
		assertThat(executor.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(executor.getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(executor.getSpec().getContainers()).singleElement().satisfies((container) -> {
			assertThat(container.getImage()).isEqualTo(image);
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
			assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
			// spark.authenticate: the secret the driver generated for this application
			assertThat(container.getEnv()).anySatisfy((env) -> {
				assertThat(env.getName()).isEqualTo("_SPARK_AUTH_SECRET");
				assertThat(env.getValue()).matches("[0-9a-f]{64}");
			});
			// and they start with authentication and encryption on, as the driver runs
			assertThat(container.getEnv()).extracting(EnvVar::getValue)
				.contains("-Dspark.authenticate=true", "-Dspark.network.crypto.enabled=true");
		});
		// scratch space is bounded: Spark's own local-dir volume would be an unlimited
		// emptyDir
		List<Volume> emptyDirs = executor.getSpec()
			.getVolumes()
			.stream()
			.filter((volume) -> volume.getEmptyDir() != null)
			.toList();
		assertThat(emptyDirs).extracting(Volume::getName).containsExactlyInAnyOrder("tmp", "spark-local-dir-1");
		assertThat(emptyDirs)
			.allSatisfy((volume) -> assertThat(volume.getEmptyDir().getSizeLimit()).as(volume.getName()).isNotNull());
	}

	private SpeedProperties deployedProperties() throws IOException {
		Map<String, Object> overrides = new LinkedHashMap<>();
		overrides.put("healthmon.speed.spark.master", "k8s://" + this.api.url("/").replaceAll("/$", ""));
		overrides.put("healthmon.speed.hdfs.uri", "hdfs://hdfs-namenode:8020");
		overrides.put("POD_NAME", DRIVER_POD);
		Map<String, String> spark = new LinkedHashMap<>();
		spark.put("spark.driver.host", "127.0.0.1");
		spark.put("spark.driver.bindAddress", "127.0.0.1");
		spark.put("spark.driver.port", "0");
		spark.put("spark.driver.blockManager.port", "0");
		spark.put("spark.local.dir", this.tempDir.resolve("spark").toString());
		spark.put("spark.kubernetes.executor.podTemplateFile", TEMPLATE.toAbsolutePath().toString());
		// no executor will ever connect: do not wait for them
		spark.put("spark.scheduler.minRegisteredResourcesRatio", "0");
		spark.forEach((key, value) -> overrides.put("healthmon.speed.spark.properties[" + key + "]", value));
		overrides.put("healthmon.speed.hdfs.properties[hadoop.tmp.dir]", this.tempDir.resolve("hadoop").toString());
		MutablePropertySources sources = new MutablePropertySources();
		sources.addLast(new MapPropertySource("outside a pod", overrides));
		load(new FileSystemResource(K8S_BASE.resolve("speed/application.yaml"))).forEach(sources::addLast);
		load(new ClassPathResource("application.yaml")).forEach(sources::addLast);
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
			.bindOrCreate("healthmon.speed", SpeedProperties.class);
	}

	private static List<PropertySource<?>> load(Resource resource) throws IOException {
		return new YamlPropertySourceLoader().load(resource.getDescription(), resource);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> yaml(Path file) throws IOException {
		return new Yaml().loadAs(Files.readString(file), Map.class);
	}

	/** What the driver asked the API server, as RBAC sees it: "pods create", … */
	private Set<String> driverRequests() throws InterruptedException {
		Set<String> requests = new TreeSet<>();
		RecordedRequest request;
		while ((request = this.api.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
			if (!TEST_CLIENT.equals(request.getHeader("User-Agent"))) {
				requests.add(rbac(request));
			}
		}
		return requests;
	}

	/** {@code GET /api/v1/namespaces/n/pods?watch=true} is {@code pods watch}. */
	private static String rbac(RecordedRequest request) {
		Matcher path = API_PATH.matcher(request.getPath());
		assertThat(path.matches()).as("a core API path: " + request.getPath()).isTrue();
		String resource = path.group(1) + ((path.group(3) != null) ? "/" + path.group(3) : "");
		boolean named = path.group(2) != null;
		String verb = switch (request.getMethod()) {
			case "GET" -> named ? "get" : (request.getPath().contains("watch=true") ? "watch" : "list");
			case "POST" -> "create";
			case "PUT" -> "update";
			case "PATCH" -> "patch";
			case "DELETE" -> named ? "delete" : "deletecollection";
			default -> throw new AssertionError("unexpected " + request.getRequestLine());
		};
		return resource + " " + verb;
	}

	/** What the driver's Role grants, as "resource verb". */
	@SuppressWarnings("unchecked")
	private static Set<String> roleGrants() throws IOException {
		Set<String> grants = new TreeSet<>();
		for (Object document : new Yaml().loadAll(Files.readString(K8S_BASE.resolve("speed/rbac.yaml")))) {
			Map<String, Object> object = (Map<String, Object>) document;
			if (!"Role".equals(object.get("kind"))) {
				continue;
			}
			for (Map<String, Object> rule : (List<Map<String, Object>>) object.get("rules")) {
				assertThat((List<String>) rule.get("apiGroups")).as("core API only").containsExactly("");
				for (String resource : (List<String>) rule.get("resources")) {
					((List<String>) rule.get("verbs")).forEach((verb) -> grants.add(resource + " " + verb));
				}
			}
		}
		return grants;
	}

	/**
	 * The mock's CRUD store, plus what the API server does to every pod it creates and
	 * Spark relies on: its status starts as {@code phase: Pending}.
	 */
	private static final class PendingPods extends KubernetesCrudDispatcher {

		private static final ObjectMapper JSON = new ObjectMapper();

		/** Where a rewritten request says it arrived; only its address is read. */
		private static final Socket LOCAL = new Socket() {

			@Override
			public InetAddress getLocalAddress() {
				return InetAddress.getLoopbackAddress();
			}

			@Override
			public int getLocalPort() {
				return 80;
			}

		};

		@Override
		public MockResponse handleCreate(RecordedRequest request) {
			if (!request.getPath().matches("/api/v1/namespaces/[^/]+/pods(\\?.*)?")) {
				return super.handleCreate(request);
			}
			try {
				ObjectNode pod = (ObjectNode) JSON.readTree(request.getBody().clone().readUtf8());
				if (!pod.hasNonNull("status")) {
					pod.putObject("status").put("phase", "Pending");
				}
				Buffer body = new Buffer().writeUtf8(JSON.writeValueAsString(pod));
				return super.handleCreate(new RecordedRequest(request.getRequestLine(), request.getHeaders(),
						request.getChunkSizes(), body.size(), body, request.getSequenceNumber(), LOCAL));
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read the pod created by " + request.getRequestLine(), ex);
			}
		}

	}

}
