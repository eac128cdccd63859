#!/usr/bin/env bash
# build-image.sh - build the emulator's container image from this checkout.
#
#   bash emulator-testcontainers/build-image.sh [--no-package] [docker build options...]
#   bash emulator-testcontainers/build-image.sh $(bash .ci/docker-for-tests.sh)   # offline, local base
#
# 1. packages emulator-core's standalone jar (mvn package -DskipTests), unless --no-package;
# 2. runs, from the repository root (the context holds only the jar: see .dockerignore):
#      docker build [options] -f emulator-testcontainers/Dockerfile -t $IMAGE .
# IMAGE defaults to aigw-emulator/aigw-emulator:<project version>, the name the module's tests use.
# The only stdout line is the image name; logs go to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

package=true
if [ "${1:-}" = "--no-package" ]; then
  package=false
  shift
fi
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
[ -n "$version" ] || { echo "build-image: ERROR: no <version> in pom.xml" >&2; exit 1; }
IMAGE="${IMAGE:-aigw-emulator/aigw-emulator:$version}"
jar="emulator-core/target/emulator-core-$version-standalone.jar"

if $package; then
  echo "build-image: packaging $jar" >&2
  mvn -B -q -ntp -pl emulator-core -am package -DskipTests >&2
fi
[ -f "$jar" ] || { echo "build-image: ERROR: $jar is missing; run without --no-package" >&2; exit 1; }
n=$(ls emulator-core/target/emulator-core-*-standalone.jar | wc -l)
[ "$n" = 1 ] || { echo "build-image: ERROR: $n standalone jars in emulator-core/target; mvn clean first" >&2; exit 1; }

echo "build-image: docker build $* -t $IMAGE" >&2
docker build "$@" -f emulator-testcontainers/Dockerfile -t "$IMAGE" . >&2
echo "$IMAGE"
