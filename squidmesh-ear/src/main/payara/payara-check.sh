#!/usr/bin/env bash
# Deploys the reference EAR, unchanged, to Payara 6 and runs a REST smoke against it.
#
#   ./mvnw -o package -pl squidmesh-ear -am          # builds squidmesh-ear/target/squidmesh.ear
#   squidmesh-ear/src/main/payara/payara-check.sh [--ear FILE] [--db h2|postgres] [--pg-host H] [--pg-port P]
#       [--pg-database D] [--pg-user U] [--pg-password W] [--poison] [--keep-running]
#
# It takes Payara (fish.payara.distributions:payara, zip) from the local Maven repository, fetching it with the
# Maven wrapper if it is missing, unpacks it once under squidmesh-ear/target/, creates a fresh domain
# "squidmesh" (ports 4848 admin, 8080 HTTP, 7676 OpenMQ), starts it, configures it with configure-payara.sh,
# deploys the EAR and checks, each with a deadline:
#   the application answers; anonymous and viewer callers are refused where they must be;
#   dependency_recovery completes; retry_verification fails once, waits its retry delay, completes;
#   manual_approval pauses, operator approves it (basic auth), it completes with actor "operator" in history;
#   cancellable_wait is cancelled during its wait and settles on "cancelled";
#   payment_webhook waits for its event, which is sent by run key, and completes; order_fulfilment completes after
#   its shipment child run;
#   the engine's meters appear in MicroProfile Metrics (/metrics?scope=application);
#   the overview counts those runs (GET /api/overview);
#   with --poison, the incidents view lists the dead letter and a redrive moves it back to work;
#   the retention purge (a Jakarta Batch job) removes those terminal runs;
#   with --db postgres, the EJB timers and the batch job repository are in PostgreSQL, not Payara's H2;
#   the EAR is redeployed on the running domain (asadmin redeploy) and a run started afterwards completes;
#   with --poison also: a message that is not JSON ends in the dead-letter queue squidmesh_dlq (the engine moves a
#   message it never produces there at once, with the reason; work it cannot do yet after squidmesh.max-deliveries).
# Each check prints PASS or FAIL; the exit status is non-zero if any failed. The application is undeployed
# and the domain stopped at the end, whatever happened (--keep-running leaves it up for a look).
# The machine must not run another server on those ports meanwhile (CI: flock /tmp/squidmesh-mvn.lock ...).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"          # squidmesh-ear
root="$(cd "$module/.." && pwd)"
payara_version="${PAYARA_VERSION:-6.2025.9}"
ear="$module/target/squidmesh.ear"
db=h2
pg_args=()
keep=0
poison=0
while [ $# -gt 0 ]; do
  case "$1" in
    --ear) ear="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --pg-host|--pg-port|--pg-database|--pg-user|--pg-password|--pg-admin) pg_args+=("$1" "$2"); shift 2 ;;
    --keep-running) keep=1; shift ;;
    --poison) poison=1; shift ;;
    *) echo "payara-check.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done

started=$(date +%s)
log() { printf '[payara-check %3ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
die() { log "ERROR: $*"; exit 2; }

[ -f "$ear" ] || die "no EAR at $ear; build it first: ./mvnw -o package -pl squidmesh-ear -am"

# --- Payara ---------------------------------------------------------------------------------------------------
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
zip="$repo/fish/payara/distributions/payara/$payara_version/payara-$payara_version.zip"
if [ ! -f "$zip" ]; then
  log "fetching fish.payara.distributions:payara:$payara_version:zip into the local Maven repository"
  "$root/mvnw" -B -q dependency:get -Dartifact="fish.payara.distributions:payara:$payara_version:zip" \
    -Dtransitive=false || die "cannot fetch Payara $payara_version"
fi
install="$module/target/payara-$payara_version"
home="$install/payara6"
if [ ! -f "$install/.unpacked" ]; then
  log "unpacking Payara $payara_version into $install"
  rm -rf "$install" && mkdir -p "$install" && unzip -q "$zip" -d "$install" || die "cannot unpack $zip"
  touch "$install/.unpacked"
fi
asadmin="$home/bin/asadmin"
a() { "$asadmin" --interactive=false "$@"; }
domain=squidmesh
server_log="$home/glassfish/domains/$domain/logs/server.log"

# --- checks -------------------------------------------------------------------------------------------------
passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }

base=http://localhost:8080/squidmesh/api
viewer='viewer:viewer-pass1!'
operator='operator:operator-pass1!'
json='Content-Type: application/json'

# status of a run, or "?" if it cannot be read
status_of() { curl -s -u "$viewer" "$base/runs/$1" | jq -r '.status // "?"' 2>/dev/null || echo '?'; }

# await RUN STATUS SECONDS: polls until the run has STATUS or the deadline passes; prints the statuses seen
await() {
  local run="$1" want="$2" deadline=$(( $(date +%s) + $3 )) seen="" now
  while :; do
    now=$(status_of "$run")
    case " $seen " in *" $now "*) ;; *) seen="${seen:+$seen }$now" ;; esac
    [ "$now" = "$want" ] && { echo "$seen"; return 0; }
    [ "$(date +%s)" -ge "$deadline" ] && { echo "$seen"; return 1; }
    sleep 0.2
  done
}

start_run() { # WORKFLOW PAYLOAD-JSON -> run id (empty on failure)
  curl -s -u "$operator" -H "$json" -d "{\"workflow\":\"$1\",\"payload\":$2}" "$base/runs" | jq -r '.id // empty'
}

deployed=0
cleanup() {
  local rc=$?
  if [ $keep -eq 1 ]; then
    log "--keep-running: domain $domain stays up (stop it with $asadmin stop-domain $domain)"
    return
  fi
  [ $deployed -eq 1 ] && { a undeploy squidmesh >/dev/null 2>&1 && log "undeployed squidmesh"; }
  a stop-domain "$domain" >/dev/null 2>&1 && log "domain $domain stopped"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- domain ---------------------------------------------------------------------------------------------------
a stop-domain "$domain" >/dev/null 2>&1 || true
a delete-domain "$domain" >/dev/null 2>&1 || true
log "creating a fresh domain $domain"
a create-domain --nopassword=true "$domain" >/dev/null || die "create-domain failed"
a start-domain "$domain" >/dev/null || die "start-domain failed (see $server_log)"
log "domain $domain started (Payara $payara_version, $(java -version 2>&1 | head -1))"

configure_args=(--asadmin "$asadmin" --domain "$domain" --db "$db")
if [ "$db" = postgres ]; then
  driver="$(ls "$repo"/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)"
  [ -f "$driver" ] || die "no PostgreSQL JDBC driver in $repo (./mvnw dependency:get -Dartifact=org.postgresql:postgresql:42.7.14)"
  configure_args+=(--pg-driver "$driver" "${pg_args[@]}")
fi
# first as an administrator would on a real domain (no demo users), then again with --users: the script is
# idempotent, and well-known demo passwords exist only when asked for
bash "$here/configure-payara.sh" "${configure_args[@]}" || die "configure-payara.sh failed"
if a list-file-users 2>/dev/null | awk '{print $1}' | grep -qx -e viewer -e operator; then
  fail "configure-payara.sh without --users created demo users: $(a list-file-users 2>/dev/null | tr '\n' ' ')"
else
  pass "configure-payara.sh without --users creates no demo users"
fi
bash "$here/configure-payara.sh" "${configure_args[@]}" --users || die "configure-payara.sh --users failed"

log "deploying $ear (sha256 $(sha256sum "$ear" | cut -c1-16)...)"
if a deploy --name squidmesh "$ear"; then
  deployed=1
  pass "deploy: the reference EAR deploys on Payara $payara_version"
else
  fail "deploy: the reference EAR deploys on Payara $payara_version"
  grep -E 'SEVERE|Caused by' "$server_log" | tail -20
  exit 1
fi

deadline=$(( $(date +%s) + 60 ))
until curl -sf "$base/health" >/dev/null; do
  [ "$(date +%s)" -ge "$deadline" ] && break
  sleep 0.5
done
health="$(curl -s "$base/health")"
if [ "$(echo "$health" | jq -r .status 2>/dev/null)" = UP ]; then pass "health: $health"; else fail "health: '$health'"; fi

# --- security -------------------------------------------------------------------------------------------------
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/runs")
[ "$code" = 401 ] && pass "security: anonymous GET /api/runs -> 401" || fail "security: anonymous GET /api/runs -> $code (want 401)"
code=$(curl -s -o /dev/null -w '%{http_code}' -u "$viewer" -H "$json" -d '{"workflow":"cancellable_wait","payload":{"account_id":"x"}}' "$base/runs")
[ "$code" = 403 ] && pass "security: viewer cannot start a run (403)" || fail "security: viewer POST /api/runs -> $code (want 403)"
workflows=$(curl -s -u "$viewer" "$base/workflows" | jq -r '[.workflows[].workflow] | length' 2>/dev/null)
[ "${workflows:-0}" -ge 8 ] && pass "workflows: viewer lists $workflows example workflows" || fail "workflows: viewer lists '${workflows:-none}'"

# --- dependency_recovery ---------------------------------------------------------------------------------------
run=$(start_run dependency_recovery '{"account_id":"acc-1","invoice_id":"inv-1","attempt_id":"payara-1"}')
if [ -z "$run" ]; then
  fail "dependency_recovery: start"
elif seen=$(await "$run" completed 30); then
  steps=$(curl -s -u "$viewer" "$base/runs/$run?history=true" | jq -c '[.steps[] | "\(.step)=\(.status)"]')
  pass "dependency_recovery: $run $seen; steps $steps"
else
  fail "dependency_recovery: $run saw [$seen], not completed within 30 s"
fi

# --- retry_verification ---------------------------------------------------------------------------------------
run=$(start_run retry_verification '{"attempt_id":"payara-retry-1"}')
if [ -z "$run" ]; then
  fail "retry_verification: start"
elif seen=$(await "$run" completed 30); then
  attempts=$(curl -s -u "$viewer" "$base/runs/$run?history=true" | jq -c '.step_runs[0].attempts')
  statuses=$(echo "$attempts" | jq -c '[.[].status]')
  gap=$(echo "$attempts" | jq -r 'if length == 2 then "\(.[0].updated_at) \(.[1].inserted_at)" else "" end')
  delay=""
  if [ -n "$gap" ]; then
    set -- $gap
    delay=$(awk -v a="$(date -d "$1" +%s.%N)" -v b="$(date -d "$2" +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
  fi
  if [ "$statuses" = '["failed","completed"]' ] && [ -n "$delay" ] && awk -v d="$delay" 'BEGIN { exit !(d >= 0.9) }'; then
    pass "retry_verification: $run $seen; attempts $statuses, second attempt ${delay}s after the first (retry delay 1 s)"
  else
    fail "retry_verification: $run attempts $statuses, gap '${delay}' s (want failed then completed, >= 0.9 s apart)"
  fi
else
  fail "retry_verification: $run saw [$seen], not completed within 30 s"
fi

# --- manual_approval --------------------------------------------------------------------------------------------
run=$(start_run manual_approval '{"account_id":"acc-1"}')
if [ -z "$run" ]; then
  fail "manual_approval: start"
elif seen=$(await "$run" paused 30); then
  pass "manual_approval: $run $seen (waits at $(curl -s -u "$viewer" "$base/runs/$run" | jq -r .current_step))"
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$viewer" -H "$json" -d '{"comment":"viewer"}' "$base/runs/$run/approve")
  [ "$code" = 403 ] && pass "manual_approval: viewer cannot approve (403)" || fail "manual_approval: viewer approve -> $code (want 403)"
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$operator" -H "$json" -d '{"comment":"ok from payara-check","actor":"mallory"}' "$base/runs/$run/approve")
  if [ "$code" = 200 ] && seen=$(await "$run" completed 30); then
    audit=$(curl -s -u "$viewer" "$base/runs/$run?history=true" | jq -c '[.audit_events[] | {type, actor}]')
    if echo "$audit" | jq -e 'any(.[]; .type == "approved" and .actor == "operator")' >/dev/null; then
      pass "manual_approval: approved by operator (200), $seen; audit $audit"
    else
      fail "manual_approval: completed but audit is $audit (want approved by operator)"
    fi
  else
    fail "manual_approval: approve -> $code, saw [$seen]"
  fi
else
  fail "manual_approval: $run saw [$seen], not paused within 30 s"
fi

# --- cancellable_wait -------------------------------------------------------------------------------------------
run=$(start_run cancellable_wait '{"account_id":"acc-1"}')
if [ -z "$run" ]; then
  fail "cancellable_wait: start"
else
  cancelled=$(curl -s -u "$operator" -H "$json" -d '{"comment":"stop"}' "$base/runs/$run/cancel" | jq -r '.status // "?"')
  if seen=$(await "$run" cancelled 30); then
    pass "cancellable_wait: $run cancel answered '$cancelled', then $seen"
  else
    fail "cancellable_wait: $run cancel answered '$cancelled', saw [$seen], not cancelled within 30 s"
  fi
fi

# --- payment_webhook: an external event sent by run key (EclipseLink: the run's mailbox, V7) --------------------
key="order-payara-$$"
run=$(curl -s -u "$operator" -H "$json" -H "Idempotency-Key: $key" \
  -d '{"workflow":"payment_webhook","payload":{"order_id":"p-1","amount_cents":500}}' "$base/runs" | jq -r '.id // empty')
if [ -z "$run" ]; then
  fail "payment_webhook: start"
else
  deadline=$(( $(date +%s) + 30 )) reason=""
  while [ "$(date +%s)" -lt "$deadline" ]; do
    reason=$(curl -s -u "$viewer" "$base/runs/$run/explanation" | jq -r '.reason // "?"')
    [ "$reason" = waiting_for_event ] && break
    sleep 0.2
  done
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$operator" -H "$json" \
    -d '{"payload":{"provider_reference":"psp-1"},"idempotency_key":"evt-1"}' \
    "$base/workflows/payment_webhook/runs/$key/events/payment_confirmed")
  if seen=$(await "$run" completed 30); then
    pass "payment_webhook: $run $reason, event answered $code, then $seen"
  else
    fail "payment_webhook: $run $reason, event answered $code, saw [$seen], not completed within 30 s"
  fi
fi

# --- order_fulfilment: a child run (EclipseLink: the parent link, V8) -----------------------------------------
run=$(start_run order_fulfilment '{"order_id":"p-2","address":"1 Main St"}')
if [ -z "$run" ]; then
  fail "order_fulfilment: start"
elif seen=$(await "$run" completed 30); then
  children=$(curl -s -u "$viewer" "$base/runs/$run?history=true" | jq -c '[.children[] | "\(.workflow)=\(.status)"]')
  [ "$children" = '["shipment=completed"]' ] && pass "order_fulfilment: $run $seen, children $children" \
    || fail "order_fulfilment: $run completed but children $children"
else
  fail "order_fulfilment: $run saw [$seen], not completed within 30 s"
fi

# --- metrics (MicroProfile Metrics: Payara has no Micrometer; io.squidmesh.metrics.MicroProfileMetrics) ----------
scrape=$(curl -s "http://localhost:8080/metrics?scope=application")
echo "$scrape" | grep -q '^squidmesh_' || scrape=$(curl -s "http://localhost:8080/metrics/application")
started_series=$(echo "$scrape" | grep -E '^squidmesh_runs_started(_total)?\{' | grep 'dependency_recovery' | head -1)
attempt_series=$(echo "$scrape" | grep -E '^squidmesh_step_attempts(_total)?\{' | head -1)
if [ -n "$started_series" ] && [ -n "$attempt_series" ]; then
  pass "metrics: MicroProfile Metrics scrape has $started_series and $(echo "$scrape" | grep -c '^squidmesh_') squidmesh series"
else
  fail "metrics: no squidmesh_runs_started / squidmesh_step_attempts in the application scrape: $(echo "$scrape" | grep -i squidmesh | head -5 | tr '\n' ' ')"
fi

# --- the overview (EclipseLink: native per-minute counts, grouped failures) --------------------------------------
overview=$(curl -s -u "$viewer" "$base/overview?minutes=15")
shape=$(echo "$overview" | jq -c '{minutes: (.minutes | length), started: ([.minutes[].started] | add), open: (.open | keys)}' 2>/dev/null)
if [ "$(echo "$shape" | jq -r '.minutes' 2>/dev/null)" = 16 ] && [ "$(echo "$shape" | jq -r '.started' 2>/dev/null)" -ge 5 ]; then
  pass "overview: $shape"
else
  fail "overview: '$shape' from $(echo "$overview" | head -c 300)"
fi

# --- Jakarta Batch: the retention purge as a batch job on Payara's JBatch ---------------------------------------
job=$(curl -s -u "$operator" -H "$json" -d '{"older_than_days":0}' "$base/bulk/purge" | jq -r '.execution_id // empty')
if [ -z "$job" ]; then
  fail "bulk purge: start"
else
  deadline=$(( $(date +%s) + 30 ))
  while :; do
    batch=$(curl -s -u "$operator" "$base/bulk/$job")
    state=$(echo "$batch" | jq -r '.batch_status // "?"')
    case "$state" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
    [ "$(date +%s)" -ge "$deadline" ] && break
    sleep 0.3
  done
  written=$(echo "$batch" | jq -r '.counts.written // 0')
  if [ "$state" = COMPLETED ] && [ "$written" -ge 4 ]; then
    pass "bulk purge: Jakarta Batch job $job COMPLETED, $written terminal runs purged"
  else
    fail "bulk purge: job $job $batch"
  fi
fi

# --- PostgreSQL: timers and job repository beside the runs, not in Payara's embedded H2 ----------------------
if [ "$db" = postgres ]; then
  pg_opt() { # NAME DEFAULT: the value given to this script as --pg-NAME, else DEFAULT
    local i
    for ((i = 0; i < ${#pg_args[@]}; i += 2)); do [ "${pg_args[i]}" = "--pg-$1" ] && { echo "${pg_args[i+1]}"; return; }; done
    echo "$2"
  }
  pg_count() { # SQL -> one number, or "?"
    PGPASSWORD="$(pg_opt password squidmesh)" psql -h "$(pg_opt host 127.0.0.1)" -p "$(pg_opt port 5432)" \
      -U "$(pg_opt user squidmesh)" -d "$(pg_opt database squidmesh_payara)" -tAc "$1" 2>/dev/null || echo '?'
  }
  if grep -q 'EJB5109.*data source \[jdbc/squidmesh\]' "$server_log"; then
    pass "timers: the EJB timer service runs on jdbc/squidmesh (PostgreSQL; $(pg_count 'SELECT count(*) FROM "EJB__TIMER__TBL"') timer(s) stored)"
  else
    fail "timers: no 'EJB5109 ... data source [jdbc/squidmesh]' in the server log: $(grep -o 'EJB510[0-9].*' "$server_log" | tail -1)"
  fi
  jobs=$(pg_count 'SELECT count(*) FROM executioninstancedata')
  if [ "${jobs:-?}" != '?' ] && [ "$jobs" -ge 1 ]; then
    pass "batch: the job repository is in PostgreSQL ($jobs job execution(s) in executioninstancedata)"
  else
    fail "batch: '${jobs}' job executions in PostgreSQL's executioninstancedata (want the purge job there)"
  fi
fi

# --- redeploy on the running domain: the message-driven beans must consume again without a restart ----------
log "redeploying $ear on the running domain"
if a redeploy --name squidmesh "$ear" >/dev/null; then
  deadline=$(( $(date +%s) + 60 ))
  until curl -sf "$base/health" >/dev/null; do
    [ "$(date +%s)" -ge "$deadline" ] && break
    sleep 0.5
  done
  run=$(start_run dependency_recovery '{"account_id":"acc-2","invoice_id":"inv-2","attempt_id":"payara-redeploy-1"}')
  if [ -z "$run" ]; then
    fail "redeploy: start after the redeploy"
  elif seen=$(await "$run" completed 60); then
    pass "redeploy: after asadmin redeploy, dependency_recovery $run $seen (work queue consumed without a restart)"
  else
    fail "redeploy: after asadmin redeploy, dependency_recovery $run saw [$seen], not completed within 60 s"
    grep -E 'SEVERE|Caused by' "$server_log" | tail -20
  fi
else
  fail "redeploy: asadmin redeploy failed"
  grep -E 'SEVERE|Caused by' "$server_log" | tail -20
fi

# --- poison message (optional) --------------------------------------------------------------------------------
dmq_count() { # messages in the dead-letter queue, from imqcmd
  "$home/mq/bin/imqcmd" query dst -t q -n squidmesh_dlq -b localhost:7676 -u admin -passfile "$imq_pass" -f 2>/dev/null \
    | awk '/Current Number of Messages/ { f = 1 } f && /Actual/ { print $2; exit }'
}
if [ $poison -eq 1 ]; then
  imq_pass="$(mktemp)"
  echo 'imq.imqcmd.password=admin' > "$imq_pass"
  before=$(dmq_count)
  id=$(java -cp "$home/mq/lib/imq.jar:$home/glassfish/modules/jakarta.jms-api.jar" "$here/SendPoison.java" 2>&1 | tail -1)
  deadline=$(( $(date +%s) + 90 ))
  while :; do
    after=$(dmq_count)
    [ -n "$after" ] && [ "$after" -gt "${before:-0}" ] && break
    [ "$(date +%s)" -ge "$deadline" ] && break
    sleep 1
  done
  sleep 2
  refusals=$(grep -c "Squid Mesh cannot process message $id" "$server_log" || true)
  if [ -n "$after" ] && [ "$after" -gt "${before:-0}" ] && [ "$refusals" -ge 1 ] && [ "$refusals" -le 12 ]; then
    pass "poison: $id refused $refusals time(s), then moved to squidmesh_dlq ($before -> $after messages)"
  else
    fail "poison: $id refused $refusals time(s); squidmesh_dlq '${before}' -> '${after}' messages within 90 s"
  fi
  # the incidents view browses the dead-letter queue (OpenMQ) and counts it; a redrive moves the letter back to work
  incidents=$(curl -s -u "$viewer" "$base/incidents")
  letter=$(echo "$incidents" | jq -c --arg id "$id" '[.dead_letters[] | select(.original_id == $id)][0] // empty' 2>/dev/null)
  dlq_depth=$(echo "$incidents" | jq -r '[.queues[] | select(.role == "dead_letters") | .messages] | add // 0' 2>/dev/null)
  if [ -n "$letter" ] && [ "${dlq_depth:-0}" -ge 1 ]; then
    pass "incidents: the poison listed as a dead letter (reason: $(echo "$letter" | jq -r .reason | head -c 80)), dead-letter queue depth $dlq_depth"
    letter_id=$(printf '%s' "$(echo "$letter" | jq -r .id)" | jq -sRr @uri)
    first=$(curl -s -o /dev/null -w '%{http_code}' -u "$operator" -X POST "$base/dead-letters/$letter_id/redrive")
    again=$(curl -s -o /dev/null -w '%{http_code}' -u "$operator" -X POST "$base/dead-letters/$letter_id/redrive")
    if [ "$first" = 200 ] && [ "$again" = 404 ]; then
      pass "incidents: redrive of $(echo "$letter" | jq -r .id) -> 200, again -> 404 (it left the dead-letter queue)"
    else
      fail "incidents: redrive -> $first, again -> $again (want 200, then 404)"
    fi
  else
    fail "incidents: the poison $id not listed (depth ${dlq_depth:-?}): $(echo "$incidents" | head -c 300)"
  fi
  rm -f "$imq_pass"
fi

# --- log ---------------------------------------------------------------------------------------------------------
severe=$(grep -c '\[SEVERE\]' "$server_log" 2>/dev/null || true)
log "server.log: ${severe:-0} SEVERE record(s) ($server_log)"

log "$passed passed, $failed failed in $(( $(date +%s) - started )) s"
[ $failed -eq 0 ]
