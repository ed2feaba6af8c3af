#!/usr/bin/env python3
"""Deterministic generator of large, interleaved logs of the credits/generations service.

    python3 Benchmarks/generate.py --size 1G --out Benchmarks/data/1g.log
    python3 Benchmarks/generate.py --size 300K --concurrency 10 --users 10 --seed 7 \
        --out multi-user.log --truth multi-user.truth

asyncio mode simulates the event loop: each request is a coroutine that logs a run of lines, then
awaits an HTTP call; when the simulated response arrives (after a random latency) the httpx line is
logged and the coroutine runs on to its next await. Whichever task is ready first runs next, so a
request's lines come in runs, with other requests' runs in between. lines mode interleaves single
lines at random (a stress test). Memory stays constant: lines are written as they are made.

The truth file has one line per log line: `<line> <request-label or -> <tagged 0|1>`.
"""

import argparse
import gzip
import heapq
import os
import random
import sys
import time

from flowgen import flows as F
from flowgen.layouts import Renderer

DEMO_USER = "22cb3917-57f6-49c6-ac96-ec266570081b"
DEFAULT_LOGGERS = ("httpx", "uvicorn.access")


def parse_size(text):
    t = text.strip().upper().removesuffix("B").removesuffix("I")
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}.get(t[-1:], 1)
    return int(float(t[:-1] if mult > 1 else t) * mult)


class Sink:
    """Buffered output of the log (plain or gzip), the truth file and the request list."""

    def __init__(self, args):
        self.limit = args.size
        self.flush_at = max(4096, min(1 << 20, self.limit // 64))
        raw = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
        self.raw = raw
        self.out = gzip.GzipFile(filename=os.path.basename(args.out).removesuffix(".gz"), mode="wb",
                                 compresslevel=6, fileobj=raw, mtime=0) if args.gzip else raw
        self.truth = open(args.truth, "w", encoding="ascii", buffering=1 << 20) if args.truth else None
        self.requests = open(args.requests, "w", encoding="ascii", buffering=1 << 20) if args.requests else None
        self.buf, self.tbuf = [], []
        self.chars = 0
        self.bytes = 0
        self.lines = 0
        self.full = False

    def flush(self):
        data = "".join(self.buf).encode("utf-8")
        self.out.write(data)
        self.bytes += len(data)
        self.buf.clear()
        self.chars = 0
        if self.truth:
            self.truth.write("".join(self.tbuf))
            self.tbuf.clear()
        self.full = self.bytes >= self.limit

    def close(self):
        self.flush()
        if self.out is not self.raw:
            self.out.close()
        if self.raw is not sys.stdout.buffer:
            self.raw.close()
        for f in (self.truth, self.requests):
            if f:
                f.close()


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.sink = Sink(args)
        rng = self.rng
        self.users = [DEMO_USER] + [F.uuid4(rng) for _ in range(args.users - 1)]
        self.balances = {u: 10 * rng.randrange(20, 300) for u in self.users}
        self.balances[DEMO_USER] = 1200
        self.count = 0
        self.active = {}  # label -> user, for requests in flight
        kinds, weights = zip(*F.MIX)
        self.kinds, self.cum = kinds, [sum(weights[:i + 1]) for i in range(len(weights))]
        if args.format == "mixed":
            self.renderers = (Renderer("basic"), Renderer("json"), Renderer("default"))
        else:
            self.renderers = (Renderer(args.format),)

    def new_request(self):
        rng, a = self.rng, self.args
        self.count += 1
        label = f"r{self.count}"
        variant = None
        if rng.random() < a.fault_rate:
            variant = F.FAULTS[rng.randrange(len(F.FAULTS))]
            choices = F.FAULT_KINDS[variant]
            kind = choices[rng.randrange(len(choices))]
        elif rng.random() < a.quirk_rate:
            variant = F.QUIRKS[rng.randrange(len(F.QUIRKS))]
            choices = F.QUIRK_KINDS[variant]
            kind = choices[rng.randrange(len(choices))]
        else:
            x = rng.random() * self.cum[-1]
            kind = next(k for k, c in zip(self.kinds, self.cum) if x < c)
        if self.active and rng.random() < a.same_user:
            user = rng.choice(list(self.active.values()))
        else:
            user = self.users[rng.randrange(len(self.users))]
        req = F.Request(rng, label, user, kind, variant)
        req.status = 0
        F.FLOWS[kind](req, self.balances)
        if kind == "health":
            user = "-"
        else:
            self.active[label] = user
        if self.sink.requests:
            self.sink.requests.write(f"{label} {kind} {variant or 'ok'} {req.status} {req.method} {req.path} "
                                     f"user={user} request={req.rid}\n")
        return req

    def emit(self, ms, req, lines):
        """Writes `lines` of `req` at simulated time `ms`; returns the time after them."""
        s = self.sink
        label = req.label
        rs = self.renderers
        mixed = len(rs) > 1
        render = rs[0].render
        if mixed:
            app = rs[int(req.rid[-1], 16) & 1].render
        for logger, level, msg, fields, tagged in lines:
            if mixed:
                render = rs[2].render if logger in DEFAULT_LOGGERS else app
            text = render(ms, logger, level, msg, fields)
            s.buf.append(text)
            s.chars += len(text)
            s.lines += 1
            if s.truth is not None:
                s.tbuf.append(f"{s.lines} {label} {1 if tagged else 0}\n")
            ms += 0.03
        if s.chars >= s.flush_at:
            s.flush()
        return ms

    def startup(self):
        req = F.Request(self.rng, "-", None, "startup", None)
        for logger, level, msg in F.STARTUP:
            req.log(logger, level, msg)
        return self.emit(0.0, req, req.cur) + 5.0

    def run_asyncio(self):
        rng, C = self.rng, self.args.concurrency
        clock = self.startup()
        heap, seq = [], 0
        for _ in range(C):
            seq += 1
            heap.append((clock + rng.random() * 400, seq, self.new_request(), 0))
        heapq.heapify(heap)
        next_cleanup = clock + 20000
        while heap and not self.sink.full:
            t, _, req, i = heapq.heappop(heap)
            if t > clock:
                clock = t
            clock = self.emit(clock, req, req.segs[i][1])
            i += 1
            seq += 1
            if i < len(req.segs):
                heapq.heappush(heap, (clock + req.segs[i][0], seq, req, i))
            elif req.label != "-":
                self.active.pop(req.label, None)
                heapq.heappush(heap, (clock + rng.expovariate(1 / 15.0), seq, self.new_request(), 0))
            if clock >= next_cleanup:
                next_cleanup = clock + 25000 + rng.random() * 10000
                seq += 1
                heapq.heappush(heap, (clock, seq, F.cleanup_job(rng), 0))

    def run_lines(self):
        rng, C = self.rng, self.args.concurrency
        clock = self.startup()
        flat = []
        for _ in range(C):
            req = self.new_request()
            flat.append([req, [ln for _, seg in req.segs for ln in seg], 0])
        while not self.sink.full:
            k = rng.randrange(C)
            slot = flat[k]
            req, lines, i = slot
            clock = self.emit(clock, req, lines[i:i + 1]) + rng.random() * 2
            i += 1
            if i < len(lines):
                slot[2] = i
            else:
                self.active.pop(req.label, None)
                req = self.new_request()
                flat[k] = [req, [ln for _, seg in req.segs for ln in seg], 0]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--size", type=parse_size, default=parse_size("100M"), help="stop after this many bytes of log (300K, 100M, 1G)")
    p.add_argument("--concurrency", type=int, default=40, help="requests in flight (default 40)")
    p.add_argument("--fault-rate", type=float, default=0.02, help="fraction of requests that fail (default 0.02)")
    p.add_argument("--quirk-rate", type=float, default=0.02,
                   help="fraction of requests on a healthy path that looks alarming (default 0.02)")
    p.add_argument("--mode", choices=("asyncio", "lines"), default="asyncio",
                   help="asyncio: runs of lines between awaits (default); lines: random line-by-line interleaving")
    p.add_argument("--format", choices=("basic", "json", "mixed"), default="basic",
                   help="basic: logging.basicConfig (default); json: JSON lines; mixed: basic and JSON "
                   "replicas, httpx and uvicorn lines in Python's default layout")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1); same options and seed, same bytes")
    p.add_argument("--users", type=int, default=2000, help="size of the user pool (default 2000)")
    p.add_argument("--same-user", type=float, default=0.06,
                   help="chance a new request is by a user who already has one in flight (default 0.06)")
    p.add_argument("--out", required=True, help="log file to write ('-' for stdout)")
    p.add_argument("--truth", help="truth file: '<line> <label> <tagged>' per log line")
    p.add_argument("--requests", help="one line per request: label, kind, path variant (ok, a fault or "
                   "a quirk), status, method, path, user, request id")
    p.add_argument("--gzip", action="store_true", help="gzip the log (level 6, streaming)")
    p.add_argument("--quiet", action="store_true", help="no summary line on stderr")
    args = p.parse_args(argv)
    if args.users < 1 or args.concurrency < 1:
        p.error("--users and --concurrency must be at least 1")
    began = time.perf_counter()
    gen = Generator(args)
    (gen.run_asyncio if args.mode == "asyncio" else gen.run_lines)()
    gen.sink.close()
    took = time.perf_counter() - began
    if not args.quiet:
        mib = gen.sink.bytes / (1 << 20)
        print(f"generate.py: {gen.sink.lines} lines, {mib:.1f} MiB, {gen.count} requests in {took:.1f}s "
              f"({mib / took:.1f} MiB/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
