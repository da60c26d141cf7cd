#!/usr/bin/env bash
# Follows docs/getting-started.md §2 as a newcomer would, outside the repository, and fails where the page would
# fail them. It installs the engine with the page's command; writes into an empty temporary directory every file
# the page includes from samples/minimal-host, taken from the page's own blocks (so it builds what a reader
# pastes, and a file the page forgets breaks the build here); copies the Maven wrapper as the page says; builds
# the EAR against the installed engine through its BOM; provisions a fresh WildFly with the reference server's
# scripts (provision.sh, run-server.sh); deploys; starts price_quote by name over REST as operator and waits for
# `completed`; redeploys by copying the EAR again (the page's edit loop) and completes a second run. It also
# fails on the noise the page promises away: run-server.sh's connection errors while it waits, WFLYSRV0059.
# The server is stopped and the directory removed at the end, also on failure; nothing in the repository or the
# reference server changes, so it can run again at once.
#
#   .ci/check-getting-started.sh [--skip-install] [--keep]
#     --skip-install  the engine is installed already (./mvnw install -DskipTests)
#     --keep          keep the temporary directory (the server is stopped all the same)
#   MAVEN_ARGS        more Maven options for every build, e.g. "-o -Dmaven.repo.local=/path" (Maven 3.9 reads it)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
guide=$repo/docs/getting-started.md
sample=samples/minimal-host
install=1 keep=0
for arg in "$@"; do
  case "$arg" in
    --skip-install) install=0 ;;
    --keep) keep=1 ;;
    *) echo "check-getting-started: unknown option $arg" >&2; exit 64 ;;
  esac
done

started=$(date +%s)
say() { printf '%s [%3ds] %s\n' "check-getting-started" "$(( $(date +%s) - started ))" "$*"; }
fail() { say "FAIL: $*" >&2; exit 1; }

for tool in java curl jq setsid; do
  command -v "$tool" >/dev/null || fail "needs $tool on the PATH"
done
# Another server on these ports would answer in place of ours.
for port in 8080 9990; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is in use: stop the server that holds it first"
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/squidmesh-getting-started.XXXXXX")
case "$work/" in "$repo"/*) fail "the temporary directory $work is inside the repository" ;; esac
app=$work/app
server_pid=""

stop_server() {
  [ -n "$server_pid" ] || return 0
  # run-server.sh was started in a session of its own: TERM reaches the scripts and the JVM, which shuts down.
  kill -TERM -- "-$server_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 -- "-$server_pid" 2>/dev/null || { server_pid=""; return 0; }
    sleep 1
  done
  say "the server did not stop within 60 s: killing it"
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  local status=$?
  stop_server
  if [ $status -ne 0 ] && [ -f "$work/run-server.out" ]; then
    echo "--- last lines of the server console ($work/run-server.out):" >&2
    tail -n 40 "$work/run-server.out" >&2 || true
  fi
  if [ $keep -eq 1 ] || [ $status -ne 0 ]; then
    say "left $work for a look"
  else
    rm -rf "$work"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the engine, installed as the page says ----------------------------------------------------------------
if [ $install -eq 1 ]; then
  say "installing the engine: ./mvnw install -DskipTests"
  t=$(date +%s)
  (cd "$repo" && ./mvnw -B -q install -DskipTests) || fail "./mvnw install -DskipTests failed"
  say "engine installed in $(( $(date +%s) - t )) s"
fi

# ---- the files, from the page's blocks -----------------------------------------------------------------------
# Every "<!-- include: samples/minimal-host/PATH -->" marker is followed by a fenced block holding that whole file.
mkdir -p "$app"
files=0 path="" in_block=0
while IFS= read -r line; do
  if [ $in_block -eq 1 ]; then
    if [ "$line" = '```' ]; then in_block=0; continue; fi
    printf '%s\n' "$line" >> "$app/$path"
  elif [[ $line =~ ^'<!-- include: '$sample/([^[:space:]]+)' -->'$ ]]; then
    path=${BASH_REMATCH[1]}
    case "$path" in *'#'*) fail "the page includes only a region of $sample/$path: a reader could not paste the file" ;; esac
    mkdir -p "$app/$(dirname "$path")"
    : > "$app/$path"
    IFS= read -r line # the opening fence
    in_block=1 files=$((files + 1))
  fi
done < "$guide"
[ $files -gt 0 ] || fail "docs/getting-started.md includes no file of $sample"
say "wrote the $files files the page shows into $app"
cp -r "$repo/mvnw" "$repo/.mvn" "$app/"

# ---- build against the installed engine --------------------------------------------------------------------
say "building: ./mvnw -B package (in $app)"
(cd "$app" && ./mvnw -B -q package) || fail "the page's project does not build"
ear=$app/minimal-host-ear/target/minimal-host.ear
[ -f "$ear" ] || fail "the build made no $ear"

# ---- a fresh server, provisioned as the reference server is -------------------------------------------------
wildfly_version=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' "$repo/pom.xml")
dependency_plugin=$(sed -n '/<artifactId>maven-dependency-plugin<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q}' "$repo/pom.xml")
say "unpacking WildFly $wildfly_version"
# From a directory without a pom: the plugin's "already unpacked" markers then land there, not in the repository.
mkdir -p "$work/server"
(cd "$work/server" && "$repo/mvnw" -B -q "org.apache.maven.plugins:maven-dependency-plugin:$dependency_plugin:unpack" \
    "-Dartifact=org.wildfly:wildfly-dist:$wildfly_version:tar.gz" "-DoutputDirectory=$work/server") \
  || fail "cannot unpack WildFly $wildfly_version"
WF=$work/server/wildfly-$wildfly_version
deployments=$WF/standalone/deployments
"$repo/squidmesh-ear/src/main/wildfly/provision.sh" --home "$WF" --db h2-file --reset true --users >/dev/null \
  || fail "provision.sh failed"
cp "$ear" "$deployments/"

say "starting the server (run-server.sh)"
setsid "$repo/squidmesh-ear/src/main/wildfly/run-server.sh" "$WF" > "$work/run-server.out" 2>&1 < /dev/null &
server_pid=$!

# How often the server log says minimal-host.ear was deployed (WFLYSRV0010) or redeployed (WFLYSRV0016). The
# scanner's .deployed marker is no clock: it takes the EAR's own modification time.
deployments_logged() {
  grep -cE 'WFLYSRV00(10: Deployed|16: Replaced deployment) "minimal-host.ear"' "$WF/standalone/log/server.log" \
    2>/dev/null || true
}

# Waits (at most 240 s) until the log counts more deployments than $1, or the scanner marks the EAR failed.
await_deployment() {
  local before=$1 deadline=$(( $(date +%s) + 240 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ -f "$deployments/minimal-host.ear.failed" ]; then
      fail "the deployment failed: $(cat "$deployments/minimal-host.ear.failed")"
    fi
    # WFLYSRV0016 is logged for a failed replacement too: the .deployed marker tells them apart
    if [ "$(deployments_logged)" -gt "$before" ] && [ -f "$deployments/minimal-host.ear.deployed" ]; then
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited"
    sleep 0.5
  done
  fail "minimal-host.ear was not deployed within 240 s"
}

# Starts price_quote by name, as the page does, and waits (at most 60 s) for the run to finish; prints its id.
complete_a_run() {
  local reply status id deadline run
  reply=$(curl -s -w '\n%{http_code}' -u 'operator:operator-pass1!' -H 'Content-Type: application/json' \
    -d '{"workflow":"price_quote","payload":{"item":"widget","quantity":3}}' \
    http://localhost:8080/squidmesh/api/runs) || fail "POST /squidmesh/api/runs did not answer"
  status=${reply##*$'\n'}
  [ "$status" = 201 ] || fail "POST /squidmesh/api/runs answered $status: ${reply%$'\n'*}"
  id=$(jq -r .id <<< "${reply%$'\n'*}")
  deadline=$(( $(date +%s) + 60 ))
  while :; do
    run=$(curl -s -u 'viewer:viewer-pass1!' "http://localhost:8080/squidmesh/api/runs/$id") || run='{}'
    case "$(jq -r '.status // empty' <<< "$run")" in
      completed) break ;;
      failed|cancelled) fail "run $id ended $(jq -c '{status, last_error}' <<< "$run")" ;;
    esac
    [ "$(date +%s)" -lt "$deadline" ] || fail "run $id did not complete within 60 s: $run"
    sleep 0.5
  done
  [ "$(jq -r .context.quote.total_cents <<< "$run")" = 750 ] || fail "run $id completed without its quote: $run"
  echo "$id"
}

await_deployment 0
say "deployed; waiting for the REST API"
deadline=$(( $(date +%s) + 120 ))
until grep -q 'Squid Mesh is up.' "$work/run-server.out"; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "run-server.sh printed no banner within 120 s"
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited"
  sleep 1
done
id=$(complete_a_run)
say "PASS run $id of price_quote, started by name over REST, completed"

# ---- the edit loop: copying the EAR again redeploys it ------------------------------------------------------
before=$(deployments_logged)
t=$(date +%s)
cp "$ear" "$deployments/"
await_deployment "$before"
say "PASS redeployed by copying the EAR in $(( $(date +%s) - t )) s"
id=$(complete_a_run)
say "PASS run $id completed after the redeploy"

# ---- no noise ----------------------------------------------------------------------------------------------
if grep -nE 'Connection refused|/dev/tcp' "$work/run-server.out" >&2; then
  fail "run-server.sh printed connection errors while waiting for the server"
fi
if grep -n 'WFLYSRV0059' "$WF/standalone/log/server.log" >&2; then
  fail "WildFly warned about a Class-Path entry of a library in the EAR"
fi
say "PASS no connection errors from run-server.sh, no WFLYSRV0059 in the server log"

stop_server
grep -q 'WFLYSRV0050' "$WF/standalone/log/server.log" || fail "the server log shows no clean stop (WFLYSRV0050)"
say "PASS the server stopped cleanly; done in $(( $(date +%s) - started )) s"
