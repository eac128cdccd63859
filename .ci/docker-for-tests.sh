#!/usr/bin/env bash
# docker-for-tests.sh - make a Docker engine and an offline JRE 17 base image
# available for image builds and Testcontainers tests, with no image registry.
# The project's own copy of the team's shared tool (CI must not need ../shared),
# with one change: the JRE has the default CDS archive that the official image
# ships, so the image can add the emulator's own classes with -XX:ArchiveClassesAtExit.
#
#   BUILD_ARG=$(bash .ci/docker-for-tests.sh)    # stdout: --build-arg BASE_IMAGE=...
#   bash emulator-testcontainers/build-image.sh $BUILD_ARG
#
# Idempotent: installs docker.io only if no engine is present, starts dockerd
# only if it does not answer, builds the base image only if it is missing or
# was built from another recipe (kept in the image's jre.recipe label).
# Run as root. Logs go to stderr; the only stdout line is the build arg.
# Env: BASE_IMAGE, JRE_MODULES, DOCKER_WAIT_S, DOCKERD_LOG (defaults below).
set -euo pipefail

BASE_IMAGE="${BASE_IMAGE:-aigw-emulator/jre-base:17-emulator}"
JRE_MODULES="${JRE_MODULES:-java.base,java.logging,java.net.http,jdk.unsupported,java.management,java.naming,java.xml,java.sql,jdk.crypto.ec,jdk.httpserver}"
WAIT_S="${DOCKER_WAIT_S:-60}"
DOCKERD_LOG="${DOCKERD_LOG:-/tmp/dockerd.log}"

apt_install() {  # quiet apt-get install; show the log tail on failure
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
  { apt-get update -qq && apt-get install -y -qq "$@"; } >/tmp/docker-for-tests-apt.log 2>&1 \
    || { tail -20 /tmp/docker-for-tests-apt.log >&2; die "apt-get install $* failed"; }
}
log() { echo "docker-for-tests: $*" >&2; }
die() { echo "docker-for-tests: ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (needs apt-get and dockerd)"

engine_up() { timeout 10 docker info >/dev/null 2>&1; }

# 1. Engine: install Debian's docker.io (dockerd 20.10, API 1.41) if missing.
#    busybox-static gives the base image a /bin/sh so Dockerfile RUN lines work.
if ! engine_up && ! command -v dockerd >/dev/null; then
  log "installing docker.io"
  apt_install docker.io busybox-static
fi
command -v docker >/dev/null || die "no docker client on PATH"

# 2. Daemon: start dockerd (detached, survives this script) and wait for it.
if ! engine_up; then
  log "starting dockerd (log: $DOCKERD_LOG)"
  setsid dockerd >"$DOCKERD_LOG" 2>&1 < /dev/null &
  pid=$!
  for _ in $(seq "$WAIT_S"); do
    engine_up && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$DOCKERD_LOG" >&2; die "dockerd exited"; }
    sleep 1
  done
  engine_up || { tail -20 "$DOCKERD_LOG" >&2; die "dockerd did not answer within ${WAIT_S}s"; }
  log "dockerd running, pid $pid"
fi

# 3. Base image: jlink'd JRE 17 + the shared libraries it links, docker-imported.
RECIPE="modules=$JRE_MODULES;cds"
built_recipe=$(docker image inspect -f '{{index .Config.Labels "jre.recipe"}}' "$BASE_IMAGE" 2>/dev/null || true)
if [ "$built_recipe" != "$RECIPE" ]; then
  log "building $BASE_IMAGE"
  jlink=""
  for j in /usr/lib/jvm/java-17-openjdk-*/bin/jlink "${JAVA_HOME:-/nonexistent}/bin/jlink" "$(command -v jlink || true)"; do
    [ -x "$j" ] && "$j" --version 2>/dev/null | grep -q '^17\.' && { jlink="$j"; break; }
  done
  [ -n "$jlink" ] || die "no JDK 17 jlink found (apt-get install openjdk-17-jdk-headless)"
  command -v busybox >/dev/null || apt_install busybox-static
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
  root="$work/rootfs"; jre="$root/opt/java/openjdk"
  mkdir -p "$root"/{bin,etc,root,lib/x86_64-linux-gnu,lib64,usr/lib/locale,opt/java} "$root/tmp"
  chmod 1777 "$root/tmp"
  "$jlink" --add-modules "$JRE_MODULES" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --generate-cds-archive --output "$jre" >&2 || die "jlink failed"
  rm -f "$jre/lib/server/classes_nocoops.jsa"   # only for heaps above 32 GB
  # Shared libraries: whatever ldd reports for the launcher and every JRE .so.
  libs=$( { find "$jre" -name '*.so' -o -path '*/bin/java' | xargs ldd 2>/dev/null || true; } \
    | awk -v jre="$jre" '$3 ~ /^\// && index($3, jre) != 1 {print $3}' | sort -u)
  [ -n "$libs" ] || die "ldd found no libraries for the JRE"
  for l in $libs /lib/x86_64-linux-gnu/lib{dl.so.2,pthread.so.0,rt.so.1}; do
    if [ -e "$l" ]; then cp -L "$l" "$root/lib/x86_64-linux-gnu/"; fi
  done
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
  cp -r /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"        # LANG=C.UTF-8 => UTF-8 default charset
  cp -L "$(command -v busybox)" "$root/bin/busybox"
  for a in $("$root/bin/busybox" --list | grep -vx busybox); do ln -sf busybox "$root/bin/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
  tar --numeric-owner -C "$root" -c . | docker import \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["java","-version"]' \
    --change "LABEL jre.recipe=$RECIPE" - "$BASE_IMAGE" >/dev/null || die "docker import failed"
  docker run --rm "$BASE_IMAGE" sh -c 'java -version' >/dev/null 2>&1 || die "java does not run in $BASE_IMAGE"
  log "built $BASE_IMAGE ($(docker image inspect -f '{{.Size}}' "$BASE_IMAGE") bytes)"
fi

echo "--build-arg BASE_IMAGE=$BASE_IMAGE"
