#!/usr/bin/env python3
"""Composes the hand-picked samples from the service's code paths in Benchmarks/flowgen.

Writes incident-000/, formats/, mojibake/clean.log, healthy/ and failures/. Each file is a few
chosen requests (fixed users, seeds and start times) run through a small asyncio simulation, so the
lines are the same code paths as the benchmark logs. Output is byte-for-byte reproducible; if a code
path changes, rerun this, then mojibake/make.py and gzip/make.py, and update README.md's line numbers.

    python3 Samples/compose.py
"""

import heapq
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Benchmarks"))

from flowgen import flows as F  # noqa: E402
from flowgen.flows import Request, SUPABASE, finish, start  # noqa: E402
from flowgen.layouts import EPOCH_MS, PHRASES  # noqa: E402

A = "22cb3917-57f6-49c6-ac96-ec266570081b"  # the seeds' demo user
B = "7f3e2a91-4c8d-4b6e-9a15-d2c8e0f41b37"
C = "c41a9e07-2b5f-4e83-8d9c-6a0f3b7e5d12"
D = "e8b2c6d4-91a7-4f3e-b052-3c7d9e1a4f68"  # signed up, no profile row
E = "5d90f1b3-7e2c-4a68-9c4f-0b8e6d2a7c31"  # new user
COLORS = {"DEBUG": 36, "INFO": 32, "WARNING": 33, "ERROR": 31}


def at(minute, second, ms):
    """Milliseconds after 07:00:00 for 07:MM:SS.mmm."""
    return (minute * 60 + second) * 1000 + float(ms)


def request(seed, label, user, kind, variant=None, balances=None, build=None):
    r = Request(random.Random(seed), label, user, kind, variant)
    (build or F.FLOWS[kind])(r, balances if balances is not None else {A: 1200})
    return r


def simulate(reqs):
    """[(start_ms, Request)] -> [(ms, request, line)] in the order an asyncio loop logs them."""
    heap, seq, out = [], 0, []
    for t, r in reqs:
        seq += 1
        heap.append((t, seq, r, 0))
    heapq.heapify(heap)
    clock = float("-inf")
    while heap:
        t, _, r, i = heapq.heappop(heap)
        clock = max(clock, t)
        for line in r.segs[i][1]:
            out.append((clock, r, line))
            clock += 0.03 + 0.05 * r.rng.random()
        i += 1
        seq += 1
        if i < len(r.segs):
            heapq.heappush(heap, (clock + r.segs[i][0], seq, r, i))
    return out


def ts_basic(ms):
    ms = int(ms)
    t = time.gmtime(EPOCH_MS // 1000 + ms // 1000)
    return time.strftime("%Y-%m-%d %H:%M:%S", t) + ",%03d" % (ms % 1000)


def ts_iso(ms, digits=3):
    t = time.gmtime(EPOCH_MS // 1000 + int(ms) // 1000)
    frac = ("%.9f" % ((ms % 1000) / 1000))[2:2 + digits]
    return time.strftime("%Y-%m-%dT%H:%M:%S", t) + "." + frac + "Z"


def basic(ev):
    ms, _, (logger, level, msg, _, _) = ev
    return f"{ts_basic(ms)} - {logger} - {level} - {msg}"


def jsonl(ev):
    ms, _, (logger, level, msg, fields, _) = ev
    d = {"timestamp": ts_iso(ms, 6), "level": level, "logger": logger, "message": msg}
    d.update(fields or {})
    return json.dumps(d)


def console(ev):
    ms, _, (logger, level, msg, _, _) = ev
    return f"{ts_basic(ms)[11:19]} | \x1b[{COLORS[level]}m{level}\x1b[0m | {logger} | {msg}"


def default(ev):
    _, _, (logger, level, msg, _, _) = ev
    if logger == "uvicorn.access":
        return f"{level}:     {msg} {PHRASES[int(msg.rsplit(' ', 1)[1])]}"
    return f"{level}:{logger}:{msg}"


def docker_or_json(ev):
    if ev[2][0] == "uvicorn.access":
        return json.dumps({"log": default(ev) + "\n", "stream": "stdout", "time": ts_iso(ev[0], 9)})
    return jsonl(ev)


def tracking_bare(ev):
    return ev[2][2] if ev[2][0] == "middleware.request_logging" else basic(ev)


def cri(evs):
    """containerd lines; the first long 42501 line is split into a partial (P) and final (F) part."""
    out, split = [], False
    for ev in evs:
        stream = "stdout" if ev[2][0] == "uvicorn.access" else "stderr"
        line, ts = basic(ev), ts_iso(ev[0], 9)
        if not split and "42501" in line and len(line.encode()) > 200:
            b = line.encode()
            out += [f"{ts} {stream} P {b[:160].decode()}", f"{ts} {stream} F {b[160:].decode()}"]
            split = True
        else:
            out.append(f"{ts} {stream} F {line}")
    return out


def write(rel, lines, nl="\n"):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(line + nl for line in lines))


def expired_token(req, balances):
    """A request whose JWT has expired: Supabase auth answers 401, the API answers 401."""
    start(req, "GET", "/api/v1/credits/balance", auth=False)
    req.log("middleware.auth", "INFO", "🔐 [AUTH] Validating JWT for GET /api/v1/credits/balance")
    req.http(21.0, "GET", f"{SUPABASE}/auth/v1/user", 401)
    req.log("middleware.auth", "ERROR", "❌ [AUTH] Token validation failed: invalid JWT: unable to parse or "
            "verify signature, token has invalid claims: token is expired")
    finish(req, 401)


def incident_000():
    t0 = at(7, 55, 212)
    bal = {A: 1200, B: 640, C: 2350}
    reqs = [request(11, "A-balance", A, "balance", None, bal), request(12, "B-generation", B, "generation", None, bal),
            request(22, "A-generation", A, "generation", "anon-client", bal), request(14, "C-balance", C, "balance", None, bal)]
    evs = simulate(list(zip((t0, t0 + 37, t0 + 1650, t0 + 1661), reqs)))
    write("incident-000/balance-works-generation-fails.log", map(basic, evs))
    write("incident-000/balance-works-generation-fails.truth",
          [f"{n} {ev[1].label} {int(ev[2][4])}" for n, ev in enumerate(evs, 1)])
    # A's generation the evening before, when it still worked, and the failing one on its own.
    working = simulate([(-(12 * 3600 + 35 * 60) * 1000 + 508.0, request(33, "A-generation-ok", A, "generation", None, {A: 1250}))])
    failing = simulate([(t0 + 1650, request(22, "A-generation", A, "generation", "anon-client", {A: 1200}))])
    for name, flow in (("working-flow", working), ("failing-flow", failing)):
        write(f"incident-000/{name}.log", map(basic, flow))
        write(f"incident-000/{name}.jsonl", map(jsonl, flow))


def formats():
    t0 = at(7, 57, 123)
    bal = {A: 1200}
    evs = simulate([(t0, request(31, "A-balance", A, "balance", None, bal)),
                    (t0 + 18, request(32, "expired-token", None, "balance", None, bal, expired_token)),
                    (t0 + 640, request(22, "A-generation", A, "generation", "anon-client", bal))])
    write("formats/basic-config.log", map(basic, evs))
    write("formats/crlf.log", map(basic, evs), nl="\r\n")
    write("formats/console-ansi.log", map(console, evs))
    write("formats/python-default.log", map(default, evs))
    write("formats/json-lines.jsonl", map(docker_or_json, evs))
    write("formats/bare-ticket.txt", [ev[2][2] for ev in evs if ev[2][0] != "uvicorn.access"])
    write("formats/request-tracking.log", map(tracking_bare, evs))
    write("formats/cri-container.log", cri(evs))
    write("mojibake/clean.log", [basic(ev) for ev in evs if ev[1].label != "expired-token"])


def healthy_and_failures():
    bal = {A: 1200, B: 640, C: 2350, D: 90, E: 100}  # shared: the files follow each other in time
    files = (
        ("healthy/anon-first-then-service.log", at(8, 12, 40), (41, "B-profile", B, "profile", "anon-first"), 9, (42, "C-balance", C, "balance", None)),
        ("healthy/auto-recovery-profile-created.log", at(9, 12, 40), (43, "E-balance", E, "balance", "auto-recovery"), 14, (44, "C-poll", C, "poll", None)),
        ("healthy/retry-after-503.log", at(10, 12, 40), (47, "B-generation", B, "generation", "retry-503"), 120, (46, "A-balance", A, "balance", None)),
        ("failures/service-key-rejected.log", at(9, 3, 517), (51, "A-balance", A, "balance", "service-key-401"), 26, (52, "C-profile", C, "profile", "service-key-401")),
        ("failures/rls-insert-denied.log", at(10, 3, 517), (53, "D-profile", D, "profile", "rls-insert"), 31, (54, "A-balance", A, "balance", None)),
        ("failures/permission-denied-credit-transactions.log", at(11, 3, 517), (55, "C-generation", C, "generation", "missing-grant"), 48, (56, "B-poll", B, "poll", None)),
        ("failures/deduction-without-transaction.log", at(12, 3, 517), (57, "B-generation", B, "generation", "deduct-no-tx"), 17, (58, "C-balance", C, "balance", None)),
        ("failures/generation-without-deduction.log", at(13, 3, 517), (59, "C-generation", C, "generation", "gen-no-deduct"), 35, (60, "B-balance", B, "balance", None)),
        ("failures/profile-lookup-error.log", at(14, 3, 517), (61, "A-generation", A, "generation", "profile-lookup"), 22, (62, "B-balance", B, "balance", None)),
    )
    for path, t0, main, delay, other in files:
        first, second = request(*main, bal), request(*other, bal)
        write(path, map(basic, simulate([(t0, first), (t0 + delay, second)])))


if __name__ == "__main__":
    incident_000()
    formats()
    healthy_and_failures()
    print("composed incident-000/, formats/, mojibake/clean.log, healthy/, failures/")
