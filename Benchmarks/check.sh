#!/usr/bin/env bash
# Quick checks of the benchmark tools and the generated samples (seconds, no flowtrace needed):
# the scorer's self-test, the generator's determinism and truth files, and that the committed
# generated samples are what their scripts make today.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0

check() {
    local name=$1; shift
    if "$@" >"$TMP/out" 2>&1; then
        passed=$((passed + 1)); echo "ok   $name"
    else
        failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$TMP/out" | tail -n 20
    fi
}

gen() { python3 "$ROOT/Benchmarks/generate.py" --quiet "$@"; }

same_twice() {
    gen --size 2M --seed 9 --format mixed --out "$TMP/a.log" --truth "$TMP/a.truth" &&
    gen --size 2M --seed 9 --format mixed --out "$TMP/b.log" --truth "$TMP/b.truth" &&
    cmp "$TMP/a.log" "$TMP/b.log" && cmp "$TMP/a.truth" "$TMP/b.truth"
}

truth_matches_log() {
    local mode
    for mode in asyncio lines; do
        gen --size 1M --mode "$mode" --out "$TMP/t.log" --truth "$TMP/t.truth" || return 1
        [[ $(wc -l <"$TMP/t.log") -eq $(wc -l <"$TMP/t.truth") ]] || { echo "$mode: line counts differ"; return 1; }
        python3 - "$TMP/t.log" "$TMP/t.truth" <<'EOF' || return 1
import re, sys
tag = re.compile(r"\[[A-Z][A-Z_-]+\]")
for n, (line, row) in enumerate(zip(open(sys.argv[1], encoding="utf-8"), open(sys.argv[2])), 1):
    num, label, tagged = row.split()
    if int(num) != n or (tag.search(line) is not None) != (tagged == "1"):
        sys.exit(f"line {n}: truth {row.strip()!r} does not fit {line.strip()[:120]!r}")
EOF
    done
}

gzip_matches_plain() {
    gen --size 3M --out "$TMP/p.log" && gen --size 3M --gzip --out "$TMP/p.log.gz" &&
    python3 -c 'import gzip,sys; sys.exit(gzip.open(sys.argv[1]).read() != open(sys.argv[2],"rb").read())' "$TMP/p.log.gz" "$TMP/p.log"
}

interleaved_sample() {
    local d=$ROOT/Samples/interleaved
    gen --size 40K --seed 3 --concurrency 10 --users 12 --fault-rate 0.15 --out "$TMP/m.log" \
        --truth "$TMP/m.truth" --requests "$TMP/m.requests" &&
    cmp "$TMP/m.log" "$d/multi-user.log" && cmp "$TMP/m.truth" "$d/multi-user.truth" &&
    cmp "$TMP/m.requests" "$d/multi-user.requests"
}

made_sample() {  # the scripts write beside themselves: run them on a copy and compare the copy
    local script=$1
    mkdir -p "$TMP/copy/Benchmarks" && cp -r "$ROOT/Samples" "$TMP/copy/" &&
    cp -r "$ROOT/Benchmarks/flowgen" "$TMP/copy/Benchmarks/" &&
    python3 "$TMP/copy/Samples/$script" >/dev/null && diff -r "$ROOT/Samples" "$TMP/copy/Samples"
    local rc=$?
    rm -rf "$TMP/copy"
    return $rc
}

check "score.py --self-test" python3 "$ROOT/Benchmarks/score.py" --self-test
check "generator is deterministic" same_twice
check "truth file has one fitting row per log line" truth_matches_log
check "--gzip writes the same log" gzip_matches_plain
check "Samples/interleaved is reproducible" interleaved_sample
check "Samples/compose.py reproduces its samples" made_sample compose.py
check "Samples/mojibake/make.py reproduces its files" made_sample mojibake/make.py
check "Samples/gzip/make.py reproduces its files" made_sample gzip/make.py
check "Samples/regressions/make.py reproduces its fixtures" made_sample regressions/make.py
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
