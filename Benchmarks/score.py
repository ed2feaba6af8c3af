#!/usr/bin/env python3
"""Scores flowtrace's correlation against a generator truth file.

    python3 Benchmarks/score.py --truth data/100m.truth --traces out.jsonl [--json]
    python3 Benchmarks/score.py --self-test

truth:  one line per log line, `<line> <request-label or -> <tagged 0|1>` (from generate.py --truth).
traces: the JSON lines of `flowtrace scan --format jsonl --traces FILE`; only records with
        "type": "trace" are read, each with "lines": [1-based line numbers].

A line is *right* when the trace it was put in has that line's true request as its majority request
(the most common true label over the trace's lines, `-` lines not counted; ties go to the label seen
first). Lines whose truth is `-` belong to no request and are not scored. A line in no trace is wrong;
a line in several traces is judged by the first and counted as a duplicate.
"""

import argparse
import json
import os
import re
import sys
from array import array
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def load_truth(path):
    """Label ids per line (index = line - 1; -1 for `-`), tagged flags, and the label count."""
    ids, labels, tagged = {}, array("i"), bytearray()
    with open(path, encoding="ascii") as f:
        for n, row in enumerate(f, 1):
            num, label, tag = row.split()
            if int(num) != n:
                raise SystemExit(f"score.py: {path}:{n}: expected line number {n}, found {num}")
            labels.append(-1 if label == "-" else ids.setdefault(label, len(ids)))
            tagged.append(tag == "1")
    return labels, tagged, len(ids)


def score(truth_path, traces_path, log_path=None):
    labels, tagged, requests = load_truth(truth_path)
    n = len(labels)
    placed = array("i", [-2]) * n  # majority label of the line's trace; -2 = in no trace
    traces = duplicates = outside = stray = 0
    with open(traces_path, encoding="utf-8") as f:
        for row in f:
            if '"trace"' not in row:
                continue
            rec = json.loads(row)
            if rec.get("type") != "trace":
                continue
            traces += 1
            lines = [x for x in rec.get("lines", ()) if 1 <= x <= n]
            outside += len(rec.get("lines", ())) - len(lines)
            counts = Counter(labels[x - 1] for x in lines if labels[x - 1] >= 0)
            majority = max(counts, key=lambda k: counts[k]) if counts else -1
            for x in lines:
                if placed[x - 1] != -2:
                    duplicates += 1
                    continue
                placed[x - 1] = majority
                if labels[x - 1] < 0:
                    stray += 1
    right_tagged = total_tagged = right_all = total_all = unplaced = 0
    for i in range(n):
        truth = labels[i]
        if truth < 0:
            continue
        ok = placed[i] == truth
        total_all += 1
        right_all += ok
        unplaced += placed[i] == -2
        if tagged[i]:
            total_tagged += 1
            right_tagged += ok
    pct = lambda a, b: round(100.0 * a / b, 3) if b else 100.0
    wrong_by_kind = wrong_kinds(log_path, labels, placed) if log_path else None
    result = {"tagged_right_pct": pct(right_tagged, total_tagged), "tagged_lines": total_tagged,
            "all_right_pct": pct(right_all, total_all), "scored_lines": total_all,
            "traces": traces, "true_requests": requests, "unplaced_lines": unplaced,
            "unowned_lines_in_traces": stray, "duplicate_placements": duplicates,
            "out_of_range_line_numbers": outside}
    if wrong_by_kind is not None:
        result["wrong_by_kind"] = wrong_by_kind
    return result


KIND = re.compile(
    rb"\[[A-Z][A-Z_-]+\]"                                                         # a tag
    rb"|HTTP Request: [A-Z]+ https?://[^/\s]+/(?:rest/v1/[a-z_]+|auth/v1/user|[^\s?\\\"]+)"  # a call
    rb"|\] [A-Z]+ \S+ - (?:Started|\d+)"                                            # request tracking
    rb"|\"[A-Z]+ \S+ HTTP/1\.1\\?\" \d+")                                            # access line


def wrong_kinds(log_path, labels, placed, top=12):
    """Counts misplaced lines by what they are (tag, HTTP call, tracking or access line)."""
    counts, first = Counter(), {}
    with open(log_path, "rb") as f:
        for i, line in enumerate(f):
            if i >= len(labels) or labels[i] < 0 or placed[i] == labels[i]:
                continue
            m = KIND.search(line)
            kind = re.sub(rb"[0-9a-f]{8}-[0-9a-f-]{27}", b"<id>", m.group(0)).decode("utf-8", "replace") if m else "other"
            kind = re.sub(r" \d{3}$", " <status>", re.sub(r"- \d+$", "- <status>", kind))
            counts[kind] += 1
            first.setdefault(kind, i + 1)
    return [{"kind": k, "lines": n, "first": first[k]} for k, n in counts.most_common(top)]


def report(r):
    return (f"tagged lines in the right trace: {r['tagged_right_pct']:.2f}% of {r['tagged_lines']}\n"
            f"all lines in the right trace:    {r['all_right_pct']:.2f}% of {r['scored_lines']}\n"
            f"traces: {r['traces']}   true requests: {r['true_requests']}\n"
            f"lines in no trace: {r['unplaced_lines']}   request-less lines put in traces: "
            f"{r['unowned_lines_in_traces']}   placed twice: {r['duplicate_placements']}"
            + "".join(f"\n  misplaced {w['lines']:8d}  {w['kind']}  (first at line {w['first']})"
                      for w in r.get("wrong_by_kind") or ()))


def self_test():
    """Scores the hand-made pair in selftest/ and compares with the values worked out by hand."""
    d = os.path.join(HERE, "selftest")
    got = score(os.path.join(d, "tiny.truth"), os.path.join(d, "tiny-traces.jsonl"))
    with open(os.path.join(d, "tiny-expected.json"), encoding="utf-8") as f:
        want = json.load(f)
    bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
    if bad:
        for k, (g, w) in bad.items():
            print(f"score.py self-test: {k}: got {g}, expected {w}", file=sys.stderr)
        return 1
    print(f"score.py self-test: {len(want)} passed, 0 failed")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--truth")
    p.add_argument("--traces")
    p.add_argument("--log", help="the log itself: also count misplaced lines by kind (tag, call, access line)")
    p.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    p.add_argument("--self-test", action="store_true")
    a = p.parse_args()
    if a.self_test:
        return self_test()
    if not (a.truth and a.traces):
        p.error("--truth and --traces are required (or --self-test)")
    r = score(a.truth, a.traces, a.log)
    print(json.dumps(r) if a.json else report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
