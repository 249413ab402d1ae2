#!/usr/bin/env bash
# bench/ingest-throughput.sh — the ingest throughput benchmark of issue 2.
#
# Question answered: what is the highest offered rate at which ingest persists EVERY
# message to a 4-datanode HDFS for the whole step (60 s for the acceptance), and what is
# the same number for a bare DatagramChannel receive-and-discard loop (bench/src/
# BareUdpSink.java) measured in the same run, with the same emitter and the same criteria?
# Target (issue 2): ingest >= 100,000 msg/s and >= 0.5 x the bare loop.
#
# One run does, each as its own process, like production:
#   1. starts the dev HDFS (dev-cluster jar: 1 namenode + 4 datanodes) in a fresh temp
#      dir, then the ingest service (ingest-service jar) pointing at it;
#   2. for each offered rate (a ladder, ascending; optional bisection between the last
#      passing and the first failing rate) runs the emitter (health-emitter jar, simulate
#      mode, --services services, rate-per-service = rate/services, --duration), waits
#      until ingest has published everything (accepted = lines published, store buffer 0,
#      received stable), counts the lines in HDFS with FsShell (-cat | wc -l), then
#      deletes the raw dir so that every step counts only its own lines;
#   3. stops ingest and HDFS, starts BareUdpSink on the same UDP port with the same
#      SO_RCVBUF, and runs the same ladder;
#   4. prints a table and appends a Markdown section "Ingest throughput (issue 2)" to
#      BENCHMARKS.md (machine, command, per-step table, highest passing rates, ratio,
#      CPU s per million messages);
#   5. stops everything it started (trap on EXIT): nothing is left running.
#
# Per step it records: messages sent and send errors (emitter summary); the kernel's
# Udp RcvbufErrors delta (/proc/net/snmp, system wide) and this socket's own drop counter
# (/proc/net/udp{,6} "drops"); ingest's received / accepted / rejected / duplicates /
# failed counters and store counters (/actuator/prometheus, healthmon_ingest_*); lines
# in HDFS; CPU seconds (utime+stime from /proc/<pid>/stat) of the receiver (ingest or the
# bare loop), of the HDFS process, of the emitter, and of the whole machine (/proc/stat,
# which shows what other users of the 2 cores did meanwhile), and the load average.
#
# Verdict per step:
#   PASS   RcvbufErrors delta 0, socket drops 0, send errors 0, app drops 0
#          (received = accepted, nothing rejected/failed/duplicate, nothing spooled) and
#          sent = accepted = lines in HDFS (bare loop: sent = received).
#   PASS*  everything above except that the system-wide RcvbufErrors moved while this
#          socket's own drop counter stayed 0 and every message was counted: another
#          process on the machine dropped datagrams. Counted as a pass unless --strict.
#   SHORT  nothing was lost, but the emitter sent less than 99 % of the offered rate: the
#          rate was not tried (on 2 cores the emitter tops out near 190,000 msg/s); such
#          steps count neither as passes nor as failures.
#   FAIL   anything else.
# "Highest passing rate" = the highest rate that passed with every lower rate tried
# passing too (the ladder stops at the first failure unless --keep-going).
#
# Usage: bench/ingest-throughput.sh [options]     (from anywhere; needs the jars built:
#        mvn -B -q -o install -DskipTests, in a private copy of the repo)
#   --rates LIST          offered rates, msg/s, comma-separated, ascending
#                         (default 50000,75000,100000,125000,150000)
#   --bare-rates LIST     rates for the bare loop (default: same as --rates)
#   --duration SEC        seconds per step (default 60; the acceptance needs 60)
#   --services N          simulated services (default 100); rate-per-service = rate/N
#   --invalid-fraction F  share of the offered datagrams that are bad on purpose (0..1,
#                         default 0): the emitter's fixed mix of fuzz kinds (health-model
#                         BadDatagrams, each rejected for a known reason). A step then passes
#                         when every valid message is stored (sent - invalid = accepted =
#                         lines in HDFS) and every bad one is rejected (rejected = invalid),
#                         nothing lost on the way (issue 15)
#   --bisect RES          after the ladder, bisect between the last pass and the first
#                         fail until they are RES msg/s apart (default 0 = off)
#   --keep-going          do not stop a ladder at its first failure
#   --strict              count PASS* as a failure
#   --only ingest|bare    run one side only (the ratio is then not reported)
#   --udp-port N          UDP port of ingest and of the bare loop (default 13500)
#   --http-port N         ingest HTTP/actuator port (default 18081)
#   --nn-port N           namenode RPC port (default 18020); web UI --nn-http-port (19870)
#   --dn-base-port N      first datanode port (default 19900; uses N..N+33)
#   --work DIR            work dir for HDFS data, spool, logs (default: a fresh mktemp -d
#                         under /tmp; kept afterwards for the logs)
#   --jars DIR            repo root holding */target/*.jar (default: this script's repo)
#   --report FILE         Markdown file to append to (default <repo>/BENCHMARKS.md;
#                         "-" = do not write)
#   --ingest-jvm-opts S   JVM options for ingest (default "-Xms1g -Xmx1g -XX:+UseParallelGC
#                         -Xmn96m": short young collections; G1's ~30 ms pauses overflow a 4 MiB
#                         socket buffer at 100k msg/s)
#   --warmup SEC          before each ladder, send at its first rate for SEC s, not measured,
#                         so that JIT compilation is not counted against either receiver
#                         (default 20; 0 = off)
#   --ingest-args S       extra ingest arguments, e.g.
#                         "--healthmon.ingest.udp.receive-threads=1"
#   --emitter-jvm-opts S  JVM options for the emitter (default "")
#   --sink-jvm-opts S     JVM options for the bare loop (default "")
#   --jfr SEC             record a JFR profile (settings=profile) of ingest for SEC s,
#                         starting 10 s into every ingest step, into
#                         <work>/ingest-<rate>.jfr (default 0 = off)
#   --note TEXT           free text added to the report (e.g. what else ran)
#   -h, --help            this text
#
# Example (the acceptance run, ~12 min):
#   bench/ingest-throughput.sh --rates 100000,125000,150000,175000,200000 \
#       --bare-rates 150000,175000,200000,225000 --duration 60 --keep-going
# Quick look (~5 min):
#   bench/ingest-throughput.sh --rates 50000,100000,150000,200000 --duration 15 --report -
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
ORIG_CMD="bench/ingest-throughput.sh$(printf ' %q' "$@")"

RATES="50000,75000,100000,125000,150000"
BARE_RATES=""
DURATION=60
SERVICES=100
INVALID_FRACTION=0
BISECT=0
KEEP_GOING=0
STRICT=0
ONLY=""
UDP_PORT=13500
HTTP_PORT=18081
NN_PORT=18020
NN_HTTP_PORT=19870
DN_BASE_PORT=19900
WORK=""
JARS=""
REPORT=""
INGEST_JVM_OPTS="-Xms1g -Xmx1g -XX:+UseParallelGC -Xmn96m"
WARMUP=20
INGEST_ARGS=""
EMITTER_JVM_OPTS=""
SINK_JVM_OPTS=""
JFR_SEC=0
NOTE=""

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
	case "$1" in
		--rates) RATES=$2; shift 2 ;;
		--bare-rates) BARE_RATES=$2; shift 2 ;;
		--duration) DURATION=$2; shift 2 ;;
		--warmup) WARMUP=$2; shift 2 ;;
		--services) SERVICES=$2; shift 2 ;;
		--invalid-fraction) INVALID_FRACTION=$2; shift 2 ;;
		--bisect) BISECT=$2; shift 2 ;;
		--keep-going) KEEP_GOING=1; shift ;;
		--strict) STRICT=1; shift ;;
		--only) ONLY=$2; shift 2 ;;
		--udp-port) UDP_PORT=$2; shift 2 ;;
		--http-port) HTTP_PORT=$2; shift 2 ;;
		--nn-port) NN_PORT=$2; shift 2 ;;
		--nn-http-port) NN_HTTP_PORT=$2; shift 2 ;;
		--dn-base-port) DN_BASE_PORT=$2; shift 2 ;;
		--work) WORK=$2; shift 2 ;;
		--jars) JARS=$2; shift 2 ;;
		--report) REPORT=$2; shift 2 ;;
		--ingest-jvm-opts) INGEST_JVM_OPTS=$2; shift 2 ;;
		--ingest-args) INGEST_ARGS=$2; shift 2 ;;
		--emitter-jvm-opts) EMITTER_JVM_OPTS=$2; shift 2 ;;
		--sink-jvm-opts) SINK_JVM_OPTS=$2; shift 2 ;;
		--jfr) JFR_SEC=$2; shift 2 ;;
		--note) NOTE=$2; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
	esac
done
[[ -z "$BARE_RATES" ]] && BARE_RATES=$RATES
[[ -z "$JARS" ]] && JARS=$ROOT
[[ -z "$REPORT" ]] && REPORT=$ROOT/BENCHMARKS.md
case "$ONLY" in ""|ingest|bare) ;; *) echo "--only: ingest or bare" >&2; exit 2 ;; esac

DEV_JAR=$JARS/dev-cluster/target/dev-cluster-0.1.0-SNAPSHOT.jar
INGEST_JAR=$JARS/ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar
EMITTER_JAR=$JARS/health-emitter/target/health-emitter-0.1.0-SNAPSHOT.jar
SINK_SRC=$SCRIPT_DIR/src/BareUdpSink.java
for f in "$DEV_JAR" "$INGEST_JAR" "$EMITTER_JAR" "$SINK_SRC"; do
	[[ -f "$f" ]] || { echo "missing $f (build the jars first: mvn -B -q -o install -DskipTests)" >&2; exit 2; }
done
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$JAVA" -version 2>&1 | grep -q 'version "17' || { echo "need Java 17 (set JAVA_HOME)" >&2; exit 2; }
command -v curl >/dev/null || { echo "need curl" >&2; exit 2; }

[[ -z "$WORK" ]] && WORK=$(mktemp -d /tmp/ingest-bench.XXXXXX)
mkdir -p "$WORK/log"
RESULTS=$WORK/results.tsv
: >"$RESULTS"
TICK=$(getconf CLK_TCK)

HDFS_PID="" INGEST_PID="" SINK_PID="" EMITTER_PID=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

alive() { [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; }

stop_pid() { # pid name timeout-s
	local pid=$1 name=$2 t=${3:-40} i
	alive "$pid" || return 0
	log "stopping $name (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < t * 5; i++)); do alive "$pid" || return 0; sleep 0.2; done
	log "$name did not stop in ${t}s: SIGKILL"
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

cleanup() {
	local rc=$?
	stop_pid "$EMITTER_PID" emitter 10
	stop_pid "$SINK_PID" bare-loop 10
	stop_pid "$INGEST_PID" ingest 60
	stop_pid "$HDFS_PID" dev-cluster 60
	log "work dir (logs, results.tsv): $WORK"
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- measurements ---------------------------------------------------------------------

cpu_ticks() { # utime+stime of a pid, in ticks; 0 when gone
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
	# fields after the ")" of comm: state is 3rd overall; utime 14th, stime 15th
	awk '{ sub(/^.*\) /, ""); print $12 + $13 }' <<<"$stat"
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; } # busy, all CPUs
rcvbuf_errors() { awk '/^Udp:/ { if (seen) { for (i = 1; i <= NF; i++) if (h[i] == "RcvbufErrors") print $i; exit } seen = 1; for (i = 1; i <= NF; i++) h[i] = $i }' /proc/net/snmp; }
socket_drops() { # drops of the sockets bound to UDP_PORT (v4 and v6)
	local hex
	hex=$(printf '%04X' "$UDP_PORT")
	cat /proc/net/udp /proc/net/udp6 2>/dev/null | awk -v p=":$hex" '$2 ~ p"$" { s += $NF } END { print s + 0 }'
}
prom() { curl -sf --max-time 10 "http://localhost:$HTTP_PORT/actuator/prometheus" || true; }
metric() { # text name [label-regex] -> sum of matching samples
	awk -v n="$2" -v f="${3:-}" '
		$0 !~ /^#/ { name = $1; sub(/\{.*/, "", name); if (name == n && (f == "" || $1 ~ f)) s += $NF }
		END { printf "%.0f\n", s }' <<<"$1"
}
fsshell() { "$JAVA" -Xmx512m -cp "$DEV_JAR" -Dloader.main=org.apache.hadoop.fs.FsShell \
	org.springframework.boot.loader.launch.PropertiesLauncher -fs "hdfs://localhost:$NN_PORT" "$@"; }

# ---- processes ------------------------------------------------------------------------

start_hdfs() {
	log "starting dev HDFS (4 datanodes) in $WORK/hdfs, hdfs://localhost:$NN_PORT"
	"$JAVA" -jar "$DEV_JAR" --healthmon.devcluster.base-dir="$WORK/hdfs" \
		--healthmon.devcluster.name-node-port="$NN_PORT" --healthmon.devcluster.name-node-http-port="$NN_HTTP_PORT" \
		--healthmon.devcluster.data-node-base-port="$DN_BASE_PORT" --healthmon.devcluster.data-nodes=4 \
		>"$WORK/log/dev-cluster.log" 2>&1 &
	HDFS_PID=$!
	local i
	for ((i = 0; i < 240; i++)); do
		[[ -f "$WORK/hdfs/READY" ]] && { log "HDFS ready ($(grep -c . "$WORK/hdfs/READY") lines in READY), pid $HDFS_PID"; return; }
		alive "$HDFS_PID" || { tail -30 "$WORK/log/dev-cluster.log" >&2; echo "dev-cluster died" >&2; exit 1; }
		sleep 0.5
	done
	tail -30 "$WORK/log/dev-cluster.log" >&2
	echo "dev-cluster not ready after 120 s" >&2
	exit 1
}

start_ingest() {
	log "starting ingest: UDP $UDP_PORT, HTTP $HTTP_PORT, JVM opts '$INGEST_JVM_OPTS', args '$INGEST_ARGS'"
	# shellcheck disable=SC2086
	"$JAVA" $INGEST_JVM_OPTS -jar "$INGEST_JAR" --server.port="$HTTP_PORT" \
		--healthmon.ingest.udp.port="$UDP_PORT" --healthmon.ingest.hdfs.uri="hdfs://localhost:$NN_PORT" \
		--healthmon.ingest.spool.dir="$WORK/spool" $INGEST_ARGS \
		>"$WORK/log/ingest.log" 2>&1 &
	INGEST_PID=$!
	local i
	for ((i = 0; i < 240; i++)); do
		if curl -sf --max-time 5 "http://localhost:$HTTP_PORT/actuator/health/readiness" | grep -q '"UP"'; then
			log "ingest ready, pid $INGEST_PID"
			return
		fi
		alive "$INGEST_PID" || { tail -40 "$WORK/log/ingest.log" >&2; echo "ingest died" >&2; exit 1; }
		sleep 0.5
	done
	tail -40 "$WORK/log/ingest.log" >&2
	echo "ingest not ready after 120 s" >&2
	exit 1
}

start_sink() {
	log "starting bare DatagramChannel loop on UDP $UDP_PORT (SO_RCVBUF 4 MiB)"
	# shellcheck disable=SC2086
	"$JAVA" $SINK_JVM_OPTS "$SINK_SRC" --port "$UDP_PORT" --rcvbuf 4194304 --count-file "$WORK/sink.count" \
		--interval-ms 100 </dev/null >"$WORK/log/bare-sink.log" 2>&1 &
	SINK_PID=$!
	local i
	for ((i = 0; i < 120; i++)); do
		[[ -f "$WORK/sink.count" ]] && { log "bare loop ready, pid $SINK_PID: $(head -1 "$WORK/log/bare-sink.log")"; return; }
		alive "$SINK_PID" || { cat "$WORK/log/bare-sink.log" >&2; echo "bare loop died" >&2; exit 1; }
		sleep 0.5
	done
	echo "bare loop not ready" >&2
	exit 1
}

run_emitter() { # rate -> sets SENT INVALID SEND_ERRORS EMITTER_CPU
	local rate=$1 rps log=$WORK/log/emitter-$2-$1.log
	rps=$(awk -v r="$rate" -v s="$SERVICES" 'BEGIN { printf "%.6g", r / s }')
	# shellcheck disable=SC2086
	/usr/bin/time -f '%U %S' -o "$WORK/emitter.time" "$JAVA" $EMITTER_JVM_OPTS -jar "$EMITTER_JAR" \
		--healthmon.emitter.mode=simulate --healthmon.emitter.services="$SERVICES" \
		--healthmon.emitter.rate-per-service="$rps" --healthmon.emitter.duration="${DURATION}s" \
		--healthmon.emitter.target.host=127.0.0.1 --healthmon.emitter.target.port="$UDP_PORT" \
		--healthmon.emitter.target.send-buffer=4MB --healthmon.emitter.progress-interval=10s \
		--healthmon.emitter.invalid-fraction="$INVALID_FRACTION" >"$log" 2>&1 &
	EMITTER_PID=$!
	wait "$EMITTER_PID" || true
	EMITTER_PID=""
	local line
	line=$(grep -m1 'Emitter finished' "$log" || true)
	[[ -n "$line" ]] || { tail -20 "$log" >&2; echo "emitter printed no summary" >&2; exit 1; }
	SENT=$(sed -E 's/.*sent ([0-9]+) datagrams.*/\1/' <<<"$line")
	SEND_ERRORS=$(sed -E 's/.*send errors ([0-9]+).*/\1/' <<<"$line")
	INVALID=$(sed -E 's/.*invalid ([0-9]+).*/\1/' <<<"$line")
	SEND_AVG=$(sed -E 's/.*average ([0-9.]+) msg\/s.*/\1/' <<<"$line")
	EMITTER_CPU=$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/emitter.time" 2>/dev/null || echo NA)
}

# ---- one step -------------------------------------------------------------------------

RX_PID="" # the receiver of the current ladder

snapshot() { # prefix: sets ${p}_rcv ${p}_drops ${p}_rx ${p}_hdfs ${p}_mach
	local p=$1
	printf -v "${p}_rcv" %s "$(rcvbuf_errors)"
	printf -v "${p}_drops" %s "$(socket_drops)"
	printf -v "${p}_rx" %s "$(cpu_ticks "$RX_PID")"
	printf -v "${p}_hdfs" %s "$( [[ -n "$HDFS_PID" ]] && cpu_ticks "$HDFS_PID" || echo 0)"
	printf -v "${p}_mach" %s "$(machine_ticks)"
}

ingest_counters() { # -> "received accepted rejected duplicates failed published buffer spooled"
	local t
	t=$(prom)
	echo "$(metric "$t" healthmon_ingest_received_total) $(metric "$t" healthmon_ingest_accepted_total)" \
		"$(metric "$t" healthmon_ingest_rejected_total) $(metric "$t" healthmon_ingest_duplicates_total)" \
		"$(metric "$t" healthmon_ingest_failed_total)" \
		"$(metric "$t" healthmon_ingest_store_lines_published_total 'store="raw"')" \
		"$(metric "$t" healthmon_ingest_store_buffer_lines 'store="raw"')" \
		"$(metric "$t" healthmon_ingest_store_spooled_total 'store="raw"')"
}

wait_ingest_idle() { # until received is stable, accepted = published, buffer 0
	local i prev="" c
	for ((i = 0; i < 180; i++)); do
		c=$(ingest_counters)
		read -r r a _ _ _ pub buf _ <<<"$c"
		if [[ "$c" == "$prev" && "$a" == "$pub" && "$buf" == 0 ]]; then
			echo "$c"
			return
		fi
		prev=$c
		sleep 1
	done
	log "ingest not idle after 180 s: $c"
	echo "$c"
}

sink_count() { cut -d' ' -f1 "$WORK/sink.count"; }
wait_sink_idle() {
	local i prev="" c
	for ((i = 0; i < 60; i++)); do
		sleep 0.5
		c=$(sink_count)
		[[ "$c" == "$prev" ]] && { echo "$c"; return; }
		prev=$c
	done
	echo "$c"
}

hdfs_lines() { # lines in published raw files; then clear the raw dir for the next step
	local n
	# no raw dir at all (every datagram invalid) is 0 lines, not a failure
	n=$({ fsshell -cat '/healthmon/raw/*/*/[^_]*.csv' 2>>"$WORK/log/fsshell.log" || true; } | wc -l)
	fsshell -rm -r -f -skipTrash /healthmon/raw >>"$WORK/log/fsshell.log" 2>&1 || true
	echo "$n"
}

step() { # target rate -> appends a row to RESULTS, returns 0 on pass
	local target=$1 rate=$2 c0 c1 received accepted rejected dups failed published buffer spooled lines
	log "[$target] step: $rate msg/s offered for ${DURATION}s"
	if [[ $target == ingest ]]; then
		c0=$(ingest_counters)
	else
		c0="$(sink_count) 0 0 0 0 0 0 0"
	fi
	snapshot s0
	local load0 jfr_pid=""
	load0=$(cut -d' ' -f1 /proc/loadavg)
	if [[ $target == ingest && $JFR_SEC -gt 0 ]]; then
		(sleep 10; jcmd "$INGEST_PID" JFR.start name=bench duration="${JFR_SEC}s" \
			filename="$WORK/ingest-$rate.jfr" settings=profile >>"$WORK/log/jfr.log" 2>&1) &
		jfr_pid=$!
	fi
	run_emitter "$rate" "$target"
	[[ -n "$jfr_pid" ]] && wait "$jfr_pid" 2>/dev/null || true
	if [[ $target == ingest ]]; then
		c1=$(wait_ingest_idle)
	else
		c1="$(wait_sink_idle) 0 0 0 0 0 0 0"
	fi
	snapshot s1
	local load1
	load1=$(cut -d' ' -f1 /proc/loadavg)
	read -r r0 a0 j0 d0 f0 p0 _ sp0 <<<"$c0"
	read -r r1 a1 j1 d1 f1 p1 buffer sp1 <<<"$c1"
	received=$((r1 - r0)) accepted=$((a1 - a0)) rejected=$((j1 - j0)) dups=$((d1 - d0)) failed=$((f1 - f0))
	published=$((p1 - p0)) spooled=$((sp1 - sp0))
	if [[ $target == ingest ]]; then
		lines=$(hdfs_lines)
	else
		accepted=$received lines=NA published=NA
	fi
	local rcv=$((s1_rcv - s0_rcv)) drops=$((s1_drops - s0_drops))
	local rx_cpu hdfs_cpu mach_cpu
	rx_cpu=$(awk -v a="$s0_rx" -v b="$s1_rx" -v t="$TICK" 'BEGIN { printf "%.2f", (b - a) / t }')
	hdfs_cpu=$(awk -v a="$s0_hdfs" -v b="$s1_hdfs" -v t="$TICK" 'BEGIN { printf "%.2f", (b - a) / t }')
	mach_cpu=$(awk -v a="$s0_mach" -v b="$s1_mach" -v t="$TICK" 'BEGIN { printf "%.2f", (b - a) / t }')
	local per_m
	per_m=$(awk -v c="$rx_cpu" -v n="$received" 'BEGIN { if (n > 0) printf "%.2f", c / n * 1e6; else print "NA" }')
	local verdict=FAIL
	local app_ok=1 count_ok=0
	if [[ $target == ingest ]]; then
		[[ $received == $((accepted + rejected)) && $rejected == "$INVALID" && $dups == 0 && $failed == 0 &&
			$spooled == 0 ]] || app_ok=0
		[[ $((SENT - INVALID)) == "$accepted" && $accepted == "$lines" ]] && count_ok=1
	else
		[[ $SENT == "$received" ]] && count_ok=1
	fi
	if [[ $app_ok == 1 && $count_ok == 1 && $drops == 0 && $SEND_ERRORS == 0 ]]; then
		if [[ $rcv == 0 ]]; then verdict=PASS; else verdict='PASS*'; fi
		# the emitter could not offer the rate: nothing was lost, but the rate was not tried
		if awk -v a="$SEND_AVG" -v r="$rate" 'BEGIN { exit !(a < 0.99 * r) }'; then verdict=SHORT; fi
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		"$target" "$rate" "$SENT" "$SEND_AVG" "$SEND_ERRORS" "$rcv" "$drops" "$received" "$accepted" "$rejected" \
		"$dups" "$failed" "$spooled" "$lines" "$rx_cpu" "$per_m" "$hdfs_cpu" "$EMITTER_CPU" "$mach_cpu" \
		"$load0" "$load1" "$verdict" >>"$RESULTS"
	log "[$target] $rate msg/s: sent $SENT (avg $SEND_AVG/s, errors $SEND_ERRORS), RcvbufErrors +$rcv, socket drops +$drops," \
		"received $received, accepted $accepted, rejected $rejected, dup $dups, failed $failed, spooled $spooled," \
		"HDFS lines $lines; CPU: receiver ${rx_cpu}s (${per_m} s/M), hdfs ${hdfs_cpu}s, emitter ${EMITTER_CPU}s," \
		"machine ${mach_cpu}s; load $load0→$load1 => $verdict"
	[[ $verdict == PASS || ($verdict == 'PASS*' && $STRICT == 0) ]]
}

warmup() { # target rates-list: the first rate for WARMUP s, not measured
	((WARMUP > 0)) || return 0
	local first=${2%%,*} measured=$DURATION
	log "[$1] warm-up: $first msg/s for ${WARMUP}s (not measured)"
	DURATION=$WARMUP
	run_emitter "$first" "$1-warmup"
	DURATION=$measured
	if [[ $1 == ingest ]]; then
		wait_ingest_idle >/dev/null
		hdfs_lines >/dev/null
	else
		wait_sink_idle >/dev/null
	fi
}

ladder() { # target rates-list
	local target=$1 rate pass=0 fail=0
	IFS=, read -r -a list <<<"$2"
	for rate in "${list[@]}"; do
		if step "$target" "$rate"; then
			[[ $fail == 0 ]] && pass=$rate
		else
			[[ $fail == 0 ]] && fail=$rate
			[[ $KEEP_GOING == 1 ]] || break
		fi
	done
	if [[ $BISECT -gt 0 && $fail -gt 0 ]]; then
		while ((fail - pass > BISECT)); do
			rate=$(((pass + fail) / 2 / 1000 * 1000))
			((rate <= pass)) && rate=$(((pass + fail) / 2))
			if step "$target" "$rate"; then pass=$rate; else fail=$rate; fi
		done
	fi
}

# ---- run ------------------------------------------------------------------------------

STARTED=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
log "work dir $WORK; rates $RATES (bare $BARE_RATES), ${DURATION}s per step, $SERVICES services"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $ONLY != bare ]]; then
	start_hdfs
	start_ingest
	RX_PID=$INGEST_PID
	fsshell -rm -r -f -skipTrash /healthmon/raw >>"$WORK/log/fsshell.log" 2>&1 || true
	warmup ingest "$RATES"
	ladder ingest "$RATES"
	stop_pid "$INGEST_PID" ingest 60
	INGEST_PID=""
	stop_pid "$HDFS_PID" dev-cluster 60
	HDFS_PID=""
fi
if [[ $ONLY != ingest ]]; then
	start_sink
	RX_PID=$SINK_PID
	warmup bare "$BARE_RATES"
	ladder bare "$BARE_RATES"
	stop_pid "$SINK_PID" bare-loop 10
	SINK_PID=""
fi
FINISHED=$(date -u '+%Y-%m-%d %H:%M:%S UTC')

# ---- summary --------------------------------------------------------------------------

highest() { # target -> highest rate passing with all lower rates tried passing; "0" if none
	awk -F'\t' -v t="$1" -v strict="$STRICT" '
		$1 == t && $22 != "SHORT" { ok = ($22 == "PASS" || ($22 == "PASS*" && strict == 0)); rate[NR] = $2 + 0; good[NR] = ok; n++ }
		END {
			best = 0; minfail = -1
			for (i in rate) if (!good[i] && (minfail < 0 || rate[i] < minfail)) minfail = rate[i]
			for (i in rate) if (good[i] && (minfail < 0 || rate[i] < minfail) && rate[i] > best) best = rate[i]
			print best
		}' "$RESULTS"
}
cpu_at() { # target rate -> CPU s per million at that rate
	awk -F'\t' -v t="$1" -v r="$2" '$1 == t && $2 == r { v = $16 } END { print (v == "" ? "NA" : v) }' "$RESULTS"
}
tried_max() { awk -F'\t' -v t="$1" '$1 == t && $22 != "SHORT" && $2 + 0 > m { m = $2 + 0 } END { print m + 0 }' "$RESULTS"; }
short() { awk -F'\t' -v t="$1" '$1 == t && $22 == "SHORT" { n++ } END { print n + 0 }' "$RESULTS"; }

ING=$(highest ingest)
BARE=$(highest bare)
ratio=NA
[[ $ONLY == "" && $BARE -gt 0 ]] && ratio=$(awk -v a="$ING" -v b="$BARE" 'BEGIN { printf "%.2f", a / b }')
bare_note=""
[[ $ONLY != ingest && $BARE -gt 0 && $BARE == "$(tried_max bare)" ]] && bare_note=" (every rate tried passed: a lower bound)"
ing_note=""
[[ $ONLY != bare && $ING -gt 0 && $ING == "$(tried_max ingest)" ]] && ing_note=" (every rate tried passed: a lower bound)"
[[ $ONLY != ingest && $BARE -gt 0 && $(short bare) -gt 0 ]] &&
	bare_note=" (every higher rate tried was more than the emitter could offer: the most this machine can send)"
[[ $ONLY != bare && $ING -gt 0 && $(short ingest) -gt 0 ]] &&
	ing_note=" (every higher rate that passed was more than the emitter could offer)"
tried_min() { awk -F'\t' -v t="$1" '$1 == t && (m == "" || $2 + 0 < m) { m = $2 + 0 } END { print m + 0 }' "$RESULTS"; }
[[ $ONLY != bare && $ING == 0 ]] && ing_note=" (no rate passed: below the lowest tried, $(tried_min ingest) msg/s)"
[[ $ONLY != ingest && $BARE == 0 ]] && bare_note=" (no rate passed: below the lowest tried, $(tried_min bare) msg/s)"

table() {
	echo "| receiver | offered msg/s | sent | emitter avg msg/s | send err | RcvbufErrors Δ | socket drops Δ | received | accepted | rejected | dup | failed | spooled | lines in HDFS | receiver CPU s | CPU s / M msg | HDFS CPU s | emitter CPU s | machine CPU s | load 1m start→end | verdict |"
	echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"
	awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s→%s | **%s** |\n",
		($1 == "bare" ? "bare loop" : $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22 }' "$RESULTS"
}

echo
echo "== Ingest throughput (issue 2): $STARTED .. $FINISHED =="
table
echo
echo "highest passing rate: ingest $ING msg/s$ing_note (CPU $(cpu_at ingest "$ING") s/M msg);" \
	"bare loop $BARE msg/s$bare_note (CPU $(cpu_at bare "$BARE") s/M msg); ratio $ratio"

if [[ $REPORT != - ]]; then
	[[ -f "$REPORT" ]] || printf '# Benchmarks\n\nResults of the benchmarks under `bench/`, newest last. Each section says how\nit was run, on what, and what else was going on.\n' >"$REPORT"
	verdict_ing="below"
	[[ $ING -ge 100000 ]] && verdict_ing="meets"
	verdict_ratio="NA"
	[[ $ratio != NA ]] && verdict_ratio=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5 ? "meets" : "below") }')
	{
		echo
		if [[ $INVALID_FRACTION == 0 ]]; then
			echo "## Ingest throughput (issue 2) — run of $STARTED"
		else
			echo "## Ingest throughput with an invalid fraction of $INVALID_FRACTION (issue 15) — run of $STARTED"
		fi
		echo
		echo "Command (from the repo root; the jars from \`mvn -B -q -o install -DskipTests\`):"
		echo
		echo '```'
		echo "$ORIG_CMD"
		echo '```'
		echo
		echo "- Machine: \`nproc\` = $(nproc); memory $(free -g | awk '/^Mem:/ { print $2 " GiB total, " $7 " GiB available" }');" \
			"kernel $(uname -r); \`net.core.rmem_max\` = $(cat /proc/sys/net/core/rmem_max)"
		echo "- Java: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
		echo "- Run: $STARTED .. $FINISHED; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" \
			"(the 2 cores are shared with other engineers' builds: see the load and \"machine CPU s\" columns)"
		echo "- Steps: ${DURATION} s each, emitter in simulate mode, $SERVICES services," \
			"invalid fraction $INVALID_FRACTION (bad datagrams of the fixed fuzz mix among the offered rate)," \
			"rate-per-service = rate/$SERVICES, target 127.0.0.1:$UDP_PORT, send buffer 4 MB."
		echo "- Warm-up: ${WARMUP} s at the first rate of each ladder before it, not measured (JIT compilation)"
		echo "- Ingest: JVM \`$INGEST_JVM_OPTS\`, args \`${INGEST_ARGS:-(defaults)}\`; dev HDFS 1 namenode + 4 datanodes" \
			"(replication 3) as a separate process. Bare loop: \`java bench/src/BareUdpSink.java\`, one" \
			"\`DatagramChannel\`, SO_RCVBUF 4 MiB, same port."
		[[ -n "$NOTE" ]] && echo "- Note: $NOTE"
		echo
		table
		echo
		echo "**Highest passing rate: ingest $ING msg/s$ing_note, bare loop $BARE msg/s$bare_note; ratio $ratio.**"
		echo "CPU seconds per million messages at those rates: ingest $(cpu_at ingest "$ING")" \
			"(plus the HDFS process, column \"HDFS CPU s\"), bare loop $(cpu_at bare "$BARE")."
		echo "Against the target (≥ 100,000 msg/s and ≥ 0.5 × bare): rate $verdict_ing, ratio $verdict_ratio."
		echo
		echo "Reading the table: a step passes when the kernel's \`RcvbufErrors\` did not move, the socket's own" \
			"drop counter did not move, the emitter had no send errors, ingest dropped nothing (received = accepted" \
			"+ rejected, rejected = the bad datagrams sent, nothing duplicate, failed or spooled) and sent - bad =" \
			"accepted = lines in HDFS (bare loop:" \
			"sent = received). PASS* = all that, but the system-wide \`RcvbufErrors\` moved while this socket's drops" \
			"stayed 0 (another process dropped datagrams). SHORT = nothing lost, but the emitter sent less than 99 %" \
			"of the rate (its limit on this machine): the rate was not tried, the step counts for nothing. \"Receiver CPU s\" is utime+stime of the ingest (or bare" \
			"loop) JVM over the step, including the drain after the emitter stopped; \"CPU s / M msg\" divides it by" \
			"the messages received. The emitter runs on the same 2 cores (its CPU is in its column) and costs the" \
			"same in both ladders, which is why they are compared side by side. \"Machine CPU s\" is all CPUs' busy" \
			"time over the step (max 2 × step length + drain), other users included."
	} >>"$REPORT"
	log "appended the results to $REPORT"
fi
