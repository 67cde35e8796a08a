#!/usr/bin/env bash
# Benchmarks 3am side by side with a bare-Javalin HTTP floor and Debian's prometheus-alertmanager, and writes
# docs/PERFORMANCE.md and docs/performance.svg. One command, from anywhere: bench/run.sh
# Takes about 20 minutes on 2 cores. Settings are environment variables; see bench/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command_line="bench/run.sh"
for name in BENCH_PARTS BENCH_WARMUP_SECONDS BENCH_SECONDS BENCH_CONNECTIONS BENCH_WRK_THREADS BENCH_CURVE_SECONDS \
            BENCH_CURVE_OTHER_SECONDS BENCH_CARD_INCIDENTS BENCH_CARD_RATE BENCH_STORM_ALERTS BENCH_STORM_BATCH BENCH_CORPUS \
            BENCH_PROFILE BENCH_PG_HOST BENCH_PG_PORT BENCH_PG_USER BOT_JAVA_OPTS; do
  if [[ -n "${!name+x}" ]]; then command_line="$name='${!name}' $command_line"; fi
done

echo "== building target/threeam.jar"
mvn -B -q -o package -DskipTests >/dev/null 2>&1 || mvn -B -q package -DskipTests   # offline first, when the cache has it all

# Debian packages the bench drives: Alertmanager (a reference to compare with) and wrk (the peak-rate generator).
install() { # install PACKAGE COMMAND WHAT-IS-SKIPPED
  if command -v "$2" >/dev/null 2>&1; then return; fi
  echo "== installing $1 (Debian)"
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -q "$1" >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$1" >/dev/null 2>&1; } \
      || echo "   cannot install $1; $3 skipped"
  else
    echo "   not root or no apt-get; $3 skipped (install $1 to include it)"
  fi
}
install prometheus-alertmanager prometheus-alertmanager "the Alertmanager runs are"
install wrk wrk "peak ingestion, webhooks of 100 and the latency curve are"

echo "== compiling bench/src"
classes="target/bench-classes"
rm -rf "$classes" target/bench
mkdir -p "$classes"
javac -nowarn -d "$classes" -cp target/threeam.jar $(find bench/src -name '*.java')

echo "== running (about 20 minutes with every part; logs of every process in target/bench/)"
java -cp "$classes:target/threeam.jar" dev.threeam.bench.Bench \
  target/threeam.jar "$classes" target/bench docs/PERFORMANCE.md "$command_line"
