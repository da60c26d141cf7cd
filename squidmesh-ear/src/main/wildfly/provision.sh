#!/usr/bin/env bash
# Configures an unpacked WildFly for Squid Mesh. Idempotent: safe to run on every build.
#
#   provision.sh --home DIR --db h2-mem|h2-file|postgres [options]
#
#   --db h2-mem       keep WildFly's in-memory ExampleDS (integration tests)
#   --db h2-file      file-backed H2 under standalone/data/squidmesh (the run command)
#   --db postgres     PostgreSQL XA datasource; needs --pg-driver and the --pg-* settings
#   --reset true      delete the server's data (database files, Artemis journal) first
#   --recreate-db true  drop and recreate the PostgreSQL database first
#   --users           create the demo users (viewer, operator) and the console user (admin)
#   --user U:P:GROUPS an application user U with password P in the comma-separated GROUPS (may be repeated)
#   --deploy EAR      copy the EAR into standalone/deployments
#   --extra-cli FILE  run one more offline CLI script after the others (may be repeated)
#
# The PostgreSQL connection defaults to SQUIDMESH_PG_HOST, SQUIDMESH_PG_PORT, SQUIDMESH_PG_USER and
# SQUIDMESH_PG_PASSWORD when they are set (the build sets them from squidmesh.pg.* for every script it runs), else
# to 127.0.0.1:5432 as squidmesh/squidmesh; the --pg-* options override both.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
home="" db="h2-mem" reset=0 recreate=0 users=0 deploy="" extra=() more_users=()
pg_driver="" pg_host=${SQUIDMESH_PG_HOST:-127.0.0.1} pg_port=${SQUIDMESH_PG_PORT:-5432} pg_admin=postgres pg_database=squidmesh
pg_user=${SQUIDMESH_PG_USER:-squidmesh} pg_password=${SQUIDMESH_PG_PASSWORD:-squidmesh}

while [ $# -gt 0 ]; do
  case "$1" in
    --home) home=$2; shift ;;
    --db) db=$2; shift ;;
    --reset) [ "$2" = true ] && reset=1; shift ;;
    --recreate-db) [ "$2" = true ] && recreate=1; shift ;;
    --users) users=1 ;;
    --user) more_users+=("$2"); shift ;;
    --deploy) deploy=$2; shift ;;
    --extra-cli) extra+=("$2"); shift ;;
    --pg-driver) pg_driver=$2; shift ;;
    --pg-host) pg_host=$2; shift ;;
    --pg-port) pg_port=$2; shift ;;
    --pg-admin) pg_admin=$2; shift ;;
    --pg-database) pg_database=$2; shift ;;
    --pg-user) pg_user=$2; shift ;;
    --pg-password) pg_password=$2; shift ;;
    *) echo "provision.sh: unknown option $1" >&2; exit 64 ;;
  esac
  shift
done
[ -x "$home/bin/jboss-cli.sh" ] || { echo "provision.sh: no WildFly at --home '$home'" >&2; exit 64; }

# The WildFly module org.postgresql: the PostgreSQL driver, plus postgres/RestartSafeXADataSource.java compiled here
# against it (a JDK is all that takes): the XA datasource class of the Squid Mesh datasource. It must live in the
# driver's module, whose class loader loads it. Rewritten on every run, so a changed driver or source is picked up.
install_postgres_module() {
  local module="$home/modules/org/postgresql/main" build
  build=$(mktemp -d)
  javac -nowarn -d "$build" -cp "$pg_driver" "$here/postgres/RestartSafeXADataSource.java" \
    || { echo "provision.sh: cannot compile postgres/RestartSafeXADataSource.java" >&2; exit 1; }
  rm -rf "$module" && mkdir -p "$module"
  cp "$pg_driver" "$module/postgresql.jar"
  (cd "$build" && jar cf "$module/squidmesh-postgres-xa.jar" io)
  rm -rf "$build"
  cat > "$module/module.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- The PostgreSQL driver and Squid Mesh's restart-safe XA datasource (provision.sh, postgres/RestartSafeXADataSource.java) -->
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
  <resources>
    <resource-root path="postgresql.jar"/>
    <resource-root path="squidmesh-postgres-xa.jar"/>
  </resources>
  <dependencies>
    <module name="java.se"/>
    <module name="jakarta.transaction.api"/>
  </dependencies>
</module>
XML
}

cli() { JAVA_OPTS="-Xmx256m" "$home/bin/jboss-cli.sh" "$@" > "$home/standalone/log/squidmesh-provision.log" 2>&1 \
          || { cat "$home/standalone/log/squidmesh-provision.log" >&2; echo "provision.sh: CLI failed: $*" >&2; exit 1; }; }
mkdir -p "$home/standalone/log"

if [ $reset -eq 1 ]; then
  echo "squidmesh: resetting server data in $home/standalone/data"
  rm -rf "$home/standalone/data" "$home/standalone/tmp"
fi

cli --file="$here/configure-messaging.cli"
cli --file="$here/configure-transactions.cli"
cli --file="$here/configure-web.cli"
cli --file="$here/configure-metrics.cli"
cli --file="$here/configure-tracing.cli"

case "$db" in
  h2-mem) ;;
  h2-file) cli --file="$here/configure-h2-file.cli" ;;
  postgres)
    [ -f "$pg_driver" ] || { echo "provision.sh: --pg-driver must name the PostgreSQL JDBC jar" >&2; exit 64; }
    args=("$pg_host" "$pg_port" "$pg_admin" "$pg_database" "$pg_user" "$pg_password")
    [ $recreate -eq 1 ] && args+=(--recreate)
    java -cp "$pg_driver" "$here/PostgresBootstrap.java" "${args[@]}"
    install_postgres_module
    props="$home/standalone/configuration/squidmesh-postgres.properties"
    cat > "$props" <<PROPS
pg.driver.jar=$pg_driver
pg.host=$pg_host
pg.port=$pg_port
pg.database=$pg_database
pg.user=$pg_user
pg.password=$pg_password
PROPS
    cli --resolve-parameter-values --properties="$props" --file="$here/configure-postgres.cli"
    ;;
  *) echo "provision.sh: --db must be h2-mem, h2-file or postgres" >&2; exit 64 ;;
esac

for file in "${extra[@]}"; do
  cli --file="$file"
done

add_user() { # realm user password [group]
  local file="$home/standalone/configuration/$([ "$1" = ManagementRealm ] && echo mgmt || echo application)-users.properties"
  grep -q "^$2=" "$file" && return 0
  if [ "$1" = ManagementRealm ]; then
    "$home/bin/add-user.sh" -s -u "$2" -p "$3" >/dev/null
  else
    "$home/bin/add-user.sh" -s -a -u "$2" -p "$3" -g "$4" >/dev/null
  fi
}
if [ $users -eq 1 ]; then
  add_user ManagementRealm admin 'squidmesh-admin1!'
  add_user ApplicationRealm viewer 'viewer-pass1!' squidmesh-viewer
  add_user ApplicationRealm operator 'operator-pass1!' squidmesh-operator,squidmesh-viewer
fi
for spec in "${more_users[@]}"; do
  IFS=: read -r name password groups <<<"$spec"
  add_user ApplicationRealm "$name" "$password" "$groups"
done

if [ -n "$deploy" ]; then
  cp "$deploy" "$home/standalone/deployments/squidmesh.ear"
fi
echo "squidmesh: WildFly at $home configured ($db)"
