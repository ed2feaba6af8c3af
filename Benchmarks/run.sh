#!/usr/bin/env bash
# Benchmarks flowtrace against zcat and rg in one run and prints the ratios next to their targets.
#
#   Benchmarks/run.sh [--size 1G] [--small 100M] [--runs 3] [--seed 1] [--no-build]
#
# Data is generated once into Benchmarks/data/ (gitignored) and reused; results go to
# Benchmarks/results/<time>.txt (gitignored). See Benchmarks/README.md.
set -euo pipefail

SIZE=1G SMALL=100M RUNS=3 SEED=1 BUILD=1
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
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    [[ -x /usr/bin/time ]] || missing+=(time)
    command -v zcat >/dev/null || missing+=(gzip)
    if [[ ${#missing[@]} -gt 0 ]]; then
        log "installing ${missing[*]}"
        local sudo=; [[ $(id -u) -eq 0 ]] || sudo=sudo
        { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; } ||
            log "could not install ${missing[*]}"
    fi
    command -v hyperfine >/dev/null || log "no hyperfine: timing $RUNS runs by hand and taking the median"
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

# seconds NAME COMMAND: median wall time of COMMAND (a shell string) over $RUNS runs.
seconds() {
    local name=$1 cmd=$2
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --warmup 1 --runs "$RUNS" -i --export-json "$TMP/$name.json" "$cmd" >/dev/null 2>&1
        python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$TMP/$name.json"
    else
        local times=()
        for _ in $(seq "$RUNS"); do
            local t0 t1
            t0=$(date +%s%N); bash -c "$cmd" || true; t1=$(date +%s%N)
            times+=("$(awk -v ns=$((t1 - t0)) 'BEGIN {printf "%.3f", ns / 1e9}')")
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f\n", a[int((NR+1)/2)]}'
    fi
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

log "timing rg, zcat and flowtrace ($RUNS runs each)"
T_RG=$(seconds rg "rg -c '$PATTERN' '$DATA/$BIG' >/dev/null")
T_ZCAT=$(seconds zcat "zcat '$DATA/$BIG.gz' >/dev/null")
T_FT=n/a T_FTGZ=n/a T_FT_NR=n/a T_FTGZ_NR=n/a RSS_SMALL=n/a RSS_BIG=n/a RSS_GZ=n/a SCORE=n/a SCORE_ALL=n/a TRACES=n/a
if [[ $HAVE_BIN -eq 1 ]]; then
    T_FT=$(seconds ft "'$BIN' $SCAN_ARGS '$DATA/$BIG' >/dev/null")
    T_FTGZ=$(seconds ftgz "'$BIN' $SCAN_ARGS '$DATA/$BIG.gz' >/dev/null")
    # The same scans with every built-in rule disabled: what the rule engine costs.
    NO_RULES="--disable $("$BIN" rules list | awk '{print $1}' | paste -sd, -)"
    T_FT_NR=$(seconds ftnr "'$BIN' $SCAN_ARGS $NO_RULES '$DATA/$BIG' >/dev/null")
    T_FTGZ_NR=$(seconds ftgznr "'$BIN' $SCAN_ARGS $NO_RULES '$DATA/$BIG.gz' >/dev/null")
    # Where the CPU goes, per pipeline stage (one run each).
    for input in "$BIG" "$BIG.gz"; do
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
R_PLAIN=$(ratio "$T_FT" "$T_RG")
R_GZ=$(ratio "$T_FTGZ" "$T_ZCAT")
R_RSS=$(ratio "$RSS_BIG" "$RSS_SMALL")

{
    echo "flowtrace benchmark $STAMP  (commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo ?))"
    echo "machine: $(nproc) cpu, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "data: $BIG ($(du -h "$DATA/$BIG" | cut -f1)), $BIG.gz ($(du -h "$DATA/$BIG.gz" | cut -f1)), $SMALLF; seed $SEED; median of $RUNS"
    cat "$TMP/notes"
    echo
    printf '%-44s %12s %14s %6s\n' "measure" "value" "target" "result"
    printf '%-44s %12s %14s %6s\n' "rg -c tags, plain (s)" "$T_RG" "" ""
    printf '%-44s %12s %14s %6s\n' "flowtrace scan, plain (s)" "$T_FT" "" ""
    printf '%-44s %12s %14s %6s\n' "  ratio flowtrace/rg" "$R_PLAIN" "<= 2.0" "$(check "$R_PLAIN" le 2.0)"
    printf '%-44s %12s %14s %6s\n' "  rules off: flowtrace (s), ratio" "$T_FT_NR" "$(ratio "$T_FT_NR" "$T_RG")" ""
    printf '%-44s %12s %14s %6s\n' "zcat, gzip (s)" "$T_ZCAT" "" ""
    printf '%-44s %12s %14s %6s\n' "flowtrace scan, gzip (s)" "$T_FTGZ" "" ""
    printf '%-44s %12s %14s %6s\n' "  ratio flowtrace/zcat" "$R_GZ" "<= 1.1" "$(check "$R_GZ" le 1.1)"
    printf '%-44s %12s %14s %6s\n' "  rules off: flowtrace (s), ratio" "$T_FTGZ_NR" "$(ratio "$T_FTGZ_NR" "$T_ZCAT")" ""
    printf '%-44s %12s %14s %6s\n' "peak RSS, $SMALL plain (MB)" "$RSS_SMALL" "<= 100" "$(check "$RSS_SMALL" le 100)"
    printf '%-44s %12s %14s %6s\n' "peak RSS, $SIZE plain (MB)" "$RSS_BIG" "<= 100" "$(check "$RSS_BIG" le 100)"
    printf '%-44s %12s %14s %6s\n' "peak RSS, $SIZE gzip (MB)" "$RSS_GZ" "<= 100" "$(check "$RSS_GZ" le 100)"
    printf '%-44s %12s %14s %6s\n' "  ratio RSS $SIZE/$SMALL" "$R_RSS" "~1.0" ""
    printf '%-44s %12s %14s %6s\n' "tagged lines in the right trace (%)" "$SCORE" ">= 99" "$(check "$SCORE" ge 99)"
    printf '%-44s %12s %14s %6s\n' "all lines in the right trace (%)" "$SCORE_ALL" "" ""
    printf '%-44s %12s %14s %6s\n' "traces / true requests" "$TRACES" "" ""
    echo
    cat "$TMP/stages"
} | tee "$OUT"
log "results written to $OUT"
