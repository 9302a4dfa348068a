#!/usr/bin/env bash
# X12 engine benchmark: generates a 10,000-claim 837D and a 10,000-payment 835, measures tokenize / read / SNIP 1
# validate / schema loop parse / parse + SNIP 1-3 validate / write (MB/s and allocations), runs the BenchmarkDotNet suite, parses the same files with the npm package
# node-x12@1.7.1 (installed in a temporary folder, never in the repo), prints the ratio, and measures peak RSS while
# streaming a ~1 GB file.
# The throughput runs twice: with .NET's default (concurrent) workstation GC, and with concurrent GC off
# (DOTNET_gcConcurrent=0, the documented "batch" setting for throughput work such as the dch CLI). A parse keeps its
# whole loop tree alive; the default GC promotes (copies) what survives, which is why the tree keeps its segments and
# children in large reference-free arrays and creates segment objects only when they are asked for.
#   BIG_MB=1024 (size of the large file, 0 to skip)   SKIP_BDN=1 (skip BenchmarkDotNet)   DCH_BENCH_DIR=... (data folder)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
big_mb="${BIG_MB:-1024}"
data="${DCH_BENCH_DIR:-$(mktemp -d -t dch-bench-data-XXXXXX)}"
node_dir="$(mktemp -d -t dch-node-x12-XXXXXX)"
trap 'rm -rf "$node_dir"; [ -z "${DCH_BENCH_DIR:-}" ] && rm -rf "$data"' EXIT

echo "== build (Release)"
dotnet build -c Release -v q --nologo "$here/DentalClaimsHub.Benchmarks.csproj" >/dev/null
bench="dotnet $here/bin/Release/net10.0/DentalClaimsHub.Benchmarks.dll"

echo "== generate into $data"
$bench generate "$data" "$big_mb"
files=("$data/837D-10000-claims.x12" "$data/835-10000-payments.x12")

echo "== dch throughput (best of 7 runs after warm-up): RESULT file operation wall-MB/s bytes-allocated-per-run cpu-MB/s"
$bench measure "${files[@]}" | tee "$data/dch.txt"
echo "== dch throughput with concurrent GC off (DOTNET_gcConcurrent=0)"
DOTNET_gcConcurrent=0 $bench measure "${files[@]}" | tee "$data/dch-batch.txt"

if [ "${SKIP_BDN:-0}" != "1" ]; then
  echo "== BenchmarkDotNet (ShortRun, in-process, MemoryDiagnoser)"
  (cd "$data" && DCH_BENCH_DIR="$data" $bench bdn --filter '*' --artifacts "$data/bdn" 2>&1 \
    | sed -n '/^| *Method/,/^$/p')
fi

echo "== node-x12@1.7.1 (installed in $node_dir)"
(cd "$node_dir" && npm install --silent --no-audit --no-fund --no-save node-x12@1.7.1 >/dev/null 2>&1)
cat > "$node_dir/parse.js" <<'JS'
// Parses each file with node-x12 (strict), best of 3 runs after a warm-up; prints "NODE file wall-MB/s cpu-MB/s".
const { X12Parser } = require('node-x12');
const fs = require('fs');
const path = require('path');
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const mb = fs.statSync(file).size / 1048576;
  let best = Infinity;
  let bestCpu = Infinity;
  for (let run = 0; run < 4; run++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const interchange = new X12Parser(true).parse(text);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    if (!interchange.functionalGroups.length) throw new Error('node-x12 read no group from ' + file);
    if (run > 0) {
      best = Math.min(best, seconds);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
    }
  }
  console.log(`NODE ${path.basename(file)} ${(mb / best).toFixed(1)} ${(mb / bestCpu).toFixed(1)}`);
}
JS
(cd "$node_dir" && node parse.js "${files[@]}") | tee "$data/node.txt"

table() {
  local results="$1"
  printf '%-24s %16s %16s %16s %16s %16s %16s %16s %12s %12s %12s\n' file tokenize read snip1 loop-parse parse+snip1-3 write node-x12 \
    "read/node" "parse/node" "p+val/node"
  for f in "${files[@]}"; do
    name="$(basename "$f")"
    get() { awk -v f="$name" -v op="$1" '$1=="RESULT" && $2==f && $3==op {printf "%s [%s]", $4, $6}' "$results"; }
    col() { awk -v f="$name" -v op="$1" -v c="$2" '$1=="RESULT" && $2==f && $3==op {print $c}' "$results"; }
    node_wall="$(awk -v f="$name" '$1=="NODE" && $2==f {print $3}' "$data/node.txt")"
    node_cpu="$(awk -v f="$name" '$1=="NODE" && $2==f {print $4}' "$data/node.txt")"
    ratio() { awk -v a="$(col "$1" 4)" -v b="$node_wall" -v c="$(col "$1" 6)" -v d="$node_cpu" \
      'BEGIN { printf "%.1fx [%.1fx]", a / b, c / d }'; }
    printf '%-24s %16s %16s %16s %16s %16s %16s %16s %12s %12s %12s\n' "$name" "$(get tokenize)" "$(get read)" "$(get validate)" \
      "$(get parse)" "$(get parse+validate)" "$(get write)" "$node_wall [$node_cpu]" "$(ratio read)" "$(ratio parse)" \
      "$(ratio parse+validate)"
  done
  echo "allocated bytes per input byte:"
  for f in "${files[@]}"; do
    name="$(basename "$f")"
    size="$(stat -c %s "$f")"
    awk -v f="$name" -v s="$size" '$1=="RESULT" && $2==f {printf "  %s %s %.1f", ($3=="tokenize" ? f : ""), $3, $5 / s} END {print ""}' "$results"
  done
}

echo "== side by side (MB/s; wall clock, and per CPU-second in brackets: the machine may be shared)"
echo "-- default GC (concurrent workstation)"
table "$data/dch.txt"
echo "-- concurrent GC off (DOTNET_gcConcurrent=0)"
table "$data/dch-batch.txt"

if [ "$big_mb" != "0" ]; then
  echo "== peak memory streaming $(du -h "$data/837D-big.x12" | cut -f1) through SNIP 1 validation"
  /usr/bin/time -v $bench stream "$data/837D-big.x12" 2> "$data/time.txt"
  grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$data/time.txt"
fi
