#!/usr/bin/env bash
# Configures a running Payara 6 domain for Squid Mesh with asadmin (idempotent: every step checks first).
#
#   configure-payara.sh --asadmin PAYARA/bin/asadmin [--domain domain1] [--db h2|postgres] [--pg-driver postgresql.jar]
#                       [--pg-host 127.0.0.1] [--pg-port 5432] [--pg-database squidmesh_payara]
#                       [--pg-user squidmesh] [--pg-password squidmesh] [--no-users]
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
#     the same pool. The database and its role are created first (PostgresBootstrap.java, beside the WildFly
#     scripts). With --db h2 the default stays Payara's embedded H2.
#   - Security: users viewer / viewer-pass1! (group squidmesh-viewer) and operator / operator-pass1!
#     (groups squidmesh-operator, squidmesh-viewer) in the "file" realm. Roles map to the groups of the same
#     name through glassfish-application.xml in the EAR.
# PostgreSQL must run with max_prepared_transactions > 0 (XA).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
asadmin=""
domain=domain1
db=h2
pg_driver=""
pg_host=127.0.0.1
pg_port=5432
pg_database=squidmesh_payara
pg_user=squidmesh
pg_password=squidmesh
pg_admin=postgres
users=1
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
    --no-users) users=0; shift ;;
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
fi
