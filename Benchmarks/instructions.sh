#!/usr/bin/env bash
# Counts the instructions flowtrace spends per input line on each of its threads (callgrind): a
# measure the host's load does not move, unlike time, so it is the one to compare two builds by.
#
#   Benchmarks/instructions.sh [--bin PATH] [--size 30M] [--small 3M] [--seed 1] [--gzip]
#
# Rates are marginal: the instructions of a scan of a SIZE log minus those of a SMALL log, over the
# difference in lines, so that start-up (rules, vocabulary) drops out. Data goes to Benchmarks/data/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/Benchmarks
DATA=$BENCH/data
BIN=$ROOT/.build/release/flowtrace
SIZE=30M SMALL=3M SEED=1 GZIP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bin) BIN=$2; shift 2 ;;
        --size) SIZE=$2; shift 2 ;;
        --small) SMALL=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --gzip) GZIP=1; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "instructions.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
SCAN_ARGS=${FLOWTRACE_SCAN_ARGS:-scan --format jsonl}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
log() { echo "instructions.sh: $*" >&2; }

[[ -x $BIN ]] || { log "no $BIN (build with swift build -c release, or pass --bin)"; exit 1; }
if ! command -v valgrind >/dev/null; then
    log "installing valgrind"
    sudo=; [[ $(id -u) -eq 0 ]] || sudo=sudo
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq valgrind >/dev/null; } || true
    command -v valgrind >/dev/null || { log "valgrind is required"; exit 1; }
fi

# input SIZE: the generated log of that size (gzip with --gzip), made once.
input() {
    local gen name
    gen=$(cat "$BENCH/generate.py" "$BENCH"/flowgen/*.py | md5sum | cut -c1-8)
    name=$DATA/bench-$1-s$SEED-g$gen.log
    [[ $GZIP -eq 1 ]] && name=$name.gz
    if [[ ! -s $name ]]; then
        log "generating $name"
        mkdir -p "$DATA"
        local gzip=(); [[ $GZIP -eq 1 ]] && gzip=(--gzip)
        python3 "$BENCH/generate.py" --size "$1" --seed "$SEED" --out "$name.part" "${gzip[@]}"
        mv "$name.part" "$name"
    fi
    echo "$name"
}

# count FILE TAG: runs one scan of FILE under callgrind, a profile per thread in $TMP/TAG.out-NN,
# and writes "stage instructions" per thread to $TMP/TAG, then the line count to $TMP/TAG.lines.
count() {
    valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$TMP/$2.out" \
        "$TMP/flowtrace" $SCAN_ARGS "$1" >/dev/null 2>"$TMP/$2.err" || true
    local profile stage
    if ! compgen -G "$TMP/$2.out-*" >/dev/null; then
        log "callgrind failed on $1:"; tail -n 5 "$TMP/$2.err" >&2; exit 1
    fi
    : >"$TMP/$2"
    for profile in "$TMP/$2.out"-*; do
        # Threads are told apart by the work only they do.
        if grep -q 'CorrelatorC' "$profile"; then stage=correlating
        elif grep -q 'JudgingStageC4work' "$profile"; then stage=judging
        elif grep -q 'ParsingStageC7produce' "$profile"; then stage=parsing
        elif grep -q 'ChunkProducer' "$profile"; then stage=reading
        else continue
        fi
        echo "$stage $(awk '/^totals:/ {print $2; exit}' "$profile")" >>"$TMP/$2"
    done
    if [[ $GZIP -eq 1 ]]; then zcat "$1" | wc -l >"$TMP/$2.lines"; else wc -l <"$1" >"$TMP/$2.lines"; fi
}

# This valgrind cannot read the DWARF 5 of Swift's debug builds: profile a copy without it.
strip --strip-debug -o "$TMP/flowtrace" "$BIN"
BIG_FILE=$(input "$SIZE")
SMALL_FILE=$(input "$SMALL")
log "callgrind on $(basename "$BIG_FILE") and $(basename "$SMALL_FILE") (about 20 s at the default sizes)"
count "$BIG_FILE" big
count "$SMALL_FILE" small
echo "flowtrace instructions per line ($(basename "$BIG_FILE") minus $(basename "$SMALL_FILE")), $("$BIN" --version)"
python3 - "$TMP" <<'PY'
import sys
tmp = sys.argv[1]
def totals(tag):
    counts = {}
    for line in open(f"{tmp}/{tag}"):
        stage, n = line.split()
        counts[stage] = counts.get(stage, 0) + int(n)
    return counts, int(open(f"{tmp}/{tag}.lines").read())
(big, big_lines), (small, small_lines) = totals("big"), totals("small")
lines = big_lines - small_lines
order = ["reading", "parsing", "correlating", "judging"]
rows = [(s, (big.get(s, 0) - small.get(s, 0)) / lines) for s in order if s in big]
for stage, rate in rows:
    print(f"  {stage:<12} {rate:8,.0f}")
print(f"  {'all':<12} {sum(r for _, r in rows):8,.0f}")
PY
