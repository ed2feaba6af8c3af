#!/usr/bin/env bash
# Benchmarks flowtrace against zcat and rg in one run and prints the ratios next to their targets.
#
#   Benchmarks/run.sh [--size 1G] [--small 100M] [--runs 5] [--seed 1] [--no-build]
#
# Data is generated once into Benchmarks/data/ (gitignored) and reused; results go to
# Benchmarks/results/<time>.txt (gitignored). See Benchmarks/README.md.
set -euo pipefail

SIZE=1G SMALL=100M RUNS=5 SEED=1 BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --size) SIZE=$2; shift 2 ;;
        --small) SMALL=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/Benchmarks
DATA=$BENCH/data
RESULTS=$BENCH/results
BIN=$ROOT/.build/release/flowtrace
# The scan command line; override if the CLI's flags change.
SCAN_ARGS=${FLOWTRACE_SCAN_ARGS:-scan --format jsonl}
TRACES_ARGS=${FLOWTRACE_TRACES_ARGS:-scan --format jsonl --traces}
PATTERN='\[(GENERATION|USER_SERVICE|USER_REPO|DATABASE)\]'
mkdir -p "$DATA" "$RESULTS"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/$STAMP.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

log() { echo "run.sh: $*" >&2; }

need_tools() {
    local missing=()
    command -v rg >/dev/null || missing+=(ripgrep)
    [[ -x /usr/bin/time ]] || missing+=(time)
    command -v zcat >/dev/null || missing+=(gzip)
    if [[ ${#missing[@]} -gt 0 ]]; then
        log "installing ${missing[*]}"
        local sudo=; [[ $(id -u) -eq 0 ]] || sudo=sudo
        { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; } ||
            log "could not install ${missing[*]}"
    fi
    local tool
    for tool in rg zcat /usr/bin/time; do
        command -v "$tool" >/dev/null || { log "$tool is required"; exit 1; }
    done
}

# generate NAME SIZE [extra generator options]: makes $DATA/NAME once, timing the generator.
generate() {
    local file=$DATA/$1 size=$2; shift 2
    if [[ -s $file ]]; then
        log "reusing $file"
        return
    fi
    log "generating $file ($size)"
    if ! python3 "$BENCH/generate.py" --size "$size" --seed "$SEED" --out "$file.part" "$@" 2>"$TMP/gen.err"; then
        cat "$TMP/gen.err" >&2
        rm -f "$file.part"
        exit 1
    fi
    cat "$TMP/gen.err" >&2
    echo "generator $(basename "$file"): $(sed 's/^generate.py: //' "$TMP/gen.err")" >>"$TMP/notes"
    mv "$file.part" "$file"
}

# wall NAME INPUT COMMAND: runs COMMAND (a shell string) once and appends its wall time to
# $TMP/NAME. INPUT, the file COMMAND reads, is read first (untimed): these hosts page out file
# pages left idle for a few seconds (DAMON reclaim, see Benchmarks/README.md), so without it a
# command would time the disk as well, by an amount that depends on when the file was last read.
wall() {
    local t0 t1
    cat "$2" >/dev/null
    t0=$(date +%s%N); bash -c "$3" || true; t1=$(date +%s%N)
    awk -v ns=$((t1 - t0)) 'BEGIN {printf "%.3f\n", ns / 1e9}' >>"$TMP/$1"
}

# median NAME: the median of the times in $TMP/NAME (n/a when there are none).
median() {
    [[ -s $TMP/$1 ]] || { echo n/a; return; }
    sort -n "$TMP/$1" | awk '{a[NR]=$1} END {printf "%.3f\n", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

# paired NAME BASE: the median over rounds of NAME's time over BASE's in the same round, and
# the per-round ratios in brackets. Rounds alternate the tools, so the host's drift (large on
# shared machines) falls on both sides of each ratio.
paired() {
    [[ -s $TMP/$1 && -s $TMP/$2 ]] || { echo "n/a n/a"; return; }
    paste "$TMP/$1" "$TMP/$2" | python3 -c '
import statistics, sys
r = [float(a) / float(b) for a, b in (l.split() for l in sys.stdin) if float(b) > 0]
print("%.2f" % statistics.median(r), "[" + ",".join("%.2f" % x for x in r) + "]")'
}

# peak_mb FILE: peak resident set size of one flowtrace scan of FILE, in MB (10^6 bytes).
peak_mb() {
    /usr/bin/time -v "$BIN" $SCAN_ARGS "$1" >/dev/null 2>"$TMP/time.err" || true
    awk -F': ' '/Maximum resident set size/ {printf "%.1f\n", $2 * 1024 / 1e6}' "$TMP/time.err"
}

ratio() { python3 -c 'import sys; a,b=sys.argv[1:]; print("n/a" if "n/a" in (a,b) or float(b)==0 else "%.2f" % (float(a)/float(b)))' "$1" "$2"; }
check() { python3 -c 'import sys; v,op,t=sys.argv[1:]; print("n/a" if v=="n/a" else ("PASS" if (float(v)<=float(t) if op=="le" else float(v)>=float(t)) else "FAIL"))' "$1" "$2" "$3"; }

need_tools
: >"$TMP/notes"
: >"$TMP/stages"
if [[ $BUILD -eq 1 ]]; then
    log "swift build -c release"
    (cd "$ROOT" && swift build -c release 2>&1 | tail -n 3 >&2) || log "build failed; flowtrace numbers will be n/a"
fi
HAVE_BIN=0
if [[ -x $BIN ]]; then
    HAVE_BIN=1
    # A scan that finds problems may exit 1; anything else means the command line does not work.
    rc=0; "$BIN" $SCAN_ARGS "$BENCH/selftest/tiny.log" >/dev/null 2>"$TMP/tiny.err" || rc=$?
    if [[ $rc -gt 1 ]]; then
        log "'flowtrace $SCAN_ARGS' exited $rc on selftest/tiny.log ($(head -c 200 "$TMP/tiny.err")); flowtrace numbers will be n/a"
        HAVE_BIN=0
    fi
else
    log "no $BIN; measuring zcat and rg only"
fi

# File names carry a hash of the generator's sources, so a changed generator regenerates its data;
# data made by an older generator is removed.
GEN=$(cat "$BENCH/generate.py" "$BENCH"/flowgen/*.py | md5sum | cut -c1-8)
find "$DATA" -maxdepth 1 -name 'bench-*' ! -name "*-g$GEN.*" -delete
BIG=bench-$SIZE-s$SEED-g$GEN.log
SMALLF=bench-$SMALL-s$SEED-g$GEN.log
generate "$BIG" "$SIZE"
generate "$BIG.gz" "$SIZE" --gzip
generate "$SMALLF" "$SMALL" --truth "$DATA/$SMALLF.truth"

T_FT=n/a T_FTGZ=n/a T_FT_NR=n/a T_FTGZ_NR=n/a RSS_SMALL=n/a RSS_BIG=n/a RSS_GZ=n/a SCORE=n/a SCORE_ALL=n/a TRACES=n/a
# One round times each command once (name, input, command); a first round is not counted.
commands=(rg "$DATA/$BIG" "rg -c '$PATTERN' '$DATA/$BIG' >/dev/null"
          zcat "$DATA/$BIG.gz" "zcat '$DATA/$BIG.gz' >/dev/null")
if [[ $HAVE_BIN -eq 1 ]]; then
    # The same scans with every built-in rule disabled: what the rule engine costs.
    NO_RULES="--disable $("$BIN" rules list | awk '{print $1}' | paste -sd, -)"
    commands+=(ft "$DATA/$BIG" "'$BIN' $SCAN_ARGS '$DATA/$BIG' >/dev/null"
               ftgz "$DATA/$BIG.gz" "'$BIN' $SCAN_ARGS '$DATA/$BIG.gz' >/dev/null"
               ftnr "$DATA/$BIG" "'$BIN' $SCAN_ARGS $NO_RULES '$DATA/$BIG' >/dev/null"
               ftgznr "$DATA/$BIG.gz" "'$BIN' $SCAN_ARGS $NO_RULES '$DATA/$BIG.gz' >/dev/null")
fi
log "timing $((${#commands[@]} / 3)) commands in $RUNS alternating rounds, after one warm-up round"
for round in $(seq 0 "$RUNS"); do
    for ((i = 0; i < ${#commands[@]}; i += 3)); do
        name=${commands[i]}
        [[ $round -eq 0 ]] && name=warmup
        wall "$name" "${commands[i + 1]}" "${commands[i + 2]}"
    done
done
T_RG=$(median rg) T_ZCAT=$(median zcat)
if [[ $HAVE_BIN -eq 1 ]]; then
    T_FT=$(median ft) T_FTGZ=$(median ftgz) T_FT_NR=$(median ftnr) T_FTGZ_NR=$(median ftgznr)
    # Where the CPU goes, per pipeline stage (one run each).
    for input in "$BIG" "$BIG.gz"; do
        cat "$DATA/$input" >/dev/null
        FLOWTRACE_STAGE_TIMES=1 "$BIN" $SCAN_ARGS "$DATA/$input" 2>&1 >/dev/null |
            sed -n "s|^flowtrace: stage CPU: |stage CPU, $input: |p" >>"$TMP/stages" || true
    done
    log "peak memory"
    RSS_SMALL=$(peak_mb "$DATA/$SMALLF")
    RSS_BIG=$(peak_mb "$DATA/$BIG")
    RSS_GZ=$(peak_mb "$DATA/$BIG.gz")
    log "correlation on $SMALLF"
    "$BIN" $TRACES_ARGS "$DATA/$SMALLF" >"$TMP/traces.jsonl" 2>"$TMP/traces.err" || true
    if python3 "$BENCH/score.py" --truth "$DATA/$SMALLF.truth" --traces "$TMP/traces.jsonl" --json >"$TMP/score.json"; then
        read -r SCORE SCORE_ALL TRACES < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["tagged_right_pct"], r["all_right_pct"], "%d/%d" % (r["traces"], r["true_requests"]))' "$TMP/score.json")
    fi
fi
read -r R_PLAIN ROUNDS_PLAIN < <(paired ft rg)
read -r R_GZ ROUNDS_GZ < <(paired ftgz zcat)
read -r R_PLAIN_NR _ < <(paired ftnr rg)
read -r R_GZ_NR _ < <(paired ftgznr zcat)
R_RSS=$(ratio "$RSS_BIG" "$RSS_SMALL")

{
    echo "flowtrace benchmark $STAMP  (commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo ?))"
    echo "machine: $(nproc) cpu, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "data: $BIG ($(du -h "$DATA/$BIG" | cut -f1)), $BIG.gz ($(du -h "$DATA/$BIG.gz" | cut -f1)), $SMALLF; seed $SEED; $RUNS alternating rounds"
    cat "$TMP/notes"
    echo
    printf '%-44s %12s %14s %6s\n' "measure" "value" "target" "result"
    printf '%-44s %12s %14s %6s\n' "rg -c tags, plain (s, median)" "$T_RG" "" ""
    printf '%-44s %12s %14s %6s\n' "flowtrace scan, plain (s, median)" "$T_FT" "" ""
    printf '%-44s %12s %14s %6s\n' "  ratio flowtrace/rg (median of rounds)" "$R_PLAIN" "<= 2.0" "$(check "$R_PLAIN" le 2.0)"
    printf '%-44s %12s %14s %6s\n' "  rules off: flowtrace (s), ratio" "$T_FT_NR" "$R_PLAIN_NR" ""
    printf '%-44s %12s %14s %6s\n' "zcat, gzip (s, median)" "$T_ZCAT" "" ""
    printf '%-44s %12s %14s %6s\n' "flowtrace scan, gzip (s, median)" "$T_FTGZ" "" ""
    printf '%-44s %12s %14s %6s\n' "  ratio flowtrace/zcat (median of rounds)" "$R_GZ" "<= 1.1" "$(check "$R_GZ" le 1.1)"
    printf '%-44s %12s %14s %6s\n' "  rules off: flowtrace (s), ratio" "$T_FTGZ_NR" "$R_GZ_NR" ""
    printf '%-44s %12s %14s %6s\n' "peak RSS, $SMALL plain (MB)" "$RSS_SMALL" "<= 100" "$(check "$RSS_SMALL" le 100)"
    printf '%-44s %12s %14s %6s\n' "peak RSS, $SIZE plain (MB)" "$RSS_BIG" "<= 100" "$(check "$RSS_BIG" le 100)"
    printf '%-44s %12s %14s %6s\n' "peak RSS, $SIZE gzip (MB)" "$RSS_GZ" "<= 100" "$(check "$RSS_GZ" le 100)"
    printf '%-44s %12s %14s %6s\n' "  ratio RSS $SIZE/$SMALL" "$R_RSS" "~1.0" ""
    printf '%-44s %12s %14s %6s\n' "tagged lines in the right trace (%)" "$SCORE" ">= 99" "$(check "$SCORE" ge 99)"
    printf '%-44s %12s %14s %6s\n' "all lines in the right trace (%)" "$SCORE_ALL" "" ""
    printf '%-44s %12s %14s %6s\n' "traces / true requests" "$TRACES" "" ""
    echo
    echo "ratio per round, flowtrace/rg: $ROUNDS_PLAIN"
    echo "ratio per round, flowtrace/zcat: $ROUNDS_GZ"
    cat "$TMP/stages"
} | tee "$OUT"
log "results written to $OUT"
