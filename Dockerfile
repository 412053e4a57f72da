# syntax=docker/dockerfile:1
# pcibot as a container image: built with the Maven wrapper on a JDK, run on a JRE as a non-root
# user, index and embedded database in the volume /data. See README "Running it in containers".
#   docker build -t pcibot .            (or: podman build / buildah bud)
#   docker run -p 8080:8080 -v pcibot-data:/data pcibot
# The base images are arguments so a registry mirror (or a local image with a JDK 21+) can stand in.
ARG BUILD_IMAGE=eclipse-temurin:21-jdk
ARG RUN_IMAGE=eclipse-temurin:21-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Only what the build reads (see .dockerignore): the wrapper, the poms and the modules' sources.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY content content
COPY ingest ingest
COPY kb kb
COPY bot bot
# The Maven cache survives between builds (BuildKit / buildah); tests ran in CI already.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl bot -am package -DskipTests \
    && cp "$(ls bot/target/bot-*.jar | grep -v original | head -1)" /pcibot.jar

FROM ${RUN_IMAGE}
# A fixed uid/gid, so a bind-mounted data folder can be given to it: chown 10001:10001 <folder>.
RUN groupadd --system --gid 10001 pcibot \
    && useradd --system --uid 10001 --gid pcibot --home-dir /app --shell /usr/sbin/nologin pcibot \
    && mkdir -p /app /data && chown pcibot:pcibot /data
COPY --from=build /pcibot.jar /app/pcibot.jar
WORKDIR /app
USER pcibot
# Inside a container 127.0.0.1 is the container's own loopback: listen on all its interfaces and let
# the port mapping decide who reaches it. The data folder is the volume; PostgreSQL and Discord are
# set with DATASOURCES_DEFAULT_* and DISCORD_TOKEN(_FILE) as for the jar (README "Configuration").
ENV MICRONAUT_SERVER_HOST=0.0.0.0 \
    MICRONAUT_SERVER_PORT=8080 \
    PCIBOT_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME ["/data"]
EXPOSE 8080
# GET /api/health answers 200 once the service is up (503 while the data folder is unusable); on the
# first start it answers only when the index is built (20 s alone, 84 s measured on a loaded
# machine), hence the start period. A readiness endpoint, /api/health/ready, is planned beside it;
# point the check there once it exists.
# No curl in the JRE image is assumed: bash's /dev/tcp does the request.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MICRONAUT_SERVER_PORT} && printf 'GET /api/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/pcibot.jar"]
