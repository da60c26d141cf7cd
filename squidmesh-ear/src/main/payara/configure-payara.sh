#!/usr/bin/env bash
# Configures a running Payara 6 domain for Squid Mesh with asadmin (idempotent: every step checks first).
#
#   configure-payara.sh --asadmin PAYARA/bin/asadmin [--domain domain1] [--db h2|postgres] [--pg-driver postgresql.jar]
#                       [--pg-host 127.0.0.1] [--pg-port 5432] [--pg-database squidmesh_payara]
#                       [--pg-user squidmesh] [--pg-password squidmesh] [--users]
#
# What it sets up (the Payara counterparts of src/main/wildfly/*.cli):
#   - JMS (OpenMQ, Payara's broker): the physical queue "squidmesh" and the queue resource jms/squidmesh. The
#     message-driven bean listens on jms/squidmesh (glassfish-ejb-jar.xml in squidmesh-jms-executor.jar) and
#     the MicroProfile Config property squidmesh.queue=jms/squidmesh points the sender at the same queue. The
#     physical queue "squidmesh_events" and jms/squidmesh-events carry external events to runs (EventIngress).
#     Dead letters: the engine paces and bounds redelivery itself, as on WildFly: squidmesh.max-deliveries=10 and
#     squidmesh.dead-letter-queue=jms/squidmesh-dlq (physical queue squidmesh_dlq) make it move a message it gives
#     up on there, with the reason. (A delivery that throws, when even the engine's redelivery cannot send, is
#     bounded by OpenMQ itself: endpointExceptionRedeliveryAttempts, then its dead message queue mq.sys.dmq.)
#   - Database (--db postgres): the PostgreSQL driver as a domain library, an XA pool (PGXADataSource,
#     stringType=unspecified so JSON text goes into jsonb columns) and the resource jdbc/squidmesh; the
#     default resource jdbc/__default (java:comp/DefaultDataSource, the one the engine uses) is pointed at
#     the same pool, and so are the EJB timer service (cron triggers' persistent timers; the table is created from
#     Payara's own DDL by PayaraTables.java if missing) and the Jakarta Batch job repository (restart once). The database and its role are created first (PostgresBootstrap.java, beside the WildFly
#     scripts). With --db h2 the default stays Payara's embedded H2.
#   - Security: roles map to groups of the same name (squidmesh-viewer, squidmesh-operator) through
#     glassfish-application.xml in the EAR. Only with --users (as provision.sh --users on WildFly): the demo users
#     viewer / viewer-pass1! (group squidmesh-viewer) and operator / operator-pass1! (groups squidmesh-operator,
#     squidmesh-viewer) in the "file" realm. A real domain brings its own users and groups; well-known demo
#     passwords are never created unasked.
# PostgreSQL must run with max_prepared_transactions > 0 (XA).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
asadmin=""
domain=domain1
db=h2
pg_driver=""
pg_host=${SQUIDMESH_PG_HOST:-127.0.0.1} # the SQUIDMESH_PG_* variables: as in ../wildfly/provision.sh
pg_port=${SQUIDMESH_PG_PORT:-5432}
pg_database=squidmesh_payara
pg_user=${SQUIDMESH_PG_USER:-squidmesh}
pg_password=${SQUIDMESH_PG_PASSWORD:-squidmesh}
pg_admin=postgres
users=0
while [ $# -gt 0 ]; do
  case "$1" in
    --asadmin) asadmin="$2"; shift 2 ;;
    --domain) domain="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --pg-driver) pg_driver="$2"; shift 2 ;;
    --pg-host) pg_host="$2"; shift 2 ;;
    --pg-port) pg_port="$2"; shift 2 ;;
    --pg-database) pg_database="$2"; shift 2 ;;
    --pg-user) pg_user="$2"; shift 2 ;;
    --pg-password) pg_password="$2"; shift 2 ;;
    --pg-admin) pg_admin="$2"; shift 2 ;;
    --users) users=1; shift ;;
    --no-users) users=0; shift ;;   # the default; kept so older command lines still work
    *) echo "configure-payara.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
[ -x "$asadmin" ] || { echo "configure-payara.sh: --asadmin must name Payara's bin/asadmin" >&2; exit 64; }

a() { "$asadmin" --interactive=false "$@"; }
listed() { a "$1" 2>/dev/null | awk '{print $1}' | grep -qx -- "$2"; }
say() { echo "configure-payara: $*"; }

# --- JMS --------------------------------------------------------------------------------------------------
if ! listed list-jmsdest squidmesh; then
  a create-jmsdest --desttype queue --property maxNumMsgs=-1:maxBytesPerMsg=-1:useDMQ=true squidmesh
fi
if ! listed list-jms-resources jms/squidmesh; then
  a create-jms-resource --restype jakarta.jms.Queue --property Name=squidmesh \
    --description "Squid Mesh work queue" jms/squidmesh
fi
if ! listed list-jmsdest squidmesh_dlq; then
  a create-jmsdest --desttype queue --property maxNumMsgs=-1:maxBytesPerMsg=-1 squidmesh_dlq
fi
if ! listed list-jms-resources jms/squidmesh-dlq; then
  a create-jms-resource --restype jakarta.jms.Queue --property Name=squidmesh_dlq \
    --description "Squid Mesh dead letters" jms/squidmesh-dlq
fi
# external events other systems send to runs (EventIngress listens on jms/squidmesh-events)
if ! listed list-jmsdest squidmesh_events; then
  a create-jmsdest --desttype queue --property maxNumMsgs=-1:maxBytesPerMsg=-1:useDMQ=true squidmesh_events
fi
if ! listed list-jms-resources jms/squidmesh-events; then
  a create-jms-resource --restype jakarta.jms.Queue --property Name=squidmesh_events \
    --description "Squid Mesh external events" jms/squidmesh-events
fi
a set-config-property --source domain --propertyName squidmesh.queue --propertyValue jms/squidmesh >/dev/null
a set-config-property --source domain --propertyName squidmesh.max-deliveries --propertyValue 10 >/dev/null
a set-config-property --source domain --propertyName squidmesh.dead-letter-queue --propertyValue jms/squidmesh-dlq >/dev/null
say "queue jms/squidmesh (OpenMQ destination squidmesh); dead letters after 10 deliveries to jms/squidmesh-dlq (squidmesh_dlq)"

# --- Database ---------------------------------------------------------------------------------------------
if [ "$db" = postgres ]; then
  [ -f "$pg_driver" ] || { echo "configure-payara.sh: --pg-driver must name the PostgreSQL JDBC jar" >&2; exit 64; }
  java -cp "$pg_driver" "$here/../wildfly/PostgresBootstrap.java" \
    "$pg_host" "$pg_port" "$pg_admin" "$pg_database" "$pg_user" "$pg_password"
  if ! a list-libraries --type common 2>/dev/null | grep -qx "$(basename "$pg_driver")"; then
    a add-library --type common "$pg_driver"
    say "PostgreSQL driver added as a domain library; restarting the domain to load it"
    a restart-domain "$domain"
  fi
  if ! listed list-jdbc-connection-pools SquidMeshPool; then
    a create-jdbc-connection-pool --datasourceclassname org.postgresql.xa.PGXADataSource \
      --restype javax.sql.XADataSource --steadypoolsize 5 --maxpoolsize 60 \
      --isconnectvalidatereq=true --validationmethod custom-validation \
      --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
      --property "serverName=${pg_host}:portNumber=${pg_port}:databaseName=${pg_database}:user=${pg_user}:password=${pg_password}:stringType=unspecified" \
      SquidMeshPool
  fi
  if ! listed list-jdbc-resources jdbc/squidmesh; then
    a create-jdbc-resource --connectionpoolid SquidMeshPool jdbc/squidmesh
  fi
  a set resources.jdbc-resource.jdbc/__default.pool-name=SquidMeshPool >/dev/null
  a ping-connection-pool SquidMeshPool >/dev/null
  say "default datasource jdbc/__default -> XA pool SquidMeshPool (PostgreSQL ${pg_host}:${pg_port}/${pg_database})"

  # EJB timers (the cron triggers' persistent timers) and the Jakarta Batch job repository (bulk jobs) default to
  # jdbc/__TimerPool, Payara's embedded H2: on PostgreSQL they belong in the same database as the runs, so that a
  # backup, a restore or a second node sees them too. Both take effect after a restart.
  restart=0
  ddl_dir="$(cd "$(dirname "$asadmin")/.." && pwd)/glassfish/lib/install/databases"
  for table_and_ddl in '"EJB__TIMER__TBL"':ejbtimer_postgresql.sql jobinstancedata:jsr352-postgresql.sql; do
    ddl="$ddl_dir/${table_and_ddl#*:}"
    [ -f "$ddl" ] || { echo "configure-payara.sh: Payara's DDL is not at $ddl" >&2; exit 1; }
    java -cp "$pg_driver" "$here/PayaraTables.java" "$pg_host" "$pg_port" "$pg_database" "$pg_user" "$pg_password" \
      "${table_and_ddl%%:*}" "$ddl"
  done
  timer_key=configs.config.server-config.ejb-container.ejb-timer-service.timer-datasource
  if ! a get "$timer_key" 2>/dev/null | grep -qx "$timer_key=jdbc/squidmesh"; then
    a set "$timer_key=jdbc/squidmesh" >/dev/null
    restart=1
  fi
  batch_key=configs.config.server-config.batch-runtime-configuration.data-source-lookup-name
  if ! a get "$batch_key" 2>/dev/null | grep -qx "$batch_key=jdbc/squidmesh"; then
    # the job repository sets search_path on the connections it borrows from the shared pool: keep it public,
    # the schema the engine's tables are in
    a set-batch-runtime-configuration --target server --datasourcelookupname jdbc/squidmesh --schemaname public >/dev/null
    restart=1
  fi
  if [ $restart -eq 1 ]; then
    say "EJB timers and the batch job repository -> jdbc/squidmesh; restarting the domain for them"
    a restart-domain "$domain" >/dev/null
  else
    say "EJB timers and the batch job repository already on jdbc/squidmesh"
  fi
else
  a set resources.jdbc-resource.jdbc/__default.pool-name=H2Pool >/dev/null
  say "default datasource jdbc/__default -> Payara's embedded H2 (H2Pool)"
fi

# --- Users ------------------------------------------------------------------------------------------------
if [ $users -eq 1 ]; then
  add_user() { # name password groups
    if listed "list-file-users" "$1"; then
      "$asadmin" --interactive=false --passwordfile <(printf 'AS_ADMIN_USERPASSWORD=%s\n' "$2") \
        update-file-user --groups "$3" "$1" >/dev/null
    else
      "$asadmin" --interactive=false --passwordfile <(printf 'AS_ADMIN_USERPASSWORD=%s\n' "$2") \
        create-file-user --groups "$3" "$1" >/dev/null
    fi
  }
  add_user viewer 'viewer-pass1!' squidmesh-viewer
  add_user operator 'operator-pass1!' squidmesh-operator:squidmesh-viewer
  say "users viewer (squidmesh-viewer), operator (squidmesh-operator, squidmesh-viewer) in the file realm"
else
  say "no demo users (--users creates viewer and operator); give your users the groups squidmesh-viewer / squidmesh-operator"
fi
