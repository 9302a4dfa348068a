#!/usr/bin/env bash
# Eligibility load benchmark (issue 4): the hub (Release) over the project's PostgreSQL, the payer simulator answering
# every request after 200 ms, and N requests/s of POST /v1/eligibility. Prints throughput and the latency the hub adds
# (its p50/p90/p99 minus the simulator's, measured at the same rate through the hub's own CORE transport).
#   RATE=500  SECONDS_PER_PHASE=20  WARMUP=45  PATIENTS=200  DELAY_MS=200
# SCENARIO=claims (claim intake) or SCENARIO=remit835 COUNT=10000 DELAY_MS=0 (one 835 paying COUNT claims, ingested end to end)
# or SCENARIO=roster COUNT=1000000 (ДМС roster CSV and XLSX: reader alone, then imported through the hub; hub peak RSS;
# ROSTER_FORMATS=xlsx,csv for the other order, ROSTER_LOG_LEVEL=Information without the phase timings).
# PUSH_WHEN=FILE (remit835) holds the timed push until FILE exists, e.g. to attach dotnet-trace to the idle hub first.
# The hub phase is also measured on the wire (tcpdump; LOAD_WIRE=0 skips it, LOAD_PCAP=FILE keeps the capture).
# LOAD_TIMELINE=1 adds each phase second by second; LOAD_LATENCIES=FILE keeps every request's latency. HUB_ENV="VAR=value …"
# gives the hub runtime settings to try (e.g. DCH_GC_GEN0_BUDGET_MB=0 for the runtime's own gen0 budget). The hub starts
# through its launcher (dch-hub), as ./hub run and the container image start it.
# INSTANCES=2 runs that many hub instances (ports API_PORT, API_PORT+1, …) on the RabbitMQ transport behind one
# PostgreSQL database and a fresh broker virtual host; the load goes round-robin to them.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sim_url="http://127.0.0.1:${SIM_PORT:-5190}"
api_url="http://127.0.0.1:${API_PORT:-5180}"
work="$(mktemp -d -t dch-load-XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() {
  for _ in $(seq 1 240); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "not up: $1" >&2
  return 1
}

echo "== database"
db="$("$root/hub" db | tail -n 1)"
# LOAD_DATABASE names it when another run may be using the default (give it other API_PORT and SIM_PORT too).
load_db="${LOAD_DATABASE:-dentalclaimshub_load}"
db="${db/Database=dentalclaimshub/Database=$load_db}"
# A fresh load database every run, so runs compare (a table grown by earlier runs costs more to insert into and vacuum).
field() { tr ';' '\n' <<<"$db" | sed -n "s/^$1=//Ip" | head -n 1; }
PGPASSWORD="$(field Password)" psql -q -h "$(field Host)" -p "$(field Port)" -U "$(field Username)" -d postgres \
  -c "DROP DATABASE IF EXISTS $load_db WITH (FORCE)" >/dev/null

echo "== build (Release)"
for project in src/DentalClaimsHub.Api src/DentalClaimsHub.PayerSimulator tests/DentalClaimsHub.Load; do
  dotnet build -c Release -v q --nologo "$root/$project" >/dev/null
done

# The wake-up probe (wakeprobe.c): how late this machine wakes a sleeping process during each phase. Skipped without cc.
if command -v cc >/dev/null 2>&1 && cc -O2 -o "$work/wakeprobe" "$here/wakeprobe.c"; then
  export DCH_LOAD_WAKE_PROBE="$work/wakeprobe"
fi

# The wire's view of the hub phase (WireCapture): tcpdump on the loopback, installed from Debian's packages when run as root
# (capturing needs root or CAP_NET_RAW). Skipped without it, or with LOAD_WIRE=0.
if [ "${LOAD_WIRE:-1}" != 0 ]; then
  if ! command -v tcpdump >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "== installing tcpdump (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tcpdump >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tcpdump >/dev/null; } \
      || echo "tcpdump could not be installed: the wire's view is skipped"
  fi
  if command -v tcpdump >/dev/null 2>&1; then
    export DCH_LOAD_TCPDUMP="$(command -v tcpdump)"
  fi
fi

mkdir -p "$work/mappings/payers"
cp "$root"/mappings/payers/*.yaml "$here"/payers/*.yaml "$work/mappings/payers/"
[ -d "$root/mappings/dms" ] && cp -r "$root/mappings/dms" "$work/mappings/"

export ConnectionStrings__Hub="$db" Hub__MappingsPath="$work/mappings" Hub__Variables__SIMULATOR_URL="$sim_url"
export DEMO_X12_USER=load-user DEMO_X12_PASSWORD=load-password DOTNET_gcServer="${DOTNET_gcServer:-1}"

# The simulator and the load generator stand in for machines elsewhere: their idle thread-pool workers must not spin
# for work on the cores the hub and PostgreSQL need (with spinning on, the two were preempted ~55,000 times a second
# and cost 0.86 ms of CPU per request instead of 0.6, as the hub's own runtime config already has it), and they run at
# a lower priority (HARNESS_NICE, 10 by default; 0 shares the cores evenly), so a core the hub needs goes to the hub.
# Both phases run so, the payer-only one too.
harness_env=(DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0)
harness_nice="${HARNESS_NICE:-10}"

echo "== payer simulator on $sim_url (answers held ${DELAY_MS:-200} ms)"
nice -n "$harness_nice" env "${harness_env[@]}" \
  dotnet "$root/src/DentalClaimsHub.PayerSimulator/bin/Release/net10.0/DentalClaimsHub.PayerSimulator.dll" \
  --urls "$sim_url" --delay-ms "${DELAY_MS:-200}" >"$work/simulator.log" 2>&1 &
pids+=($!)
export DCH_LOAD_SIMULATOR_PID=$!
wait_for "$sim_url/__health"

instances="${INSTANCES:-1}"
transport=()
if [ "$instances" -gt 1 ]; then
  echo "== RabbitMQ (virtual host dch-load)"
  amqp="$("$root/hub" broker | tail -n 1)"
  amqp="${amqp%/}"
  mgmt="http://127.0.0.1:$(( ${amqp##*:} + 2 ))"
  curl -fsS -u dch:dch -X DELETE "$mgmt/api/vhosts/dch-load" >/dev/null 2>&1 || true
  curl -fsS -u dch:dch -X PUT -H 'content-type: application/json' -d '{}' "$mgmt/api/vhosts/dch-load" >/dev/null
  curl -fsS -u dch:dch -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
    "$mgmt/api/permissions/dch-load/dch" >/dev/null
  transport=(Messaging__Transport=RabbitMq "Messaging__RabbitMq__Url=$amqp/dch-load")
fi

# Production needs a key-ring master key; the instances share one (they share the key ring).
keyring_master_key=$(head -c 32 /dev/urandom | base64)
api_urls=()
hub_pids=()
base_port="${api_url##*:}"
for ((i = 0; i < instances; i++)); do
  url="http://127.0.0.1:$((base_port + i))"
  echo "== hub on $url"
  # Inbound files log how long parsing, applying and saving took (the remittance scenario prints those lines at the end).
  env ASPNETCORE_ENVIRONMENT=Production DCH_KEYRING_MASTER_KEY="$keyring_master_key" Serilog__MinimumLevel__Default=Warning \
    "Serilog__MinimumLevel__Override__DentalClaimsHub.Api.Inbound=Information" \
    "Serilog__MinimumLevel__Override__DentalClaimsHub.Api.Rosters=${ROSTER_LOG_LEVEL:-Debug}" \
    "Serilog__MinimumLevel__Override__DentalClaimsHub.Api.Remittances.RemittancePoster=Debug" \
    "Serilog__MinimumLevel__Override__DentalClaimsHub.Storage.HubDbContext=Debug" "${transport[@]}" ${HUB_ENV:-} \
    bash "$root/src/DentalClaimsHub.Api/bin/Release/net10.0/dch-hub" --urls "$url" \
    --contentRoot "$root/src/DentalClaimsHub.Api/bin/Release/net10.0" >"$work/api-$i.log" 2>&1 &
  pids+=($!)
  hub_pids+=($!)
  # One at a time: the first applies the migrations.
  wait_for "$url/health/ready" || { tail -n 40 "$work/api-$i.log"; exit 1; }
  api_urls+=("$url")
done
api_list=$(IFS=,; echo "${api_urls[*]}")
# The load program reads these processes' CPU time (and PostgreSQL's) around the measured phase.
DCH_LOAD_HUB_PIDS=$(IFS=,; echo "${hub_pids[*]}")
export DCH_LOAD_HUB_PIDS

echo "== load"
cd "$root"
status=0
nice -n "$harness_nice" env "${harness_env[@]}" \
  dotnet "$here/bin/Release/net10.0/DentalClaimsHub.Load.dll" --api "$api_list" --rate "${RATE:-500}" \
  --seconds "${SECONDS_PER_PHASE:-20}" --warmup "${WARMUP:-45}" --patients "${PATIENTS:-200}" \
  --sample "$root/samples/x12/270-dental-inquiry.x12" --scenario "${SCENARIO:-eligibility}" --simulator "$sim_url" --count "${COUNT:-10000}" || status=$?
grep -h "Inbound 835\|835 posting\|Save of\|Roster import\|Roster stage\|Roster apply\|Roster first" "$work"/api-*.log | sed 's/^/hub: /' || true
# Errors the hub logged (a 500's cause), so a failed run explains itself before its logs are removed; not the first
# start's probe of a migrations table that does not exist yet (EF logs it as an error, then creates it).
cat "$work"/api-*.log | awk '/ ERR\]| FTL\]/ { if (n > 0 && block !~ /__ef_migrations_history/) print block; block = $0; n = 3; next }
  n > 0 { block = block "\n" $0; if (--n == 0 && block !~ /__ef_migrations_history/) print block }
  END { if (n > 0 && block !~ /__ef_migrations_history/) print block }' | head -n 40 | sed 's/^/hub log: /' || true
for pid in "${hub_pids[@]}"; do
  grep -h "VmHWM" "/proc/$pid/status" 2>/dev/null | sed 's/^/hub peak resident memory /' || true
done
exit $status
