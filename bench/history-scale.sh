#!/usr/bin/env bash
# bench/history-scale.sh — the history-scale benchmark of issue 13.
#
# Question answered: does every periodic step cost what the new data costs, not what all
# the data ever stored costs? For each store (services x days of 1 message/s) it
# synthesizes the history straight into the storage layout on an HDFS dev cluster of its
# own, then runs batch, speed and query of the code BEFORE segments (commit 0cdc150, built
# in a git worktree) and of this checkout on that same store, one after the other, and
# measures a batch run absorbing one new minute, the query service's switch to that
# version, a speed run, the namenode's file count and API p50/p95 for 1 h and 30 d
# (org.healthmon.batch.bench.HistoryScaleBenchmark; HistoryScaleReport appends the section
# to BENCHMARKS.md). Target: after, every per-run figure at 365 days <= 1.5 x at 1 day.
#
# Usage: [BENCHMARKS_MD=path] [HISTORY_SCALE_PHASES=before,after] [HISTORY_SCALE_BEFORE=dir] \
#          bench/history-scale.sh [stores]
#   stores: comma-separated services x days (default 100x1,100x30,100x365,1000x30)
#   HISTORY_SCALE_PHASES: which code bases run (default both; "after" alone skips the old one)
#   HISTORY_SCALE_BEFORE: a checkout of the old commit with its jars built (default: made here)
# Needs: this checkout built (./mvnw -B install -DskipTests) and the batch-service test
# classes (./mvnw -B -pl batch-service test-compile); about 8 GB of free disk for 100x365.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STORES="${1:-100x1,100x30,100x365,1000x30}"
REPORT="${BENCHMARKS_MD:-$ROOT/BENCHMARKS.md}"
BEFORE_COMMIT=0cdc150
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MODULE="$ROOT/batch-service"
[[ -d "$MODULE/target/test-classes/org/healthmon/batch/bench" ]] || {
  echo "build first: ./mvnw -B install -DskipTests && ./mvnw -B -pl batch-service test-compile" >&2; exit 1; }

WORK="$(mktemp -d -t history-scale.XXXXXX)"
BEFORE="${HISTORY_SCALE_BEFORE:-$WORK/before}"   # a checkout of $BEFORE_COMMIT with its jars built
CP_FILE="$WORK/classpath"
trap 'rm -rf "$WORK/store"; [[ -n "${HISTORY_SCALE_BEFORE:-}" ]] || git -C "$ROOT" worktree remove --force "$WORK/before" 2>/dev/null || true' EXIT

if [[ ! -f "$BEFORE/batch-service/target/batch-service-0.1.0-SNAPSHOT.jar" ]]; then
  echo "==> building the code before segments ($BEFORE_COMMIT) in $BEFORE"
  git -C "$ROOT" worktree add --detach "$BEFORE" "$BEFORE_COMMIT" >/dev/null
  (cd "$BEFORE" && ./mvnw -B -q -o package -DskipTests -Dspring-javaformat.skip=true)
fi
(cd "$ROOT" && ./mvnw -B -q -o -pl batch-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >/dev/null)

MEM="$(free -g | awk '/^Mem:/ {print $2 " GiB RAM, " $7 " GiB available"}')"
JV="$("$JAVA" -version 2>&1 | head -1)"
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $MEM, $JV, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
RESULTS="$WORK/results.tsv"
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$CP_FILE")"

for store in ${STORES//,/ }; do
  services="${store%x*}"; days="${store#*x}"
  echo "==> store $store (logs in $WORK/store/log)"
  rm -rf "$WORK/store"
  status=0
  "$JAVA" -Xmx4g -cp "$CP" org.healthmon.batch.bench.HistoryScaleBenchmark \
    "$services" "$days" "$BEFORE" "$ROOT" "$WORK/store" "$RESULTS" "${HISTORY_SCALE_PHASES:-before,after}" || status=$?
  cp -r "$WORK/store/log" "$WORK/log-$store" 2>/dev/null || true
  ((status == 0)) || { echo "store $store failed (exit $status); its logs: $WORK/log-$store" >&2
    printf '%s\t%s\t%s\t%s\n' "$store" run failed "exit $status, logs in $WORK/log-$store" >>"$RESULTS"; }
done
"$JAVA" -cp "$CP" org.healthmon.batch.bench.HistoryScaleReport "$RESULTS" "$REPORT" "$MACHINE" \
  "bench/history-scale.sh $STORES"
echo "==> results: $RESULTS and the apps' logs $WORK/log-* (kept), section appended to $REPORT"
