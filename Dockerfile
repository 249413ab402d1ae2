# One image recipe for every healthmon app. Build the jars first (the same jars the
# tests passed), then one image per app:
#
#   ./mvnw -B package -DskipTests
#   docker build --build-arg MODULE=ingest-service -t healthmon/ingest-service:0.1.0 .
#   docker build --build-arg MODULE=health-emitter -t healthmon/health-emitter:0.1.0 .
#
# No Maven inside the build: no network, no second dependency resolution, and the image
# holds exactly the tested jar. k8s/README.md has the rest (loading into kind/minikube).

# Temurin 17 JRE on Ubuntu 24.04, pinned to an update release; bump it deliberately.
ARG JRE_IMAGE=eclipse-temurin:17.0.15_6-jre-noble

# Stage 1: split the Boot jar into its layers (k8s LayeredJarTests runs this same command).
FROM ${JRE_IMAGE} AS layers
ARG MODULE
WORKDIR /build
ARG VERSION=0.1.0-SNAPSHOT
# The Boot jar by its exact name: a module may build other jars beside it (batch-service's -job.jar)
COPY ${MODULE}/target/${MODULE}-${VERSION}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted \
 && mkdir -p extracted/dependencies extracted/spring-boot-loader extracted/snapshot-dependencies extracted/application

# Stage 2: the runtime. Layers from least to most often changed, so a code change
# rebuilds and ships only the last one.
FROM ${JRE_IMAGE}
ARG MODULE
LABEL org.opencontainers.image.title="healthmon ${MODULE}" \
      org.opencontainers.image.source="healthmon/${MODULE}"
# A fixed numeric uid (10001) with an entry in /etc/passwd: runAsNonRoot can verify it,
# and Hadoop's client can log the user in.
RUN groupadd --system --gid 10001 healthmon \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin healthmon
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
# The JVM hook: heap follows the container's memory limit; Kubernetes overrides it per
# app through the JAVA_TOOL_OPTIONS key of the app's ConfigMap.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
