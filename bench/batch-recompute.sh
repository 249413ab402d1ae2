#!/usr/bin/env bash
# bench/batch-recompute.sh — the batch recompute benchmark of issue 3.
#
# Question answered: how long does a full recompute of the batch view over 10 million raw
# rows (100 services) take with the MapReduce local job runner, and how long does DuckDB
# take to aggregate the same CSV files to the same rows, in the same run? Target: job <= 5x
# DuckDB. Both results are compared row by row (every column).
#
# One run (org.healthmon.batch.bench.RecomputeBenchmark, in batch-service's test classes):
#   1. writes the raw CSV files on the local file system (a fresh temp dir);
#   2. per round: a full recompute (BatchRunner, local job runner, 2 map slots), then DuckDB
#      (read_csv + GROUP BY) in-process, then EXCEPT both ways between the two results;
#   3. appends a section "Batch recompute (issue 3)" to BENCHMARKS.md (machine, data,
#      per-round times, ratio, row check) and removes the temp dir.
#
# Usage: [BENCHMARKS_MD=path] bench/batch-recompute.sh [rows] [services] [files] [rounds]
#        (defaults 10000000 100 100 2; needs the test classes built, e.g. in a private copy:
#        mvn -B -o -pl batch-service -am test-compile)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-10000000}"
SERVICES="${2:-100}"
FILES="${3:-100}"
ROUNDS="${4:-2}"
REPORT="${BENCHMARKS_MD:-$ROOT/BENCHMARKS.md}"   # where the section is appended
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE="$ROOT/batch-service"
[[ -d "$MODULE/target/test-classes/org/healthmon/batch/bench" ]] || {
  echo "build first: mvn -B -o -pl batch-service -am test-compile" >&2; exit 1; }

CP_FILE="$(mktemp)"
WORK="$(mktemp -d -t batch-recompute.XXXXXX)"
trap 'rm -rf "$WORK" "$CP_FILE"' EXIT
(cd "$ROOT" && mvn -B -q -o -pl batch-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >/dev/null)

MEM="$(free -g | awk '/^Mem:/ {print $2 " GiB RAM, " $7 " GiB available"}')"
JV="$("$JAVA" -version 2>&1 | head -1)"
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $MEM, $JV, load average at start $(cut -d' ' -f1-3 /proc/loadavg) (the 2 cores are shared)"

"$JAVA" -Xmx3g -XX:+UseParallelGC \
  -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$CP_FILE")" \
  org.healthmon.batch.bench.RecomputeBenchmark "$ROWS" "$SERVICES" "$FILES" "$WORK" "$REPORT" "$MACHINE" "$ROUNDS"
