#!/usr/bin/env bash
# Runs a local Keycloak 26.4 with the HMC-Flow realm (hmc-flow-realm.json) imported, on loopback:
#   bash config/keycloak/run-keycloak.sh            → http://127.0.0.1:8180 (admin console: admin / admin)
# Then start the app with:  ./mvnw spring-boot:run -Dspring-boot.run.profiles=keycloak
# The server comes from Maven Central (org.keycloak:keycloak-quarkus-dist, resolved by the Maven wrapper) and runs
# on the Java 17 that builds the app. Settings: KEYCLOAK_PORT, KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD.
# Its data (a dev-mode H2 file) stays under target/keycloak-server; the realm is imported once, later runs keep
# what you changed in the console. For production run Keycloak per its own guide (start, a real database, TLS).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
home="target/keycloak-server/keycloak-$version"
if [ ! -x "$home/bin/kc.sh" ]; then
  ./mvnw -q -B dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
    -DoutputDirectory=target/keycloak-server
fi
mkdir -p "$home/data/import"
cp config/keycloak/hmc-flow-realm.json "$home/data/import/"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="${KEYCLOAK_PORT:-8180}" --import-realm
