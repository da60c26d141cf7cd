#!/usr/bin/env bash
# Starts a provisioned WildFly with standalone-full in the foreground and prints where things are once
# the application answers. Ctrl-C stops the server cleanly; its data stays for the next start.
#   run-server.sh JBOSS_HOME
set -euo pipefail
home=$1
export JAVA_OPTS="${SQUIDMESH_JAVA_OPTS:--Xms256m -Xmx1g -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true}"

healthy() { # plain bash, so a machine with only a JDK needs no curl
  # In a subshell with its stderr discarded: bash reports a refused /dev/tcp connection before any redirection
  # on the same command applies, and the port refuses until the server listens. The subshell also closes fd 3.
  (
    exec 3<>/dev/tcp/127.0.0.1/8080
    printf 'GET /squidmesh/api/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    read -r _ status _ <&3
    [ "$status" = 200 ]
  ) 2>/dev/null
}

banner() {
  for _ in $(seq 1 300); do
    if healthy; then
      cat <<BANNER

  Squid Mesh is up.
    REST API            http://localhost:8080/squidmesh/api   (try: curl http://localhost:8080/squidmesh/api/health)
    Dashboard           http://localhost:8080/squidmesh/   (overview: /squidmesh/overview.html)
    Metrics             http://localhost:9990/prometheus   (Prometheus format)
    Management console  http://localhost:9990/console   (user admin, password squidmesh-admin1!)
    Demo users          viewer / viewer-pass1!   operator / operator-pass1!
  Ctrl-C stops the server; runs and queued messages are kept for the next start.

BANNER
      return
    fi
    sleep 1
  done
}

# The server runs in the foreground so Ctrl-C reaches it and it shuts down cleanly; the banner waits beside it.
banner &
watcher=$!
# Ctrl-C reaches the whole process group: the server shuts itself down, and this script, instead of dying with
# it, waits for the server to finish (bash runs the trap once its foreground child has returned), then says so.
# Under ./mvnw -Prun Maven has usually exited by then; the exec execution inherits the terminal (inheritIo), so the
# server's shutdown lines and this one still reach the console.
stopping=0
trap 'stopping=1' INT
status=0
"$home/bin/standalone.sh" -c standalone-full.xml || status=$?
kill "$watcher" 2>/dev/null || true
if [ "$stopping" = 1 ]; then
  echo "Squid Mesh: the server has stopped; runs and queued messages are kept for the next start."
  exit 0
fi
exit "$status"
